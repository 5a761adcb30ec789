package org.kapsdk.core.course;

/** How severe an adverse event was, on the usual four-step scale. */
public enum AdverseEventSeverity {
  /** Noticed, no intervention needed. */
  MILD,
  /** Needed an intervention or interfered with usual activity. */
  MODERATE,
  /** Medically significant; needed substantial intervention. */
  SEVERE,
  /** Immediate risk of death. */
  LIFE_THREATENING
}
