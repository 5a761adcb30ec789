package org.kapsdk.core.facts;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import org.kapsdk.core.model.Code;
import org.kapsdk.core.model.Instrument;
import org.kapsdk.core.model.Quantity;

/**
 * One coded reading with its value and the instant it was measured.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableObservation.class)
@JsonDeserialize(builder = Observation.Builder.class)
public sealed interface Observation permits ImmutableObservation {

  /** What was measured, for example systolic blood pressure. */
  Code code();

  /** The value with its unit. */
  Quantity value();

  /** When it was measured. */
  Instant at();

  /** Structural check run by the builder; throws {@link org.kapsdk.core.validation.ValidationException}. */
  @Value.Check
  default void checkStructure() {
    FactChecks.check(this);
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Observation}; {@code build()} reports every structural problem at once. */
  final class Builder extends ImmutableObservation.Builder {
    public Builder() {}
  }
}
