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
 * An amount per kilogram of body weight, rounded to a step and never above a cap,
 * for example 0.5 mg/kg IV capped at 60 mg.
 */
@JsonTypeName("weightBased")
@Value.Immutable
@JsonSerialize(as = ImmutableWeightBasedDose.class)
@JsonDeserialize(builder = WeightBasedDose.Builder.class)
public sealed interface WeightBasedDose extends Dose permits ImmutableWeightBasedDose {

  /** The amount per kilogram, in mg/kg. */
  Quantity perKg();

  /** The step the computed amount is rounded down to, in mg. */
  Optional<Quantity> roundTo();

  /** The largest amount whatever the weight, in mg. */
  Quantity cap();

  /** Structural check run by the builder; throws {@link org.kapsdk.core.validation.ValidationException}. */
  @Value.Check
  default void checkStructure() {
    StructuralChecks.check(this);
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link WeightBasedDose}; {@code build()} reports every structural problem at once. */
  final class Builder extends ImmutableWeightBasedDose.Builder {
    public Builder() {}
  }
}
