package org.kapsdk.core.course;

import java.util.Optional;

/**
 * Where courses are kept, with optimistic concurrency: every append names the version it was
 * decided on, and exactly one of two appends made against the same version wins; the other gets
 * a {@link StaleVersionException} and nothing of it is stored. Hosts implement this over their
 * database (a compare-and-set on the version column); {@link InMemoryCourseStore} is the
 * reference implementation.
 */
public interface CourseStore {

  /** The course with the given id, as last stored. */
  Optional<CourseRecord> load(String courseId);

  /**
   * Stores a new course whose first event is {@code started}.
   *
   * @throws StaleVersionException if a course with that id already exists (expected version 0)
   * @throws EventRejectedException if the event does not start a course under these rules
   */
  CourseRecord create(CourseStarted started, CourseRules rules);

  /**
   * Appends one event to a stored course, if the course is still at {@code expectedVersion} and
   * the event fits it.
   *
   * @return the course as now stored
   * @throws StaleVersionException if the course is at another version
   * @throws EventRejectedException if the event does not fit the course
   * @throws java.util.NoSuchElementException if there is no course with that id
   */
  CourseRecord append(String courseId, long expectedVersion, CourseEvent event, CourseRules rules);
}
