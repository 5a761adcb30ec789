package org.kapsdk.core.course;

import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/**
 * The course ended early for good; nothing may be appended after it. The reason is a short coded
 * or free text that must not identify the patient.
 */
@JsonTypeName("courseDiscontinued")
@Value.Immutable
@JsonSerialize(as = ImmutableCourseDiscontinued.class)
@JsonDeserialize(builder = CourseDiscontinued.Builder.class)
public sealed interface CourseDiscontinued extends CourseEvent permits ImmutableCourseDiscontinued {

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

  /** Builds a {@link CourseDiscontinued}; {@code build()} reports every structural problem at once. */
  final class Builder extends ImmutableCourseDiscontinued.Builder {
    public Builder() {}
  }
}
