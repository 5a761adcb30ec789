package org.kapsdk.core.gate;

/** Three-valued truth, as conditions evaluate: unknown is a value of its own, never false or true. */
public enum Truth {
  TRUE,
  FALSE,
  UNKNOWN;

  /** Kleene conjunction: false wins, then unknown. */
  public Truth and(Truth other) {
    if (this == FALSE || other == FALSE) {
      return FALSE;
    }
    return this == UNKNOWN || other == UNKNOWN ? UNKNOWN : TRUE;
  }

  /** Kleene disjunction: true wins, then unknown. */
  public Truth or(Truth other) {
    if (this == TRUE || other == TRUE) {
      return TRUE;
    }
    return this == UNKNOWN || other == UNKNOWN ? UNKNOWN : FALSE;
  }

  /** Kleene negation: unknown stays unknown. */
  public Truth not() {
    return this == TRUE ? FALSE : this == FALSE ? TRUE : UNKNOWN;
  }

  /** TRUE or FALSE for a known boolean. */
  public static Truth of(boolean value) {
    return value ? TRUE : FALSE;
  }
}
