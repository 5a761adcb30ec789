package org.kapsdk.core.course;

/** Where a course stands as a whole. */
public enum CourseStatus {
  /** No {@link CourseStarted} yet. */
  NOT_STARTED,
  /** Started and running. */
  ACTIVE,
  /** On hold: no session may start and no dose may be given until it is resumed. */
  PAUSED,
  /** Ended early for good; nothing more is recorded. */
  DISCONTINUED
}
