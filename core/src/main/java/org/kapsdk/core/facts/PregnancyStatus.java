package org.kapsdk.core.facts;

/** A patient's recorded pregnancy and lactation status. */
public enum PregnancyStatus {
  PREGNANT,
  BREASTFEEDING,
  NEITHER
}
