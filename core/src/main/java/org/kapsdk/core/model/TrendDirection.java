package org.kapsdk.core.model;

/** The direction a series of readings must take. */
public enum TrendDirection {
  FALLING, RISING, STABLE, FALLING_OR_STABLE
}
