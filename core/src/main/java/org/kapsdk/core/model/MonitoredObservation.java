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
 * One observation taken during monitoring: at fixed offsets from the plan's
 * anchor, at a regular interval, continuously, or a mix.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableMonitoredObservation.class)
@JsonDeserialize(builder = MonitoredObservation.Builder.class)
public sealed interface MonitoredObservation permits ImmutableMonitoredObservation {

  /** The observation. */
  Code code();

  /** Offsets from the plan's anchor at which a reading is due, ascending. */
  List<Duration> at();

  /** A regular interval between readings. */
  Optional<Duration> every();

  /** Whether the observation is monitored continuously (pulse oximetry). */
  @Value.Default
  default boolean continuous() {
    return false;
  }

  /** Structural check run by the builder; throws {@link org.kapsdk.core.validation.ValidationException}. */
  @Value.Check
  default void checkStructure() {
    StructuralChecks.check(this);
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link MonitoredObservation}; {@code build()} reports every structural problem at once. */
  final class Builder extends ImmutableMonitoredObservation.Builder {
    public Builder() {}
  }
}
