package org.kapsdk.core.model;

/**
 * What re-planning does with the rest of a phase after a session was missed or held late.
 */
public enum MissedSessionPolicy {
  /**
   * The remaining sessions keep their planned dates; the missed one is not made up. The
   * esketamine guidance for a session missed in the first four weeks: keep the current schedule
   * (JJMI).
   */
  KEEP_SCHEDULE,
  /**
   * The remaining sessions of the phase move later by the delay, so that every interval of the
   * pattern is kept from the session actually held.
   */
  SHIFT_REMAINING
}
