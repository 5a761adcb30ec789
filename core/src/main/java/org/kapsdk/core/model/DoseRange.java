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
 * The lowest and highest dose a clinician may set, in the unit of the dose.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableDoseRange.class)
@JsonDeserialize(builder = DoseRange.Builder.class)
public sealed interface DoseRange permits ImmutableDoseRange {

  /** The lowest dose. */
  Quantity min();

  /** The highest dose. */
  Quantity max();

  /** Structural check run by the builder; throws {@link org.kapsdk.core.validation.ValidationException}. */
  @Value.Check
  default void checkStructure() {
    StructuralChecks.check(this);
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link DoseRange}; {@code build()} reports every structural problem at once. */
  final class Builder extends ImmutableDoseRange.Builder {
    public Builder() {}
  }
}
