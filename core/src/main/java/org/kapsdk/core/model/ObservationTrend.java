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
 * Holds when the last {@link #readings()} readings of an observation, all within
 * {@link #within()}, move in the stated direction; stable means no step larger than
 * {@link #tolerance()}. Fewer readings leave the condition unknown.
 */
@JsonTypeName("observationTrend")
@Value.Immutable
@JsonSerialize(as = ImmutableObservationTrend.class)
@JsonDeserialize(builder = ObservationTrend.Builder.class)
public sealed interface ObservationTrend extends Condition permits ImmutableObservationTrend {

  /** The observation. */
  Code code();

  /** The direction the readings must take. */
  TrendDirection direction();

  /** How many of the latest readings are compared; at least 2. */
  @Value.Default
  default int readings() {
    return 2;
  }

  /** The window, ending at evaluation time, in which those readings must lie. */
  Duration within();

  /** The largest change between consecutive readings still counted as stable. */
  Optional<Quantity> tolerance();

  /** Structural check run by the builder; throws {@link org.kapsdk.core.validation.ValidationException}. */
  @Value.Check
  default void checkStructure() {
    StructuralChecks.check(this);
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ObservationTrend}; {@code build()} reports every structural problem at once. */
  final class Builder extends ImmutableObservationTrend.Builder {
    public Builder() {}
  }
}
