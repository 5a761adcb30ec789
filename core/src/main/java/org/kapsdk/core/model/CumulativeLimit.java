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
 * The most that may be given over a day, a week or the course, in mg.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableCumulativeLimit.class)
@JsonDeserialize(builder = CumulativeLimit.Builder.class)
public sealed interface CumulativeLimit permits ImmutableCumulativeLimit {

  /** The period summed over: DAY, WEEK or COURSE. */
  LimitPeriod period();

  /** The largest total in the period, in mg. */
  Quantity maximum();

  /** Structural check run by the builder; throws {@link org.kapsdk.core.validation.ValidationException}. */
  @Value.Check
  default void checkStructure() {
    StructuralChecks.check(this);
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link CumulativeLimit}; {@code build()} reports every structural problem at once. */
  final class Builder extends ImmutableCumulativeLimit.Builder {
    public Builder() {}
  }
}
