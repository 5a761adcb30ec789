package org.kapsdk.core.model;

/** The moment at which a rule is evaluated. */
public enum Gate {
  ELIGIBILITY, PRE_DOSE, DURING_SESSION, DISCHARGE, COURSE
}
