package org.kapsdk.core.plan;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Duration;
import org.immutables.value.Value;

/** How far ahead the planner plans. */
@Value.Immutable
@JsonSerialize(as = ImmutablePlanOptions.class)
@JsonDeserialize(builder = PlanOptions.Builder.class)
public sealed interface PlanOptions permits ImmutablePlanOptions {

  /** The default horizon: 26 weeks. */
  Duration DEFAULT_HORIZON = Duration.ofDays(26L * 7);

  /**
   * How far from the course start open-ended repeats are planned (a repeat with neither
   * {@code weeks} nor {@code occurrences}, such as {@code every: 2 wk}): their sessions whose
   * target falls before {@code start + horizon} are planned. Whole days, from 1 day to 520 weeks;
   * 26 weeks unless set. Finite patterns are always planned in full.
   */
  @Value.Default
  default Duration horizon() {
    return DEFAULT_HORIZON;
  }

  /** The default options. */
  static PlanOptions defaults() {
    return builder().build();
  }

  /** Structural check run by the builder; throws {@link org.kapsdk.core.validation.ValidationException}. */
  @Value.Check
  default void checkStructure() {
    PlanChecks.check(this);
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link PlanOptions}. */
  final class Builder extends ImmutablePlanOptions.Builder {
    public Builder() {}
  }
}
