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
 * A safety rule: an id, a severity, the gate at which it is evaluated, a message, the
 * evidence behind it, whether a clinician may override it, and one condition that either must
 * hold ({@link #require()}) or must not hold ({@link #forbid()}).
 *
 * <p>Exactly one of {@code require} and {@code forbid} is set. A rule whose condition cannot be
 * evaluated for lack of data is never treated as passed.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableRule.class)
@JsonDeserialize(builder = Rule.Builder.class)
public sealed interface Rule permits ImmutableRule {

  /** Unique within the template, for example {@code BP-PRE-01}. */
  String id();

  /** What a failing rule does to the verdict. */
  Severity severity();

  /** When the rule is evaluated. */
  Gate gate();

  /**
   * The message shown when the rule fails or cannot be evaluated. May contain the placeholders
   * {@code {value}}, {@code {threshold}}, {@code {measuredAt}}, {@code {elapsed}} and
   * {@code {missing}}, which the safety gate fills in.
   */
  String message();

  /** Keys of the template's {@link Evidence} entries behind this rule; at least one. */
  List<String> evidence();

  /** Whether a clinician may override a failure, with a recorded reason. False unless stated. */
  @Value.Default
  default boolean overridable() {
    return false;
  }

  /** Phases this rule is limited to, by phase id; empty means every phase. */
  List<String> phases();

  /** The condition that must hold for the rule to pass. */
  Optional<Condition> require();

  /** The condition that must not hold for the rule to pass. */
  Optional<Condition> forbid();

  /** Structural check run by the builder; throws {@link org.kapsdk.core.validation.ValidationException}. */
  @Value.Check
  default void checkStructure() {
    StructuralChecks.check(this);
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Rule}; {@code build()} reports every structural problem at once. */
  final class Builder extends ImmutableRule.Builder {
    public Builder() {}
  }
}
