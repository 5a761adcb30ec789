package org.kapsdk.core.scenario;

/** A field of the patient facts a scenario may clear from its fixture. */
public enum FactField {
  AGE_YEARS,
  PREGNANCY,
  CONDITIONS,
  MEDICATIONS,
  OBSERVATIONS,
  ASSESSMENTS,
  ATTESTATIONS,
  SESSIONS
}
