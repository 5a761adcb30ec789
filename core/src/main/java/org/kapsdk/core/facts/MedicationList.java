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
 * A medication list as reconciled at a given instant; an empty list means "reconciled, none".
 */
@Value.Immutable
@JsonSerialize(as = ImmutableMedicationList.class)
@JsonDeserialize(builder = MedicationList.Builder.class)
public sealed interface MedicationList permits ImmutableMedicationList {

  /** When the list was last reconciled. */
  Instant reconciledAt();

  /** The coded medications the patient currently takes. */
  List<Code> codes();

  /** Structural check run by the builder; throws {@link org.kapsdk.core.validation.ValidationException}. */
  @Value.Check
  default void checkStructure() {
    FactChecks.check(this);
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link MedicationList}; {@code build()} reports every structural problem at once. */
  final class Builder extends ImmutableMedicationList.Builder {
    public Builder() {}
  }
}
