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
 * A phase of a course (screening, preparation, induction, maintenance, integration…) and the
 * session templates it contains, in order.
 */
@Value.Immutable
@JsonSerialize(as = ImmutablePhase.class)
@JsonDeserialize(builder = Phase.Builder.class)
public sealed interface Phase permits ImmutablePhase {

  /** Unique within the template, for example {@code induction}. */
  String id();

  /** A human-readable title. */
  String title();

  /** A longer description. */
  Optional<String> description();

  /** The session templates of this phase; at least one. */
  List<SessionTemplate> sessions();

  /** What re-planning does after a missed or late session in this phase; KEEP_SCHEDULE when absent. */
  Optional<MissedSessionPolicy> onMissed();

  /** When worsening scores send the rest of this phase back to an earlier phase's schedule. */
  Optional<StepBack> stepBack();

  /** The decision the clinician takes at the end of this phase. */
  Optional<DecisionPoint> decision();

  /** Structural check run by the builder; throws {@link org.kapsdk.core.validation.ValidationException}. */
  @Value.Check
  default void checkStructure() {
    StructuralChecks.check(this);
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Phase}; {@code build()} reports every structural problem at once. */
  final class Builder extends ImmutablePhase.Builder {
    public Builder() {}
  }
}
