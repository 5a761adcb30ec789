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
 * Holds when the patient currently takes any of the coded medications (a code
 * set, such as benzodiazepines). An unreconciled medication list leaves it unknown.
 */
@JsonTypeName("medicationPresent")
@Value.Immutable
@JsonSerialize(as = ImmutableMedicationPresent.class)
@JsonDeserialize(builder = MedicationPresent.Builder.class)
public sealed interface MedicationPresent extends Condition permits ImmutableMedicationPresent {

  /** What the code set stands for, in words, for messages. */
  String label();

  /** The codes; at least one. */
  List<Code> codes();

  /** Structural check run by the builder; throws {@link org.kapsdk.core.validation.ValidationException}. */
  @Value.Check
  default void checkStructure() {
    StructuralChecks.check(this);
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link MedicationPresent}; {@code build()} reports every structural problem at once. */
  final class Builder extends ImmutableMedicationPresent.Builder {
    public Builder() {}
  }
}
