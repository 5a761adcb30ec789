package org.kapsdk.core.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.kapsdk.core.course.CourseFixtures.DOSE_1;
import static org.kapsdk.core.course.CourseFixtures.DOSE_2;
import static org.kapsdk.core.course.CourseFixtures.RULES;
import static org.kapsdk.core.course.CourseFixtures.SCREEN;
import static org.kapsdk.core.course.CourseFixtures.appendAll;
import static org.kapsdk.core.course.CourseFixtures.assertRejected;
import static org.kapsdk.core.course.CourseFixtures.dosedAndCompleted;
import static org.kapsdk.core.course.CourseFixtures.override;
import static org.kapsdk.core.course.CourseFixtures.overrideRecorded;
import static org.kapsdk.core.course.CourseFixtures.q;
import static org.kapsdk.core.course.CourseFixtures.readyToDose;
import static org.kapsdk.core.course.CourseFixtures.scheduledCourse;
import static org.kapsdk.core.course.CourseFixtures.systolic;
import static org.kapsdk.core.course.CourseFixtures.t;

import org.junit.jupiter.api.Test;
import org.kapsdk.core.facts.AssessmentResult;
import org.kapsdk.core.facts.Observation;
import org.kapsdk.core.gate.VerdictOutcome;
import org.kapsdk.core.internal.DeferredValidation;
import org.kapsdk.core.model.Code;
import org.kapsdk.core.model.Codes;
import org.kapsdk.core.model.Gate;
import org.kapsdk.core.model.Instrument;

/** Readings, assessments, adverse events, integration steps, overrides and gate checks. */
class RecordingValidationTest {

  /* --------------------------------------------------------------- observations */

  @Test
  void observation_inAUnitOfItsCodesDimension_isAccepted() {
    CourseRecord r = readyToDose();

    CourseRecord after = r.append(r.version(), systolic("128 mmHg", t("2 d", "1 min"), DOSE_1), RULES);

    assertThat(after.state(RULES).observations()).hasSize(1);
  }

  @Test
  void observation_inAUnitThatDoesNotFitItsCode_isRefused() {
    CourseRecord r = readyToDose();

    assertRejected(() -> r.append(r.version(), systolic("128 kg", t("2 d", "1 min"), DOSE_1), RULES))
        .containsExactly(tuple("observation.value", "a Systolic blood pressure reading must be in mmHg, not in kg"));
  }

  @Test
  void observation_ofBodyWeight_acceptsEitherMassUnitAndRefusesMg() {
    CourseRecord r = readyToDose();
    ObservationRecorded pounds = ObservationRecorded.builder().at(t("2 d"))
        .observation(Observation.builder().code(Codes.BODY_WEIGHT).value(q("154 lb")).at(t("2 d")).build()).build();
    ObservationRecorded milligrams = ObservationRecorded.builder().at(t("2 d"))
        .observation(Observation.builder().code(Codes.BODY_WEIGHT).value(q("70 mg")).at(t("2 d")).build()).build();

    assertThat(r.append(r.version(), pounds, RULES).version()).isEqualTo(r.version() + 1);
    assertRejected(() -> r.append(r.version(), milligrams, RULES))
        .containsExactly(tuple("observation.value", "a Body weight reading must be in kg, lb, not in mg"));
  }

  @Test
  void observation_ofACodeTheSdkDoesNotKnow_isNotUnitChecked() {
    CourseRecord r = readyToDose();
    Code local = Code.of("urn:clinic:obs", "sedation-score", "Sedation score");
    ObservationRecorded reading = ObservationRecorded.builder().at(t("2 d"))
        .observation(Observation.builder().code(local).value(q("2 {score}")).at(t("2 d")).build()).build();

    assertThat(r.append(r.version(), reading, RULES).state(RULES).observations()).hasSize(1);
  }

  @Test
  void observation_forAnUnscheduledSession_isRefused() {
    CourseRecord r = readyToDose();

    assertRejected(() -> r.append(r.version(), systolic("128 mmHg", t("2 d"), DOSE_2), RULES))
        .containsExactly(tuple("sessionId", "session 'induction/dose/2' is not scheduled in this course"));
  }

  /* --------------------------------------------------------------- assessments */

  @Test
  void assessment_inRange_isAccepted() {
    CourseRecord r = scheduledCourse();

    CourseRecord after = r.append(r.version(), CourseFixtures.phq9(t("1 h"), 1, 1, 1, 1, 1, 1, 1, 1, 0), RULES);

    assertThat(after.state(RULES).assessments().get(0).result().effectiveTotal()).contains(8);
  }

  @Test
  void assessment_withAnItemOutOfTheInstrumentsRange_isRefused() {
    CourseRecord r = scheduledCourse();
    // Only a reader (checks deferred until the whole document is bound) can build such a result.
    AssessmentRecorded outOfRange = DeferredValidation.run(() -> AssessmentRecorded.builder().at(t("1 h"))
        .result(AssessmentResult.builder().instrument(Instrument.PHQ9).at(t("1 h")).addItems(1, 1, 7, 1, 1, 1, 1, 1, 0).build())
        .build());

    assertRejected(() -> r.append(r.version(), outOfRange, RULES))
        .containsExactly(tuple("result.items[2]", "must lie within the item range 0 to 3"));
  }

  @Test
  void assessment_withATotalOutOfTheInstrumentsRange_isRefused() {
    CourseRecord r = scheduledCourse();
    AssessmentRecorded outOfRange = DeferredValidation.run(() -> AssessmentRecorded.builder().at(t("1 h"))
        .result(AssessmentResult.builder().instrument(Instrument.MADRS).at(t("1 h")).total(61).build()).sessionId(SCREEN)
        .build());

    assertRejected(() -> r.append(r.version(), outOfRange, RULES))
        .containsExactly(tuple("result.total", "must lie within the MADRS total range 0 to 60"));
  }

  @Test
  void assessment_forAnUnscheduledSession_isRefused() {
    CourseRecord r = scheduledCourse();
    AssessmentRecorded a = AssessmentRecorded.builder().from(CourseFixtures.phq9(t("1 h"), 0, 0, 0, 0, 0, 0, 0, 0, 0))
        .sessionId("screening/screen/9").build();

    assertRejected(() -> r.append(r.version(), a, RULES))
        .containsExactly(tuple("sessionId", "session 'screening/screen/9' is not scheduled in this course"));
  }

  /* --------------------------------------------------------------- adverse events */

  @Test
  void adverseEvent_forAKnownSession_isAccepted() {
    CourseRecord r = readyToDose();
    AdverseEventRecorded ae = AdverseEventRecorded.builder().at(t("2 d", "40 min"))
        .code(Code.of("urn:clinic:ae", "dissociation", "Dissociation")).severity(AdverseEventSeverity.MODERATE)
        .sessionId(DOSE_1).build();

    CourseRecord after = r.append(r.version(), ae, RULES);

    assertThat(after.state(RULES).adverseEvents()).containsExactly(ae);
  }

  @Test
  void adverseEvent_forAnUnscheduledSession_isRefused() {
    CourseRecord r = readyToDose();
    AdverseEventRecorded ae = AdverseEventRecorded.builder().at(t("2 d", "40 min"))
        .code(Code.of("urn:clinic:ae", "nausea", "Nausea")).severity(AdverseEventSeverity.MILD).sessionId(DOSE_2).build();

    assertRejected(() -> r.append(r.version(), ae, RULES))
        .containsExactly(tuple("sessionId", "session 'induction/dose/2' is not scheduled in this course"));
  }

  /* --------------------------------------------------------------- integration steps */

  private static IntegrationStepCompleted step(String session, String step) {
    return IntegrationStepCompleted.builder().at(t("3 d")).sessionId(session).stepId(step).build();
  }

  @Test
  void integrationStep_ofACompletedSession_isAccepted() {
    CourseRecord r = dosedAndCompleted();

    CourseRecord after = r.append(r.version(), step(DOSE_1, "dose-form"), RULES);

    assertThat(after.state(RULES).completedAt(DOSE_1, "dose-form")).contains(t("3 d"));
    assertThat(after.state(RULES).completedSteps()).containsEntry(StepRef.of(DOSE_1, "dose-form"), t("3 d"));
  }

  @Test
  void integrationStep_ofASessionNotCompleted_isRefused() {
    CourseRecord r = readyToDose();

    assertRejected(() -> r.append(r.version(), step(DOSE_1, "dose-form"), RULES))
        .containsExactly(tuple("sessionId",
            "integration steps follow a completed session; session 'induction/dose/1' has already started"));
  }

  @Test
  void integrationStep_theTemplateDoesNotHave_isRefused() {
    CourseRecord r = dosedAndCompleted();

    assertRejected(() -> r.append(r.version(), step(DOSE_1, "maint-form"), RULES))
        .containsExactly(tuple("stepId", "session template 'dose' has no integration step 'maint-form'"));
  }

  @Test
  void integrationStep_ofASessionWithoutSteps_isRefused() {
    CourseRecord r = scheduledCourse();

    assertRejected(() -> r.append(r.version(), step(SCREEN, "dose-form"), RULES))
        .containsExactly(tuple("stepId", "session template 'screen' has no integration step 'dose-form'"));
  }

  @Test
  void integrationStep_completedTwice_isRefused() {
    CourseRecord r = appendAll(dosedAndCompleted(), RULES, step(DOSE_1, "dose-form"));

    assertRejected(() -> r.append(r.version(), step(DOSE_1, "dose-form"), RULES))
        .containsExactly(tuple("stepId",
            "step 'dose-form' of session 'induction/dose/1' was already completed (2026-01-08T14:00:00Z)"));
  }

  /* --------------------------------------------------------------- overrides */

  @Test
  void override_ofAnOverridableSessionRule_namingItsSession_isAccepted() {
    CourseRecord r = readyToDose();

    CourseRecord after = r.append(r.version(),
        overrideRecorded(override("DISCHARGE-2H", t("2 d", "1 h")).session(DOSE_1).build()), RULES);

    assertThat(after.state(RULES).overrides()).hasSize(1);
    assertThat(after.state(RULES).session(DOSE_1).orElseThrow().overrides()).hasSize(1);
  }

  @Test
  void override_ofAnEligibilityRule_withoutSession_isAccepted() {
    CourseRecord r = scheduledCourse();

    CourseRecord after = r.append(r.version(), overrideRecorded(override("AGE-WARN", t("1 h")).build()), RULES);

    assertThat(after.state(RULES).overrides()).extracting(o -> o.ruleId()).containsExactly("AGE-WARN");
  }

  @Test
  void override_ofAnUnknownRule_isRefused() {
    CourseRecord r = scheduledCourse();

    assertRejected(() -> r.append(r.version(), overrideRecorded(override("NO-SUCH-RULE", t("1 h")).build()), RULES))
        .containsExactly(tuple("override.ruleId", "protocol 'course-test' has no rule 'NO-SUCH-RULE'"));
  }

  @Test
  void override_ofANonOverridableRule_isRefused() {
    CourseRecord r = scheduledCourse();

    assertRejected(() -> r.append(r.version(), overrideRecorded(override("ADULT", t("1 h")).build()), RULES))
        .containsExactly(tuple("override.ruleId", "rule 'ADULT' is not overridable"));
  }

  @Test
  void override_ofADerivedDoseLimit_isRefused() {
    CourseRecord r = readyToDose();

    assertRejected(() -> r.append(r.version(),
        overrideRecorded(override("dose#maxPerSession", t("2 d", "6 min")).session(DOSE_1).build()), RULES))
        .containsExactly(tuple("override.ruleId", "rule 'dose#maxPerSession' is not overridable"));
  }

  @Test
  void override_ofASessionGateRule_withoutSession_isRefused() {
    CourseRecord r = readyToDose();

    assertRejected(() -> r.append(r.version(), overrideRecorded(override("DISCHARGE-2H", t("2 d", "1 h")).build()), RULES))
        .containsExactly(tuple("override.session", "an override of a DISCHARGE rule must name the session it covers"));
  }

  @Test
  void override_forAnUnscheduledSession_isRefused() {
    CourseRecord r = readyToDose();

    assertRejected(() -> r.append(r.version(),
        overrideRecorded(override("DISCHARGE-2H", t("2 d", "1 h")).session(DOSE_2).build()), RULES))
        .containsExactly(tuple("override.session", "session 'induction/dose/2' is not scheduled in this course"));
  }

  @Test
  void override_ofARuleNotEvaluatedAtThatSession_isRefused() {
    CourseRecord r = readyToDose();

    assertRejected(() -> r.append(r.version(),
        overrideRecorded(override("DOSE-SESSION-RULE", t("2 d", "1 h")).session(SCREEN).build()), RULES))
        .containsExactly(tuple("override.session",
            "rule 'DOSE-SESSION-RULE' is not evaluated at session 'screening/screen/1' (session template 'screen')"));
  }

  @Test
  void override_recordedTwiceForOneSession_isRefused() {
    CourseRecord r = appendAll(readyToDose(), RULES,
        overrideRecorded(override("DISCHARGE-2H", t("2 d", "1 h")).session(DOSE_1).build()));

    assertRejected(() -> r.append(r.version(),
        overrideRecorded(override("DISCHARGE-2H", t("2 d", "2 h")).session(DOSE_1).build()), RULES))
        .containsExactly(tuple("override.ruleId", "rule 'DISCHARGE-2H' is already overridden for session 'induction/dose/1'"));
  }

  @Test
  void override_decidedAfterTheEventItIsRecordedIn_isRefused() {
    CourseRecord r = readyToDose();
    OverrideRecorded event = OverrideRecorded.builder().at(t("2 d", "1 h"))
        .override(override("DISCHARGE-2H", t("2 d", "2 h")).session(DOSE_1).build()).build();

    assertRejected(() -> r.append(r.version(), event, RULES))
        .containsExactly(tuple("override.at", "lies after the event's own instant (2026-01-07T15:00:00Z)"));
  }

  /* --------------------------------------------------------------- gate checks */

  @Test
  void gateCheck_ofASessionGate_withoutSession_isRefused() {
    CourseRecord r = readyToDose();
    GateChecked check = GateChecked.builder().at(t("2 d")).gate(Gate.DISCHARGE).outcome(VerdictOutcome.PROCEED).build();

    assertRejected(() -> r.append(r.version(), check, RULES))
        .containsExactly(tuple("sessionId", "a DISCHARGE check must name the session it was asked for"));
  }

  @Test
  void gateCheck_forAnUnscheduledSession_isRefused() {
    CourseRecord r = readyToDose();

    assertRejected(() -> r.append(r.version(), CourseFixtures.preDose(DOSE_2, t("2 d"), VerdictOutcome.PROCEED), RULES))
        .containsExactly(tuple("sessionId", "session 'induction/dose/2' is not scheduled in this course"));
  }

  @Test
  void gateCheck_namingAnUnknownRule_isRefused() {
    CourseRecord r = readyToDose();

    assertRejected(() -> r.append(r.version(),
        CourseFixtures.preDose(DOSE_1, t("2 d"), VerdictOutcome.BLOCKED, "dose#maxPerSession", "NOPE"), RULES))
        .containsExactly(tuple("blockingRuleIds[1]", "protocol 'course-test' has no rule 'NOPE'"));
  }

  @Test
  void gateCheck_ofACourseGate_withoutSession_isAccepted() {
    CourseRecord r = scheduledCourse();
    GateChecked check = GateChecked.builder().at(t("1 h")).gate(Gate.ELIGIBILITY).outcome(VerdictOutcome.PROCEED_WITH_WARNINGS)
        .addOverriddenRuleId("AGE-WARN").build();

    CourseRecord after = r.append(r.version(), check, RULES);

    assertThat(after.state(RULES).gateChecks()).containsExactly(check);
  }
}
