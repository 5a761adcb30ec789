package org.kapsdk.core.cohort;

import java.util.List;
import java.util.Optional;
import org.kapsdk.core.course.CourseRecord;
import org.kapsdk.core.validation.Problem;

/**
 * What happened to one participant's event when a cohort recorded: accepted (with the course as
 * now stored), or refused with the reason. A refused event changed nothing in that course.
 */
public final class RecordingResult {

  /** How one participant's append ended. */
  public enum Status {
    /** The event is in the participant's course. */
    ACCEPTED,
    /** The course moved on since the expected version: nothing was appended; reload and decide again. */
    STALE,
    /** The course refused the event (it does not fit what was recorded before). */
    REJECTED,
    /** The store holds no course with this id. */
    NO_COURSE
  }

  private final String courseId;
  private final Status status;
  private final Optional<CourseRecord> record;
  private final List<Problem> problems;

  private RecordingResult(String courseId, Status status, Optional<CourseRecord> record, List<Problem> problems) {
    this.courseId = courseId;
    this.status = status;
    this.record = record;
    this.problems = List.copyOf(problems);
  }

  static RecordingResult accepted(String courseId, CourseRecord record) {
    return new RecordingResult(courseId, Status.ACCEPTED, Optional.of(record), List.of());
  }

  static RecordingResult refused(String courseId, Status status, List<Problem> problems) {
    return new RecordingResult(courseId, status, Optional.empty(), problems);
  }

  /** The participant's course id. */
  public String courseId() {
    return courseId;
  }

  /** How the append ended. */
  public Status status() {
    return status;
  }

  /** Whether the event was appended. */
  public boolean accepted() {
    return status == Status.ACCEPTED;
  }

  /** The course as now stored, when the event was accepted. */
  public Optional<CourseRecord> record() {
    return record;
  }

  /** Why the event was refused; empty when it was accepted. */
  public List<Problem> problems() {
    return problems;
  }

  /** {@code course-id STATUS} and the first reason, if refused. */
  @Override
  public String toString() {
    return courseId + " " + status + (problems.isEmpty() ? "" : ": " + problems.get(0).message());
  }
}
