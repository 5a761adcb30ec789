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
 * Holds when the patient has any of the coded conditions (a code set, such as
 * the esketamine contraindications). An unreviewed problem list leaves it unknown.
 */
@JsonTypeName("conditionPresent")
@Value.Immutable
@JsonSerialize(as = ImmutableConditionPresent.class)
@JsonDeserialize(builder = ConditionPresent.Builder.class)
public sealed interface ConditionPresent extends Condition permits ImmutableConditionPresent {

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

  /** Builds a {@link ConditionPresent}; {@code build()} reports every structural problem at once. */
  final class Builder extends ImmutableConditionPresent.Builder {
    public Builder() {}
  }
}
