package org.kapsdk.core.outcome;

/** What a {@link DecisionItem} found at a decision point. */
public enum DecisionStatus {
  /** The patient met the response definition. */
  RESPONDED,
  /** The patient did not meet it. */
  NOT_RESPONDED,
  /** Response could not be judged; the item says what is missing. */
  CANNOT_JUDGE
}
