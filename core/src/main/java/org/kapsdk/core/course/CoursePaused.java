package org.kapsdk.core.course;

import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/**
 * The course is on hold: no session may start and no dose may be given until it is resumed.
 * The reason is a short coded or free text that must not identify the patient.
 */
@JsonTypeName("coursePaused")
@Value.Immutable
@JsonSerialize(as = ImmutableCoursePaused.class)
@JsonDeserialize(builder = CoursePaused.Builder.class)
public sealed interface CoursePaused extends CourseEvent permits ImmutableCoursePaused {

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

  /** Builds a {@link CoursePaused}; {@code build()} reports every structural problem at once. */
  final class Builder extends ImmutableCoursePaused.Builder {
    public Builder() {}
  }
}
