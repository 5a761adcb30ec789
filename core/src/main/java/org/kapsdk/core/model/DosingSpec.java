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
 * What is given at a dosing session: the medication, the route, the dose, the allowed
 * range and titration steps, and the per-session and cumulative limits.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableDosingSpec.class)
@JsonDeserialize(builder = DosingSpec.Builder.class)
public sealed interface DosingSpec permits ImmutableDosingSpec {

  /** The medication, coded. */
  Code medication();

  /** The route. */
  Route route();

  /** The standard (starting) dose. */
  Dose dose();

  /** The range within which a clinician may set the dose. */
  Optional<DoseRange> allowedRange();

  /** The dose levels a titration may step through, ascending, each within the allowed range. */
  List<Quantity> titrationSteps();

  /** The most that may be given in one session, in mg. */
  Optional<Quantity> maxPerSession();

  /** Limits summed over a day, a week or the whole course. */
  List<CumulativeLimit> cumulativeLimits();

  /** How long one administration takes, for example an infusion over 40 min. */
  Optional<Duration> administeredOver();

  /** Structural check run by the builder; throws {@link org.kapsdk.core.validation.ValidationException}. */
  @Value.Check
  default void checkStructure() {
    StructuralChecks.check(this);
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link DosingSpec}; {@code build()} reports every structural problem at once. */
  final class Builder extends ImmutableDosingSpec.Builder {
    public Builder() {}
  }
}
