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
 * One administration: when, how much, and of which medication (the session's own when absent).
 */
@Value.Immutable
@JsonSerialize(as = ImmutableAdministration.class)
@JsonDeserialize(builder = Administration.Builder.class)
public sealed interface Administration permits ImmutableAdministration {

  /** When it was given (for a device dose, when that device was used). */
  Instant at();

  /** How much, in mg. */
  Quantity amount();

  /** The medication; the session template's medication when absent. */
  Optional<Code> medication();

  /** Structural check run by the builder; throws {@link org.kapsdk.core.validation.ValidationException}. */
  @Value.Check
  default void checkStructure() {
    FactChecks.check(this);
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Administration}; {@code build()} reports every structural problem at once. */
  final class Builder extends ImmutableAdministration.Builder {
    public Builder() {}
  }
}
