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
 * A fixed amount, for example 200 mg sublingual.
 */
@JsonTypeName("fixed")
@Value.Immutable
@JsonSerialize(as = ImmutableFixedDose.class)
@JsonDeserialize(builder = FixedDose.Builder.class)
public sealed interface FixedDose extends Dose permits ImmutableFixedDose {

  /** The amount, in mg. */
  Quantity amount();

  /** Structural check run by the builder; throws {@link org.kapsdk.core.validation.ValidationException}. */
  @Value.Check
  default void checkStructure() {
    StructuralChecks.check(this);
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link FixedDose}; {@code build()} reports every structural problem at once. */
  final class Builder extends ImmutableFixedDose.Builder {
    public Builder() {}
  }
}
