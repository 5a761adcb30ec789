package org.kapsdk.core.model;

/** The kind of a session in a course. */
public enum SessionKind {
  SCREENING, PREPARATION, DOSING, INTEGRATION, ASSESSMENT, FOLLOW_UP
}
