package org.kapsdk.core.model;

/** What a unit measures; a quantity may only be compared with or converted to one of the same dimension. */
public enum Dimension {
  /** Mass of a drug (mg). */
  MASS,
  /** Dose per body mass (mg/kg). */
  MASS_PER_BODY_MASS,
  /** Body mass (kg, lb). */
  BODY_MASS,
  /** Pressure (mmHg); blood pressure only. */
  PRESSURE,
  /** Events per minute (heart rate, respiratory rate). */
  RATE,
  /** A percentage (oxygen saturation). */
  FRACTION,
  /** Temperature. */
  TEMPERATURE,
  /** Body mass index. */
  BODY_MASS_INDEX,
  /** A span of time. */
  TIME,
  /** A score on an assessment instrument. */
  SCORE
}
