package org.kapsdk.core.gate;

/** The answer to "may this proceed?". */
public enum VerdictOutcome {
  /** Every rule passed or does not apply. */
  PROCEED,
  /** No blocking rule stands in the way, but a warning rule failed or was unknown, or a rule was overridden. */
  PROCEED_WITH_WARNINGS,
  /** A BLOCK rule failed or could not be evaluated, and no permitted override covers it. */
  BLOCKED
}
