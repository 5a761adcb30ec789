package org.kapsdk.core.course;

import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/** A paused course continues. */
@JsonTypeName("courseResumed")
@Value.Immutable
@JsonSerialize(as = ImmutableCourseResumed.class)
@JsonDeserialize(builder = CourseResumed.Builder.class)
public sealed interface CourseResumed extends CourseEvent permits ImmutableCourseResumed {

  /** Structural check run by the builder; throws {@link org.kapsdk.core.validation.ValidationException}. */
  @Value.Check
  default void checkStructure() {
    CourseChecks.check(this);
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link CourseResumed}; {@code build()} reports every structural problem at once. */
  final class Builder extends ImmutableCourseResumed.Builder {
    public Builder() {}
  }
}
