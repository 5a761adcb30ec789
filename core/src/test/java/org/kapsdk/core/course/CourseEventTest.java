package org.kapsdk.core.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kapsdk.core.course.CourseFixtures.DOSE_1;
import static org.kapsdk.core.course.CourseFixtures.PATIENT;
import static org.kapsdk.core.course.CourseFixtures.RULES;
import static org.kapsdk.core.course.CourseFixtures.T0;
import static org.kapsdk.core.course.CourseFixtures.startedBuilder;
import static org.kapsdk.core.course.CourseFixtures.t;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kapsdk.core.facts.PatientFacts;
import org.kapsdk.core.gate.GateRequest;
import org.kapsdk.core.gate.Verdict;
import org.kapsdk.core.gate.VerdictOutcome;
import org.kapsdk.core.model.Code;
import org.kapsdk.core.model.Gate;
import org.kapsdk.core.validation.ValidationException;

/** Structural checks on events, type names, and {@link GateChecked#of}. */
class CourseEventTest {

  @Test
  void typeNames_areTheClosedList() {
    assertThat(CourseEventTypes.names()).containsExactly("courseStarted", "sessionScheduled", "sessionStarted",
        "sessionCompleted", "sessionMissed", "sessionCancelled", "doseAdministered", "observationRecorded",
        "assessmentRecorded", "adverseEventRecorded", "integrationStepCompleted", "overrideRecorded", "gateChecked",
        "coursePaused", "courseResumed", "courseDiscontinued", "phaseChanged");
    assertThat(CourseFixtures.started().typeName()).isEqualTo("courseStarted");
    assertThat(CourseResumed.builder().at(T0).build().typeName()).isEqualTo("courseResumed");
    assertThat(CourseFixtures.dose(DOSE_1, "28 mg", T0).typeName()).isEqualTo("doseAdministered");
  }

  @Test
  void courseStarted_redactsThePatientId() {
    assertThat(CourseFixtures.started().toString()).doesNotContain(PATIENT).contains("patientId=***");
    assertThat(CourseFixtures.started().patientId()).isEqualTo(PATIENT);
  }

  @Test
  void courseStarted_withEveryWeekdayClosed_isRefused() {
    assertThatThrownBy(() -> startedBuilder().closedWeekdays(EnumSet.allOf(DayOfWeek.class)).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage("closedWeekdays: must leave at least one weekday open");
  }

  @Test
  void courseStarted_blankIds_areRefusedTogether() {
    assertThatThrownBy(() -> startedBuilder().courseId(" ").patientId("").build())
        .isInstanceOf(ValidationException.class)
        .hasMessage("2 problems:\n  courseId: must not be blank\n  patientId: must not be blank");
  }

  @Test
  void courseStarted_missingFields_areNamed() {
    assertThatThrownBy(() -> CourseStarted.builder().at(T0).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("courseId: is required but missing")
        .hasMessageContaining("zone: is required but missing");
  }

  @Test
  void reason_blank_isRefused() {
    assertThatThrownBy(() -> CoursePaused.builder().at(T0).reason(" ").build())
        .isInstanceOf(ValidationException.class).hasMessage("reason: must not be blank");
  }

  @Test
  void reason_tooLong_isRefused() {
    assertThatThrownBy(() -> CourseDiscontinued.builder().at(T0).reason("x".repeat(201)).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage("reason: must be a short code or text of at most 200 characters, never a clinical note");
  }

  @Test
  void reason_ofExactlyTheLimit_isAccepted() {
    assertThat(SessionMissed.builder().at(T0).sessionId(DOSE_1).reason("x".repeat(200)).build().reason()).hasSize(200);
  }

  @Test
  void reason_onSeveralLines_isRefused() {
    assertThatThrownBy(() -> PhaseChanged.builder().at(T0).toPhase("maintenance").reason("responder\nsee chart").build())
        .isInstanceOf(ValidationException.class).hasMessage("reason: must be one line");
  }

  @Test
  void by_blank_isRefused() {
    assertThatThrownBy(() -> SessionStarted.builder().at(T0).sessionId(DOSE_1).by("").build())
        .isInstanceOf(ValidationException.class).hasMessage("by: must not be blank");
  }

  @Test
  void dose_blankWitnessAndLot_areRefused() {
    assertThatThrownBy(() -> CourseFixtures.doseBuilder(DOSE_1, "28 mg", T0).lot("").witness(" ").build())
        .isInstanceOf(ValidationException.class)
        .hasMessage("2 problems:\n  lot: must not be blank\n  witness: must not be blank");
  }

  @Test
  void adverseEvent_blankCode_isRefused() {
    assertThatThrownBy(() -> AdverseEventRecorded.builder().at(T0).severity(AdverseEventSeverity.MILD)
        .code(Code.builder().system("urn:x").code(" ").build()).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("code");
  }

  /* --------------------------------------------------------------- gate checks */

  @Test
  void gateChecked_blockedWithoutBlockingRule_isRefused() {
    assertThatThrownBy(() -> GateChecked.builder().at(T0).gate(Gate.PRE_DOSE).sessionId(DOSE_1)
        .outcome(VerdictOutcome.BLOCKED).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage("blockingRuleIds: a BLOCKED verdict names at least one blocking rule");
  }

  @Test
  void gateChecked_proceedWithBlockingRule_isRefused() {
    assertThatThrownBy(() -> GateChecked.builder().at(T0).gate(Gate.PRE_DOSE).sessionId(DOSE_1)
        .outcome(VerdictOutcome.PROCEED).addBlockingRuleId("X").build())
        .isInstanceOf(ValidationException.class)
        .hasMessage("blockingRuleIds: must be empty unless the outcome is BLOCKED");
  }

  @Test
  void gateChecked_ruleListedTwice_isRefused() {
    assertThatThrownBy(() -> GateChecked.builder().at(T0).gate(Gate.PRE_DOSE).sessionId(DOSE_1)
        .outcome(VerdictOutcome.PROCEED_WITH_WARNINGS).addOverriddenRuleIds("A", "A").build())
        .isInstanceOf(ValidationException.class)
        .hasMessage("overriddenRuleIds[1]: rule 'A' is listed twice");
  }

  @Test
  void gateChecked_of_recordsTheVerdict() {
    PatientFacts facts = CourseFixtures.readyToDose().state(RULES).facts(PATIENT);
    Verdict verdict = RULES.gate().evaluate(GateRequest.builder().gate(Gate.DISCHARGE).at(t("2 d", "30 min"))
        .facts(facts).session(DOSE_1)
        .addOverride(CourseFixtures.override("DISCHARGE-2H", t("2 d", "20 min")).session(DOSE_1).build()).build());

    GateChecked checked = GateChecked.of(verdict, java.util.Optional.of(DOSE_1), java.util.Optional.of("nurse-01"));

    assertThat(checked.gate()).isEqualTo(Gate.DISCHARGE);
    assertThat(checked.at()).isEqualTo(t("2 d", "30 min"));
    assertThat(checked.outcome()).isEqualTo(verdict.outcome());
    assertThat(checked.overriddenRuleIds()).containsExactly("DISCHARGE-2H");
    assertThat(checked.blockingRuleIds()).isEmpty();
    assertThat(checked.sessionId()).contains(DOSE_1);
    assertThat(checked.by()).contains("nurse-01");
  }

  @Test
  void gateChecked_of_aBlockedVerdict_listsTheBlockingRules() {
    PatientFacts facts = CourseFixtures.readyToDose().state(RULES).facts(PATIENT);
    Verdict verdict = RULES.gate().evaluate(GateRequest.builder().gate(Gate.DISCHARGE).at(t("2 d", "30 min"))
        .facts(facts).session(DOSE_1).build());

    GateChecked checked = GateChecked.of(verdict, java.util.Optional.of(DOSE_1), java.util.Optional.empty());

    assertThat(verdict.outcome()).isEqualTo(VerdictOutcome.BLOCKED);
    assertThat(checked.outcome()).isEqualTo(VerdictOutcome.BLOCKED);
    assertThat(checked.blockingRuleIds()).isEqualTo(verdict.blockingFindings().stream().map(f -> f.ruleId()).toList())
        .contains("DISCHARGE-2H");
    assertThat(checked.by()).isEmpty();
  }

  @Test
  void events_haveValueEquality() {
    assertThat(CourseFixtures.started()).isEqualTo(CourseFixtures.started())
        .hasSameHashCodeAs(CourseFixtures.started());
    assertThat(CourseFixtures.dose(DOSE_1, "28 mg", T0)).isNotEqualTo(CourseFixtures.dose(DOSE_1, "28.0 mg", T0.plusSeconds(1)));
    assertThat(CourseFixtures.dose(DOSE_1, "28 mg", T0)).isEqualTo(CourseFixtures.dose(DOSE_1, "28.0 mg", T0));
    assertThat(List.of(CourseFixtures.started())).isEqualTo(List.of(CourseFixtures.started()));
  }
}
