package org.kapsdk.core.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.kapsdk.core.internal.KapsdkStyle;

/**
 * A condition over a patient's facts and course history, from a closed list of kinds named by
 * the {@code kind} field in files (never by class name). Conditions compose with
 * {@link AllOf all}, {@link AnyOf any} and {@link Not not}; host-specific logic enters through
 * {@link ExtensionCondition extension}.
 *
 * <p>The list of kinds is closed on purpose: a template must mean the same thing to every reader,
 * and an unknown kind in a file is an error, never skipped.
 */
@KapsdkStyle
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = ObservationThreshold.class, name = "observation"),
  @JsonSubTypes.Type(value = ObservationTrend.class, name = "observationTrend"),
  @JsonSubTypes.Type(value = ConditionPresent.class, name = "conditionPresent"),
  @JsonSubTypes.Type(value = MedicationPresent.class, name = "medicationPresent"),
  @JsonSubTypes.Type(value = PatientAge.class, name = "age"),
  @JsonSubTypes.Type(value = Pregnancy.class, name = "pregnancy"),
  @JsonSubTypes.Type(value = AssessmentThreshold.class, name = "assessment"),
  @JsonSubTypes.Type(value = SessionInterval.class, name = "sessionInterval"),
  @JsonSubTypes.Type(value = DoseLimit.class, name = "doseLimit"),
  @JsonSubTypes.Type(value = MonitoringElapsed.class, name = "monitoringElapsed"),
  @JsonSubTypes.Type(value = AttestationPresent.class, name = "attestation"),
  @JsonSubTypes.Type(value = AllOf.class, name = "all"),
  @JsonSubTypes.Type(value = AnyOf.class, name = "any"),
  @JsonSubTypes.Type(value = Not.class, name = "not"),
  @JsonSubTypes.Type(value = ExtensionCondition.class, name = "extension")
})
public sealed interface Condition
    permits ObservationThreshold,
        ObservationTrend,
        ConditionPresent,
        MedicationPresent,
        PatientAge,
        Pregnancy,
        AssessmentThreshold,
        SessionInterval,
        DoseLimit,
        MonitoringElapsed,
        AttestationPresent,
        AllOf,
        AnyOf,
        Not,
        ExtensionCondition {

  /** The kind name used in files, for example {@code observation}. */
  default String kindName() {
    return ConditionKinds.nameOf(this);
  }
}
