package org.kapsdk.core.plan;

/** What a {@link PlannedItem} is. */
public enum ItemKind {
  /** A session of the course: a visit planned on an open clinic day. */
  SESSION,
  /** An integration step due after a dosing session (a therapy session, a form, journaling…). */
  INTEGRATION_STEP,
  /** An assessment due at a session. */
  ASSESSMENT
}
