package org.kapsdk.core.course;

import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/**
 * An integration step that follows a dosing session was done (an integration therapy session, a
 * journal, a check-in, the REMS patient monitoring form).
 */
@JsonTypeName("integrationStepCompleted")
@Value.Immutable
@JsonSerialize(as = ImmutableIntegrationStepCompleted.class)
@JsonDeserialize(builder = IntegrationStepCompleted.Builder.class)
public sealed interface IntegrationStepCompleted extends CourseEvent permits ImmutableIntegrationStepCompleted {

  /** The occurrence id of the dosing session the step follows. */
  String sessionId();

  /** The id of the step in the session template's {@code integrationSteps}. */
  String stepId();

  /** Structural check run by the builder; throws {@link org.kapsdk.core.validation.ValidationException}. */
  @Value.Check
  default void checkStructure() {
    CourseChecks.check(this);
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link IntegrationStepCompleted}; {@code build()} reports every structural problem at once. */
  final class Builder extends ImmutableIntegrationStepCompleted.Builder {
    public Builder() {}
  }
}
