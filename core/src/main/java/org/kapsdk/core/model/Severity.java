package org.kapsdk.core.model;

/** What a failing rule does to a verdict: BLOCK stops, WARN proceeds with warnings, INFO informs. */
public enum Severity {
  BLOCK, WARN, INFO
}
