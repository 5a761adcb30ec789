package org.kapsdk.core.model;

/** The period over which a dose limit is summed; DAY and WEEK are rolling 24 hours and 7 days. */
public enum LimitPeriod {
  SESSION, DAY, WEEK, COURSE
}
