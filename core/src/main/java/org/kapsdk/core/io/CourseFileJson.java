package org.kapsdk.core.io;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import org.kapsdk.core.course.CourseEvent;
import org.kapsdk.core.internal.KapsdkStyle;

/**
 * The file form of a course: the protocol it runs and the clinic profile that sets its parameters
 * (both absent in a bare record a host persists), its id and its events. Not API: {@link CourseFiles} turns it into a {@link CourseDocument} or a
 * {@link org.kapsdk.core.course.CourseRecord}.
 */
@KapsdkStyle
@Value.Immutable
@JsonSerialize(as = ImmutableCourseFileJson.class)
@JsonDeserialize(builder = CourseFileJson.Builder.class)
sealed interface CourseFileJson permits ImmutableCourseFileJson {

  /** A template path relative to the file, or a built-in protocol id. */
  Optional<String> protocol();

  /** A clinic profile path relative to the file, for a template with parameters. */
  Optional<String> profile();

  /** The course's id. */
  String courseId();

  /** The events, oldest first. */
  List<CourseEvent> events();

  /** Builds a {@link CourseFileJson}. */
  final class Builder extends ImmutableCourseFileJson.Builder {
    public Builder() {}
  }
}
