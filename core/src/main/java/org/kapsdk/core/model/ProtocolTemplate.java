package org.kapsdk.core.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A course template: what a clinic runs for every patient on one protocol. It holds
 * the phases with their sessions, the rules that guard the course, and the evidence behind
 * every number.
 *
 * <p>Rules sit where they apply. Template-level {@link #rules()} with gate ELIGIBILITY or COURSE
 * guard the course; template-level PRE_DOSE, DURING_SESSION and DISCHARGE rules apply at every
 * dosing session; a session's own rules apply to that session only.
 *
 * <p>{@code build()} checks the whole template and reports every structural problem at once,
 * each with its path: duplicate ids, references to phases, sessions or evidence that do not
 * exist, bounds that contradict each other, units that do not fit.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableProtocolTemplate.class)
@JsonDeserialize(builder = ProtocolTemplate.Builder.class)
public sealed interface ProtocolTemplate permits ImmutableProtocolTemplate {

  /** The stable id, for example {@code esketamine-trd-us}: lower case, digits, {@code . _ -}. */
  String id();

  /** The semantic version of this template, for example {@code 1.2.0}. */
  String version();

  /** A human-readable title. */
  String title();

  /** The life-cycle status. */
  TemplateStatus status();

  /** A longer description for authors and reviewers. */
  Optional<String> description();

  /** The coded indications the protocol treats; at least one. */
  List<Code> indications();

  /** The sources rules refer to by key. */
  List<Evidence> evidence();

  /**
   * The values the clinic decides, each used at one or more places of the template written
   * {@code ${name}} and set in a clinic profile (see {@link Parameter}).
   */
  List<Parameter> parameters();

  /**
   * Where the template's parameters are used: the path of each value written {@code ${name}} in
   * the template file ({@code phases[2].stepBack.worsenedByAtLeast}), mapped to the parameter's
   * name. The template holds the resolved value at each path; writing the template writes the
   * placeholder back, so a template never carries one clinic's values into its file form.
   * Empty for a template without parameters.
   */
  @JsonIgnore
  Map<String, String> placeholders();

  /** The phases in course order; at least one. */
  List<Phase> phases();

  /** Rules that guard the whole course (see the class documentation for their scope). */
  List<Rule> rules();

  /** How response and remission are judged, per instrument; at most one entry per instrument. */
  List<OutcomeDefinition> outcomes();

  /**
   * The outcome definition in force for an instrument: the template's entry, else one holding
   * only the reference values (which may be empty).
   */
  default OutcomeDefinition outcome(Instrument instrument) {
    for (OutcomeDefinition o : outcomes()) {
      if (o.instrument() == instrument) {
        return o;
      }
    }
    return OutcomeDefinition.builder().instrument(instrument).build();
  }

  /** The template-level rules evaluated before the course starts. */
  @JsonIgnore
  default List<Rule> eligibilityRules() {
    return rules().stream().filter(r -> r.gate() == Gate.ELIGIBILITY).toList();
  }

  /** The template-level rules evaluated on course events. */
  @JsonIgnore
  default List<Rule> courseRules() {
    return rules().stream().filter(r -> r.gate() == Gate.COURSE).toList();
  }

  /** The parameter with the given name. */
  default Optional<Parameter> parameter(String name) {
    return parameters().stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /** The evidence entry with the given key. */
  default Optional<Evidence> evidence(String key) {
    return evidence().stream().filter(e -> e.key().equals(key)).findFirst();
  }

  /** Every session template, in course order. */
  @JsonIgnore
  default List<SessionTemplate> sessions() {
    return phases().stream().flatMap(p -> p.sessions().stream()).toList();
  }

  /** Structural check run by the builder; throws {@link org.kapsdk.core.validation.ValidationException}. */
  @Value.Check
  default void checkStructure() {
    StructuralChecks.check(this);
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ProtocolTemplate}; {@code build()} reports every structural problem at once. */
  final class Builder extends ImmutableProtocolTemplate.Builder {
    public Builder() {}
  }
}
