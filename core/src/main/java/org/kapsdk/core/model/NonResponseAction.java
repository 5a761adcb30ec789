package org.kapsdk.core.model;

/** What a decision point recommends for a patient who has not responded. Never applied by itself. */
public enum NonResponseAction {
  /** Recommend stopping the course. */
  RECOMMEND_STOP,
  /** Recommend a clinical review of whether and how to continue. */
  REVIEW
}
