package org.kapsdk.core.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Holds when the dose about to be given, added to what was given in the period, stays
 * at or below {@link #maximum()}. A maximum in mg/kg is computed from the latest body weight no older
 * than {@link #weightMaxAge()}. Administrations of an unknown medication are counted, never skipped.
 */
@JsonTypeName("doseLimit")
@Value.Immutable
@JsonSerialize(as = ImmutableDoseLimit.class)
@JsonDeserialize(builder = DoseLimit.Builder.class)
public sealed interface DoseLimit extends Condition permits ImmutableDoseLimit {

  /** The period summed over. */
  LimitPeriod period();

  /** The largest total in the period, in mg or mg/kg. */
  Quantity maximum();

  /** The medication counted; the session's own medication when absent. */
  Optional<Code> medication();

  /**
   * How old the body weight may be when {@link #maximum()} is in mg/kg; required then, because a
   * dose ceiling computed from a stale weight is not a ceiling.
   */
  Optional<Duration> weightMaxAge();

  /** Structural check run by the builder; throws {@link org.kapsdk.core.validation.ValidationException}. */
  @Value.Check
  default void checkStructure() {
    StructuralChecks.check(this);
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link DoseLimit}; {@code build()} reports every structural problem at once. */
  final class Builder extends ImmutableDoseLimit.Builder {
    public Builder() {}
  }
}
