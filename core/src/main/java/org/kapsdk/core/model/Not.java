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
 * Holds when its condition does not hold; unknown stays unknown.
 */
@JsonTypeName("not")
@Value.Immutable
@JsonSerialize(as = ImmutableNot.class)
@JsonDeserialize(builder = Not.Builder.class)
public sealed interface Not extends Condition permits ImmutableNot {

  /** The negated condition. */
  Condition condition();

  /** Structural check run by the builder; throws {@link org.kapsdk.core.validation.ValidationException}. */
  @Value.Check
  default void checkStructure() {
    StructuralChecks.check(this);
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Not}; {@code build()} reports every structural problem at once. */
  final class Builder extends ImmutableNot.Builder {
    public Builder() {}
  }
}
