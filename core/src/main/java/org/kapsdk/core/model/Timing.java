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
 * When a session falls relative to an anchor (the phase start, or the start or end of
 * another session template): a target offset inside an earliest/latest window, and the
 * minimum and maximum intervals from earlier sessions of given kinds.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableTiming.class)
@JsonDeserialize(builder = Timing.Builder.class)
public sealed interface Timing permits ImmutableTiming {

  /** The anchor; the start of the phase when absent. */
  Optional<Anchor> anchor();

  /** The target offset from the anchor. */
  @Value.Default
  default Duration target() {
    return Duration.ZERO;
  }

  /** The earliest allowed offset from the anchor; not after the target. */
  Optional<Duration> earliest();

  /** The latest allowed offset from the anchor; not before the target. */
  Optional<Duration> latest();

  /** Intervals this session must keep from earlier sessions. */
  List<IntervalConstraint> intervals();

  /** Structural check run by the builder; throws {@link org.kapsdk.core.validation.ValidationException}. */
  @Value.Check
  default void checkStructure() {
    StructuralChecks.check(this);
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Timing}; {@code build()} reports every structural problem at once. */
  final class Builder extends ImmutableTiming.Builder {
    public Builder() {}
  }
}
