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
 * A host-specific condition, evaluated by an extension registered under
 * {@link #name()}. Without such an extension the condition is unknown, never passed.
 */
@JsonTypeName("extension")
@Value.Immutable
@JsonSerialize(as = ImmutableExtensionCondition.class)
@JsonDeserialize(builder = ExtensionCondition.Builder.class)
public sealed interface ExtensionCondition extends Condition permits ImmutableExtensionCondition {

  /** The extension's registered name, for example {@code clinic.bmi-check}. */
  String name();

  /** Parameters passed to the extension as text. */
  Map<String, String> parameters();

  /** Structural check run by the builder; throws {@link org.kapsdk.core.validation.ValidationException}. */
  @Value.Check
  default void checkStructure() {
    StructuralChecks.check(this);
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ExtensionCondition}; {@code build()} reports every structural problem at once. */
  final class Builder extends ImmutableExtensionCondition.Builder {
    public Builder() {}
  }
}
