package org.kapsdk.core.outcome;

/** Whether the latest score of an {@link OutcomeSeries} is a response: a drop from baseline by at least the threshold. */
public enum ResponseStatus {
  /** The total dropped from baseline by at least the response threshold. */
  RESPONSE,
  /** The total dropped by less than the threshold, or did not drop. */
  NO_RESPONSE,
  /**
   * Response cannot be defined: no response threshold is in force for the instrument (the
   * template must set {@code outcomes[].responseDropPercent}), or the baseline total is 0, from
   * which no percent drop exists. More scores will not change this.
   */
  NOT_CLASSIFIABLE,
  /** No baseline, or no score after it yet. */
  UNKNOWN
}
