package org.kapsdk.core.outcome;

/** Whether the latest score of an {@link OutcomeSeries} is a remission: a total at most the cut-off. */
public enum RemissionStatus {
  /** The latest total is at most the remission cut-off. */
  REMISSION,
  /** The latest total is above the cut-off. */
  NO_REMISSION,
  /**
   * No remission cut-off is in force for the instrument: the template must set {@code
   * outcomes[].remissionAtMost} (for MADRS the reference gives two, 10 and 12).
   */
  NOT_CLASSIFIABLE,
  /** No baseline, or no score after it yet. */
  UNKNOWN
}
