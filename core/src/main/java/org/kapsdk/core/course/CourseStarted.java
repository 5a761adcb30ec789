package org.kapsdk.core.course;

import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.SortedSet;
import org.immutables.value.Value;

/**
 * The first event of every course: which course, which patient (an opaque id), which template
 * version, and the clinic calendar the course is planned against (first day, time zone, closed
 * weekdays and closed dates).
 *
 * <p>The template id and version are recorded so that a course can never silently be replayed
 * against another protocol: appending to it with rules compiled from another template version is
 * refused. The patient id is redacted from {@code toString()} and never appears in a message.
 */
@JsonTypeName("courseStarted")
@Value.Immutable
@JsonSerialize(as = ImmutableCourseStarted.class)
@JsonDeserialize(builder = CourseStarted.Builder.class)
public sealed interface CourseStarted extends CourseEvent permits ImmutableCourseStarted {

  /** The course's id, equal to its record's {@link CourseRecord#courseId()}. */
  String courseId();

  /** An opaque patient id chosen by the host; never a name or record number. */
  @Value.Redacted
  String patientId();

  /** The id of the protocol template the course runs. */
  String templateId();

  /** The version of that template. */
  String templateVersion();

  /** The first day of the course, in {@link #zone()}. */
  LocalDate startDate();

  /** The clinic's time zone, in which dates and weekdays are read. */
  ZoneId zone();

  /** Weekdays on which the clinic is closed, for example SATURDAY and SUNDAY; never all seven. */
  @Value.NaturalOrder
  SortedSet<DayOfWeek> closedWeekdays();

  /** Single dates on which the clinic is closed (holidays). */
  @Value.NaturalOrder
  SortedSet<LocalDate> closedDates();

  /** Structural check run by the builder; throws {@link org.kapsdk.core.validation.ValidationException}. */
  @Value.Check
  default void checkStructure() {
    CourseChecks.check(this);
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link CourseStarted}; {@code build()} reports every structural problem at once. */
  final class Builder extends ImmutableCourseStarted.Builder {
    public Builder() {}
  }
}
