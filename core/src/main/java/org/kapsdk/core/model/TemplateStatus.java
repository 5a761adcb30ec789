package org.kapsdk.core.model;

/** The life-cycle status of a protocol template. */
public enum TemplateStatus {
  DRAFT, ACTIVE, RETIRED
}
