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
 * A kind of session the course schedules: once, a number of times, or on a repeat
 * pattern, with its timing. A dosing session also carries its dosing spec, its monitoring plan,
 * the integration steps that follow it, and its own rules.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableSessionTemplate.class)
@JsonDeserialize(builder = SessionTemplate.Builder.class)
public sealed interface SessionTemplate permits ImmutableSessionTemplate {

  /** Unique within the template, for example {@code induction-dose}. */
  String id();

  /** The kind of session. */
  SessionKind kind();

  /** A human-readable title. */
  String title();

  /** A longer description. */
  Optional<String> description();

  /** How many sessions of this template the phase holds; not set together with {@link #repeat()}. One when neither is set. */
  Optional<Integer> count();

  /** A repeat pattern, such as twice weekly for four weeks; not set together with {@link #count()}. */
  Optional<Repeat> repeat();

  /** When the first session falls, and the intervals every session must keep. */
  Optional<Timing> timing();

  /** The expected length of one session. */
  Optional<Duration> duration();

  /**
   * Set when the session is a group session: one session for a cohort of participants, each
   * with their own course and safety record (see {@code org.kapsdk.core.cohort}).
   */
  Optional<GroupSpec> group();

  /** The dose; required for dosing sessions and allowed on no other kind. */
  Optional<DosingSpec> dosing();

  /** Post-dose monitoring; only on dosing sessions. */
  Optional<MonitoringPlan> monitoring();

  /** Steps due after each session of this template; only on dosing sessions. */
  List<IntegrationStep> integrationSteps();

  /** Assessments taken at each session of this template. */
  List<AssessmentSpec> assessments();

  /** Rules for sessions of this template, with gate PRE_DOSE, DURING_SESSION or DISCHARGE. */
  List<Rule> rules();

  /** Structural check run by the builder; throws {@link org.kapsdk.core.validation.ValidationException}. */
  @Value.Check
  default void checkStructure() {
    StructuralChecks.check(this);
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link SessionTemplate}; {@code build()} reports every structural problem at once. */
  final class Builder extends ImmutableSessionTemplate.Builder {
    public Builder() {}
  }
}
