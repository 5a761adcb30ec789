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
 * Holds when any condition holds; unknown when none holds and any is unknown.
 */
@JsonTypeName("any")
@Value.Immutable
@JsonSerialize(as = ImmutableAnyOf.class)
@JsonDeserialize(builder = AnyOf.Builder.class)
public sealed interface AnyOf extends Condition permits ImmutableAnyOf {

  /** The conditions; at least one. */
  List<Condition> conditions();

  /** Structural check run by the builder; throws {@link org.kapsdk.core.validation.ValidationException}. */
  @Value.Check
  default void checkStructure() {
    StructuralChecks.check(this);
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link AnyOf}; {@code build()} reports every structural problem at once. */
  final class Builder extends ImmutableAnyOf.Builder {
    public Builder() {}
  }
}
