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
 * Holds when at least {@link #atLeast()} has passed since the anchor instant of
 * the current session, for example 120 min since the first device.
 */
@JsonTypeName("monitoringElapsed")
@Value.Immutable
@JsonSerialize(as = ImmutableMonitoringElapsed.class)
@JsonDeserialize(builder = MonitoringElapsed.Builder.class)
public sealed interface MonitoringElapsed extends Condition permits ImmutableMonitoringElapsed {

  /** The instant elapsed time is measured from; the first administration unless stated. */
  @Value.Default
  default TimeAnchor from() {
    return TimeAnchor.FIRST_ADMINISTRATION;
  }

  /** The least time that must have passed. */
  Duration atLeast();

  /** Structural check run by the builder; throws {@link org.kapsdk.core.validation.ValidationException}. */
  @Value.Check
  default void checkStructure() {
    StructuralChecks.check(this);
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link MonitoringElapsed}; {@code build()} reports every structural problem at once. */
  final class Builder extends ImmutableMonitoringElapsed.Builder {
    public Builder() {}
  }
}
