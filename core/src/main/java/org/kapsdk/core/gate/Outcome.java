package org.kapsdk.core.gate;

/** The outcome of one rule in one evaluation. */
public enum Outcome {
  /** The rule's condition was evaluated on current data and the rule is satisfied. */
  PASS,
  /** The rule's condition was evaluated on current data and the rule is violated. */
  FAIL,
  /** Data the rule needs was missing, stale, in an unusable unit or unreadable; never a pass. */
  UNKNOWN,
  /** The rule does not apply here (limited to other phases). */
  NOT_APPLICABLE,
  /** The rule failed or was unknown, and a clinician overrode it with a recorded reason. */
  OVERRIDDEN
}
