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
 * Monitoring after a dose: what is measured and when, the least time it lasts from
 * its anchor, and the condition that must also hold before it ends.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableMonitoringPlan.class)
@JsonDeserialize(builder = MonitoringPlan.Builder.class)
public sealed interface MonitoringPlan permits ImmutableMonitoringPlan {

  /** The instant monitoring time is measured from; the first administration unless stated. */
  @Value.Default
  default TimeAnchor from() {
    return TimeAnchor.FIRST_ADMINISTRATION;
  }

  /** The least time monitoring lasts. */
  Duration minimumDuration();

  /** What is measured, and when. */
  List<MonitoredObservation> observations();

  /** A condition that must also hold before monitoring ends, such as BP falling or stable. */
  Optional<Condition> endsWhen();

  /** Structural check run by the builder; throws {@link org.kapsdk.core.validation.ValidationException}. */
  @Value.Check
  default void checkStructure() {
    StructuralChecks.check(this);
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link MonitoringPlan}; {@code build()} reports every structural problem at once. */
  final class Builder extends ImmutableMonitoringPlan.Builder {
    public Builder() {}
  }
}
