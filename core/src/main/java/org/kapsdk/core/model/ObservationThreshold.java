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
 * Holds when the latest reading of a coded observation compares with a threshold as stated,
 * and the reading is no older than {@link #maxAge()}; a missing or older reading leaves the
 * condition unknown. Example: systolic BP {@code LE 140 mmHg} measured within {@code 60 min}.
 */
@JsonTypeName("observation")
@Value.Immutable
@JsonSerialize(as = ImmutableObservationThreshold.class)
@JsonDeserialize(builder = ObservationThreshold.Builder.class)
public sealed interface ObservationThreshold extends Condition permits ImmutableObservationThreshold {

  /** The observation, for example {@link Codes#SYSTOLIC_BP}. */
  Code code();

  /** How the reading is compared: {@code reading COMPARATOR value}. */
  Comparator comparator();

  /** The threshold, in a unit that fits the observation. */
  Quantity value();

  /** How old the latest reading may be at evaluation time; older readings do not count. */
  Duration maxAge();

  /** Structural check run by the builder; throws {@link org.kapsdk.core.validation.ValidationException}. */
  @Value.Check
  default void checkStructure() {
    StructuralChecks.check(this);
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ObservationThreshold}; {@code build()} reports every structural problem at once. */
  final class Builder extends ImmutableObservationThreshold.Builder {
    public Builder() {}
  }
}
