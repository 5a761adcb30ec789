package org.kapsdk.core.course;

import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/**
 * The clinician moved the course to another phase (the decision at the end of induction, or a
 * step back to a more frequent schedule). The reason is a short coded or free text that must not
 * identify the patient.
 */
@JsonTypeName("phaseChanged")
@Value.Immutable
@JsonSerialize(as = ImmutablePhaseChanged.class)
@JsonDeserialize(builder = PhaseChanged.Builder.class)
public sealed interface PhaseChanged extends CourseEvent permits ImmutablePhaseChanged {

  /** The id of the phase the course moves to; an existing phase other than the current one. */
  String toPhase();

  /** Why, as a short code or text; never patient-identifying, never a clinical note. */
  String reason();

  /** Structural check run by the builder; throws {@link org.kapsdk.core.validation.ValidationException}. */
  @Value.Check
  default void checkStructure() {
    CourseChecks.check(this);
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link PhaseChanged}; {@code build()} reports every structural problem at once. */
  final class Builder extends ImmutablePhaseChanged.Builder {
    public Builder() {}
  }
}
