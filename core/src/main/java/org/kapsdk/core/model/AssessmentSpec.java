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
 * An assessment taken at each session of a template.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableAssessmentSpec.class)
@JsonDeserialize(builder = AssessmentSpec.Builder.class)
public sealed interface AssessmentSpec permits ImmutableAssessmentSpec {

  /** The instrument. */
  Instrument instrument();

  /** Whether the assessment is required; true unless stated. */
  @Value.Default
  default boolean required() {
    return true;
  }

  /** Structural check run by the builder; throws {@link org.kapsdk.core.validation.ValidationException}. */
  @Value.Check
  default void checkStructure() {
    StructuralChecks.check(this);
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link AssessmentSpec}; {@code build()} reports every structural problem at once. */
  final class Builder extends ImmutableAssessmentSpec.Builder {
    public Builder() {}
  }
}
