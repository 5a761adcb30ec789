package org.kapsdk.core.model;

/** Which score of an assessment a rule reads. */
public enum ScoreMeasure {
  TOTAL, ITEM, HIGHEST_POSITIVE_ITEM
}
