package org.kapsdk.core.course;

/** Where one session of a course stands. */
public enum SessionStatus {
  /** On the schedule, not started. */
  SCHEDULED,
  /** Under way. */
  STARTED,
  /** Ended. */
  COMPLETED,
  /** Did not happen: the patient did not come. */
  MISSED,
  /** Called off before it started. */
  CANCELLED
}
