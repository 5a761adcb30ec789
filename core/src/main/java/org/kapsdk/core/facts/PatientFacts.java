package org.kapsdk.core.facts;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import org.kapsdk.core.model.Code;
import org.kapsdk.core.model.Instrument;
import org.kapsdk.core.model.Quantity;

/**
 * What the safety gate knows about one patient and their course at the moment it is asked:
 * demographics, reviewed problem and medication lists, readings, assessments, attestations and
 * the sessions so far (the current one included).
 *
 * <p>Absence is meaningful and never read as "normal": a missing age, pregnancy status,
 * problem list or reading makes the rules that need it UNKNOWN, which blocks where the rule
 * would block. An empty but reviewed problem list, by contrast, means "none".
 *
 * <p>The patient appears only as an opaque id, which is redacted from {@code toString()}. Never
 * put names, birth dates or record numbers in any field.
 */
@Value.Immutable
@JsonSerialize(as = ImmutablePatientFacts.class)
@JsonDeserialize(builder = PatientFacts.Builder.class)
public sealed interface PatientFacts permits ImmutablePatientFacts {

  /** An opaque id chosen by the host system; never a name or record number. */
  @Value.Redacted
  String patientId();

  /** The age in whole years, when recorded. */
  Optional<Integer> ageYears();

  /** The pregnancy status, when recorded. */
  Optional<PregnancyStatus> pregnancy();

  /** The reviewed problem list; absent when nobody reviewed it. */
  Optional<ConditionList> conditions();

  /** The reconciled medication list; absent when nobody reconciled it. */
  Optional<MedicationList> medications();

  /** Coded readings with their times. */
  List<Observation> observations();

  /** Completed assessments. */
  List<AssessmentResult> assessments();

  /** Recorded attestations (fasting, transport, enrolment…). */
  List<Attestation> attestations();

  /** The course's sessions so far, in any order; the current session included. */
  List<SessionRecord> sessions();

  /** The session with the given occurrence id. */
  default Optional<SessionRecord> session(String id) {
    return sessions().stream().filter(s -> s.id().equals(id)).findFirst();
  }

  /** Structural check run by the builder; throws {@link org.kapsdk.core.validation.ValidationException}. */
  @Value.Check
  default void checkStructure() {
    FactChecks.check(this);
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link PatientFacts}; {@code build()} reports every structural problem at once. */
  final class Builder extends ImmutablePatientFacts.Builder {
    public Builder() {}
  }
}
