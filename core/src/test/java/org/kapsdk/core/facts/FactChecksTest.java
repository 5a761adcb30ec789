package org.kapsdk.core.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.kapsdk.core.model.Codes;
import org.kapsdk.core.model.Instrument;
import org.kapsdk.core.model.Quantity;
import org.kapsdk.core.validation.Problem;
import org.kapsdk.core.validation.ValidationException;

class FactChecksTest {
  private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
  private static final String PATIENT = "pt-7f3a9c-unique";

  private static SessionRecord session(String id) {
    return SessionRecord.builder().id(id).template("dose").start(T0).build();
  }

  private static PatientFacts.Builder facts() {
    return PatientFacts.builder().patientId(PATIENT);
  }

  @Test
  void assessment_itemAboveRange_isRefused() {
    assertThatThrownBy(() -> AssessmentResult.builder().instrument(Instrument.PHQ9).at(T0)
            .addItems(0, 0, 0, 0, 0, 0, 0, 0, 4).build())
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessage("items[8]: must lie within the item range 0 to 3");
  }

  @Test
  void assessment_itemBelowRange_isRefused() {
    assertThatThrownBy(() -> AssessmentResult.builder().instrument(Instrument.CSSRS_SCREENER).at(T0)
            .addItems(0, -1, 0, 0, 0, 0).build())
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessage("items[1]: must lie within the item range 0 to 1");
  }

  @Test
  void assessment_partialItemList_isRefused() {
    assertThatThrownBy(() -> AssessmentResult.builder().instrument(Instrument.PHQ9).at(T0).addItems(1, 2, 3).build())
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessage("items: must hold all 9 items of PHQ-9 or none");
  }

  @Test
  void assessment_totalOutOfRange_isRefused() {
    assertThatThrownBy(() -> AssessmentResult.builder().instrument(Instrument.PHQ9).at(T0).total(28).build())
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessage("total: must lie within the PHQ-9 total range 0 to 27");
  }

  @Test
  void assessment_totalDifferentFromItemSum_isRefused() {
    assertThatThrownBy(() -> AssessmentResult.builder().instrument(Instrument.PHQ9).at(T0)
            .addItems(1, 1, 1, 1, 1, 1, 1, 1, 1).total(10).build())
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessage("total: does not equal the sum of the items");
  }

  /** Items add to 21; QIDS-SR16 scores the 9 domain maxima: 3+2+3+1+2+0+1+2+3 = 17. */
  private static AssessmentResult.Builder qids() {
    return AssessmentResult.builder().instrument(Instrument.QIDS_SR16).at(T0)
        .addItems(3, 0, 1, 2, 2, 0, 3, 1, 0, 1, 2, 0, 1, 2, 0, 3);
  }

  @Test
  void assessment_qidsTotalOfDomainMaxima_isAccepted() {
    assertThat(qids().total(17).build().total()).contains(17);
  }

  @Test
  void assessment_qidsTotalAsPlainItemSum_isRefused() {
    assertThatThrownBy(() -> qids().total(21).build())
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessage("total: does not equal the sum of the 9 domain maxima of the items (QIDS-SR16 scoring)");
  }

  @Test
  void assessment_qidsEffectiveTotalFromItems_isDomainScored() {
    assertThat(qids().build().effectiveTotal()).contains(17);
  }

  @Test
  void assessment_cssrsTotalOtherThanPositiveCount_isRefused() {
    assertThatThrownBy(() -> AssessmentResult.builder().instrument(Instrument.CSSRS_SCREENER).at(T0)
            .addItems(1, 0, 0, 1, 0, 0).total(4).build())
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessage("total: does not equal the number of positive items");
  }

  @Test
  void assessment_cssrsTotalEqualToPositiveCount_isAccepted() {
    assertThat(AssessmentResult.builder().instrument(Instrument.CSSRS_SCREENER).at(T0)
        .addItems(1, 0, 0, 1, 0, 0).total(2).build().effectiveTotal()).contains(2);
  }

  @Test
  void assessment_itemOutOfRangeWithTotal_reportsTheItemOnly() {
    // The total cannot be scored from an invalid item, so only the item is reported.
    ValidationException e = catchThrowableOfType(ValidationException.class, () -> AssessmentResult.builder()
        .instrument(Instrument.QIDS_SR16).at(T0).addItems(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9).total(3).build());

    assertThat(e.problems()).extracting(Problem::path, Problem::message)
        .containsExactly(tuple("items[15]", "must lie within the item range 0 to 3"));
  }

  @Test
  void assessment_effectiveTotal_isRecordedTotalElseItemSumElseEmpty() {
    AssessmentResult recorded = AssessmentResult.builder().instrument(Instrument.PHQ9).at(T0).total(7).build();
    AssessmentResult items = AssessmentResult.builder().instrument(Instrument.PHQ9).at(T0)
        .addItems(1, 1, 1, 1, 1, 1, 1, 1, 3).build();
    AssessmentResult neither = AssessmentResult.builder().instrument(Instrument.PHQ9).at(T0).build();

    assertThat(java.util.List.of(recorded.effectiveTotal(), items.effectiveTotal(), neither.effectiveTotal()))
        .containsExactly(java.util.Optional.of(7), java.util.Optional.of(11), java.util.Optional.empty());
  }

  @Test
  void facts_duplicateSessionIds_areRefused() {
    assertThatThrownBy(() -> facts().addSessions(session("s-1"), session("s-2"), session("s-1")).build())
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessage("sessions[2].id: duplicate session id 's-1'");
  }

  @Test
  void facts_ageOutOfRange_isRefused() {
    assertThatThrownBy(() -> facts().ageYears(131).build())
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessage("ageYears: must be between 0 and 130");
  }

  @Test
  void facts_blankPatientId_isRefused() {
    assertThatThrownBy(() -> PatientFacts.builder().patientId(" ").build())
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessage("patientId: must not be blank");
  }

  @Test
  void session_endBeforeStart_isRefused() {
    assertThatThrownBy(() -> SessionRecord.builder().id("s-1").template("dose").start(T0).end(T0.minusSeconds(1)).build())
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessage("end: must not be before start");
  }

  @Test
  void administration_zeroAmount_isRefused() {
    assertThatThrownBy(() -> Administration.builder().at(T0).amount(Quantity.parse("0 mg")).build())
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessage("amount: must be positive");
  }

  @Test
  void attestation_blankKey_isRefused() {
    assertThatThrownBy(() -> Attestation.builder().key("").recordedAt(T0).build())
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessage("key: must not be blank");
  }

  @Test
  void facts_everyProblemReportedAtOnce() {
    ValidationException e = catchThrowableOfType(ValidationException.class, () -> facts().ageYears(-1)
        .addSessions(session("s-1"), session("s-1"))
        .addAttestations(Attestation.builder().key("transport").recordedAt(T0).build())
        .build());

    assertThat(e.problems()).extracting(Problem::path, Problem::message).containsExactly(
        tuple("ageYears", "must be between 0 and 130"),
        tuple("sessions[1].id", "duplicate session id 's-1'"));
  }

  @Test
  void problemsOf_deferredValue_listsProblemsWithoutThrowing() {
    PatientFacts invalid = org.kapsdk.core.internal.DeferredValidation.run(() -> facts().ageYears(140).build());

    assertThat(FactChecks.problemsOf(invalid)).extracting(Problem::path, Problem::message)
        .containsExactly(tuple("ageYears", "must be between 0 and 130"));
  }

  @Test
  void toString_neverContainsThePatientId() {
    PatientFacts f = facts().ageYears(40).addSessions(session("s-1"))
        .addObservations(Observation.builder().code(Codes.SYSTOLIC_BP).value(Quantity.parse("120 mmHg")).at(T0).build())
        .build();

    assertThat(f.toString()).doesNotContain(PATIENT).contains("patientId=***");
  }

  @Test
  void validationMessage_neverContainsThePatientId() {
    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> facts().ageYears(200).addSessions(session("s-1"), session("s-1")).build());

    assertThat(e.getMessage()).doesNotContain(PATIENT);
  }

  @Test
  void session_lookupById() {
    PatientFacts f = facts().addSessions(session("s-1"), session("s-2")).build();

    assertThat(f.session("s-2")).map(SessionRecord::id).contains("s-2");
    assertThat(f.session("s-3")).isEmpty();
  }
}
