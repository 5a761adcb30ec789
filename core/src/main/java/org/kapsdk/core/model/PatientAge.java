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
 * Holds when the patient's age in whole years compares with {@link #years()} as stated.
 */
@JsonTypeName("age")
@Value.Immutable
@JsonSerialize(as = ImmutablePatientAge.class)
@JsonDeserialize(builder = PatientAge.Builder.class)
public sealed interface PatientAge extends Condition permits ImmutablePatientAge {

  /** How the age is compared: {@code age COMPARATOR years}. */
  Comparator comparator();

  /** The age threshold in whole years, 0 to 130. */
  int years();

  /** Structural check run by the builder; throws {@link org.kapsdk.core.validation.ValidationException}. */
  @Value.Check
  default void checkStructure() {
    StructuralChecks.check(this);
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link PatientAge}; {@code build()} reports every structural problem at once. */
  final class Builder extends ImmutablePatientAge.Builder {
    public Builder() {}
  }
}
