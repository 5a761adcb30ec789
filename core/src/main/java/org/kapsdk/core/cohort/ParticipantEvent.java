package org.kapsdk.core.cohort;

import java.util.Objects;
import org.kapsdk.core.course.CourseEvent;

/**
 * One event to append to one participant's course, decided on the course version the caller
 * saw: the optimistic-concurrency token of {@link org.kapsdk.core.course.CourseStore#append}.
 *
 * @param courseId the participant's course id
 * @param expectedVersion the version of the course the event was decided on
 * @param event the event
 */
public record ParticipantEvent(String courseId, long expectedVersion, CourseEvent event) {

  /** Checks that nothing is missing. */
  public ParticipantEvent {
    Objects.requireNonNull(courseId, "courseId");
    Objects.requireNonNull(event, "event");
  }

  /** {@code ParticipantEvent[course-id @version type]}: the event's type, never its content. */
  @Override
  public String toString() {
    return "ParticipantEvent[" + courseId + " @" + expectedVersion + " " + event.typeName() + "]";
  }
}
