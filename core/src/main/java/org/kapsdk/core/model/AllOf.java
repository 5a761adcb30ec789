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
 * Holds when every condition holds; unknown when none fails and any is unknown.
 */
@JsonTypeName("all")
@Value.Immutable
@JsonSerialize(as = ImmutableAllOf.class)
@JsonDeserialize(builder = AllOf.Builder.class)
public sealed interface AllOf extends Condition permits ImmutableAllOf {

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

  /** Builds a {@link AllOf}; {@code build()} reports every structural problem at once. */
  final class Builder extends ImmutableAllOf.Builder {
    public Builder() {}
  }
}
