package org.kapsdk.core.plan;

/** What happened to an item between two plans; see {@link PlanChange}. */
public enum ChangeKind {
  /** The item is planned on another date. */
  MOVED,
  /** The item is new in the plan (a step back planned more sessions). */
  ADDED,
  /** The item is no longer in the plan (its session was missed, or a step back planned fewer). */
  DROPPED,
  /** The session was recorded as held; {@code to} is the date it was held. */
  HELD,
  /** The session was recorded as missed; it keeps its date and is not made up. */
  MISSED,
  /**
   * The session keeps its date, but a maximum interval from a session already held or missed can
   * no longer be kept by any date in its window: the history has already broken it.
   */
  INTERVAL_UNMET
}
