package org.kapsdk.core.outcome;

/**
 * The direction of the last two scores of an {@link OutcomeSeries}, by total. Every instrument a
 * series accepts scores higher as worse, so a falling total is improving.
 */
public enum Trend {
  /** The latest total is lower than the one before. */
  IMPROVING,
  /** The latest total is higher than the one before. */
  WORSENING,
  /** The latest total equals the one before. */
  UNCHANGED,
  /** Fewer than two scores. */
  UNKNOWN
}
