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
 * The minimum and maximum time between the end of the latest earlier session of
 * a kind and the start of this one, for example at least 2 days between dosing sessions.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableIntervalConstraint.class)
@JsonDeserialize(builder = IntervalConstraint.Builder.class)
public sealed interface IntervalConstraint permits ImmutableIntervalConstraint {

  /** The kind of the earlier session. */
  SessionKind after();

  /** The shortest allowed interval. */
  Optional<Duration> min();

  /** The longest allowed interval. */
  Optional<Duration> max();

  /** Structural check run by the builder; throws {@link org.kapsdk.core.validation.ValidationException}. */
  @Value.Check
  default void checkStructure() {
    StructuralChecks.check(this);
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link IntervalConstraint}; {@code build()} reports every structural problem at once. */
  final class Builder extends ImmutableIntervalConstraint.Builder {
    public Builder() {}
  }
}
