package org.kapsdk.core.model;

/** What an integration step is; FORM covers administrative follow-ups such as the REMS Patient Monitoring Form. */
public enum IntegrationKind {
  THERAPY_SESSION, GROUP_SESSION, JOURNALING, CHECK_IN, FORM
}
