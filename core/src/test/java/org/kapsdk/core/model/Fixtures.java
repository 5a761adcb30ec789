package org.kapsdk.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.AbstractListAssert;
import org.assertj.core.api.ObjectAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.assertj.core.groups.Tuple;
import org.kapsdk.core.internal.DurationText;
import org.kapsdk.core.validation.Problem;
import org.kapsdk.core.validation.ValidationException;

/**
 * A valid, reasonably rich esketamine-style template built with the Java builders, and small
 * pieces to build variants of it. Every method returns a fresh value or builder.
 */
final class Fixtures {
  static final Code ESKETAMINE =
      Code.of("urn:kapsdk:test:medication", "esketamine-nasal", "Esketamine nasal spray");
  static final Code PHENELZINE = Code.of("urn:kapsdk:test:medication", "phenelzine", "Phenelzine");

  private Fixtures() {}

  /* ------------------------------------------------------------------ assertions */

  /**
   * Runs the call, asserts it throws a {@link ValidationException}, and returns an assertion on
   * its problems as (path, message) tuples.
   */
  static AbstractListAssert<?, List<? extends Tuple>, Tuple, ObjectAssert<Tuple>> assertProblems(
      ThrowingCallable call) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).isInstanceOf(ValidationException.class);
    return assertThat(((ValidationException) thrown).problems())
        .extracting(Problem::path, Problem::message);
  }

  /* ------------------------------------------------------------------ leaves */

  static Duration d(String text) {
    return DurationText.parse(text);
  }

  static Quantity q(String text) {
    return Quantity.parse(text);
  }

  static Evidence.Builder evidence(String key) {
    return Evidence.builder().key(key).citation("Citation for " + key);
  }

  static ObservationThreshold systolicAbove(String threshold) {
    return ObservationThreshold.builder()
        .code(Codes.SYSTOLIC_BP)
        .comparator(Comparator.GT)
        .value(q(threshold))
        .maxAge(d("15 min"))
        .build();
  }

  static Pregnancy pregnancy() {
    return Pregnancy.builder().build();
  }

  /** A valid rule citing the evidence key {@code label}, with the given condition as forbid. */
  static Rule.Builder rule(String id, Gate gate) {
    return Rule.builder()
        .id(id)
        .severity(Severity.BLOCK)
        .gate(gate)
        .message("blocked: {value} against {threshold}")
        .addEvidence("label");
  }

  /* ------------------------------------------------------------------ dosing session */

  static DeviceDose deviceDose() {
    return DeviceDose.builder().perDevice(q("28 mg")).devices(2).betweenDevices(d("5 min")).build();
  }

  static DosingSpec.Builder dosing() {
    return DosingSpec.builder()
        .medication(ESKETAMINE)
        .route(Route.INTRANASAL)
        .dose(deviceDose())
        .allowedRange(DoseRange.builder().min(q("56 mg")).max(q("84 mg")).build())
        .addTitrationSteps(q("56 mg"), q("84 mg"))
        .maxPerSession(q("84 mg"))
        .addCumulativeLimit(
            CumulativeLimit.builder().period(LimitPeriod.DAY).maximum(q("84 mg")).build())
        .addCumulativeLimit(
            CumulativeLimit.builder().period(LimitPeriod.WEEK).maximum(q("168 mg")).build())
        .administeredOver(d("10 min"));
  }

  static MonitoringPlan.Builder monitoring() {
    return MonitoringPlan.builder()
        .from(TimeAnchor.FIRST_ADMINISTRATION)
        .minimumDuration(d("2 h"))
        .addObservation(
            MonitoredObservation.builder()
                .code(Codes.SYSTOLIC_BP)
                .addAt(d("0 min"), d("40 min"), d("2 h"))
                .build())
        .addObservation(MonitoredObservation.builder().code(Codes.SPO2).continuous(true).build())
        .addObservation(
            MonitoredObservation.builder().code(Codes.HEART_RATE).every(d("15 min")).build())
        .endsWhen(
            AllOf.builder()
                .addCondition(MonitoringElapsed.builder().atLeast(d("2 h")).build())
                .addCondition(Not.builder().condition(systolicAbove("160 mmHg")).build())
                .addCondition(
                    AttestationPresent.builder()
                        .attestation("discharge-ready")
                        .maxAge(d("30 min"))
                        .build())
                .build());
  }

  static IntegrationStep.Builder integrationStep(String id) {
    return IntegrationStep.builder()
        .id(id)
        .kind(IntegrationKind.THERAPY_SESSION)
        .title("Integration therapy")
        .from(AnchorPoint.END)
        .earliest(d("1 d"))
        .latest(d("3 d"));
  }

  static Timing.Builder timingAfter(String session) {
    return Timing.builder()
        .anchor(Anchor.builder().session(session).point(AnchorPoint.END).build())
        .target(d("7 d"))
        .earliest(d("1 d"))
        .latest(d("4 wk"));
  }

  static SessionTemplate.Builder dosingSession(String id) {
    return SessionTemplate.builder()
        .id(id)
        .kind(SessionKind.DOSING)
        .title("Induction dose")
        .repeat(Repeat.builder().timesPerWeek(2).weeks(4).build())
        .timing(
            timingAfter("screen")
                .addInterval(
                    IntervalConstraint.builder()
                        .after(SessionKind.DOSING)
                        .min(d("2 d"))
                        .max(d("1 wk"))
                        .build())
                .build())
        .duration(d("3 h"))
        .dosing(dosing().build())
        .monitoring(monitoring().build())
        .addIntegrationStep(integrationStep(id + "-integration").build())
        .addIntegrationStep(
            integrationStep(id + "-journal")
                .kind(IntegrationKind.JOURNALING)
                .title("Journal")
                .earliest(d("0 min"))
                .latest(d("1 d"))
                .required(false)
                .build())
        .addAssessment(AssessmentSpec.builder().instrument(Instrument.CADSS).build())
        .addRule(rule(id + "-bp", Gate.PRE_DOSE).forbid(systolicAbove("140 mmHg")).build())
        .addRule(
            rule(id + "-discharge", Gate.DISCHARGE)
                .severity(Severity.WARN)
                .message("patient may not leave yet ({elapsed} elapsed)")
                .require(MonitoringElapsed.builder().atLeast(d("2 h")).build())
                .build());
  }

  /** A non-dosing session with just the required attributes. */
  static SessionTemplate.Builder session(String id, SessionKind kind) {
    return SessionTemplate.builder().id(id).kind(kind).title("Session " + id);
  }

  static SessionTemplate screeningSession() {
    return session("screen", SessionKind.SCREENING)
        .title("Screening visit")
        .count(1)
        .duration(d("1 h"))
        .addAssessment(AssessmentSpec.builder().instrument(Instrument.PHQ9).build())
        .addAssessment(
            AssessmentSpec.builder().instrument(Instrument.CSSRS_SCREENER).required(false).build())
        .build();
  }

  static SessionTemplate followUpSession() {
    return session("follow-up", SessionKind.FOLLOW_UP)
        .count(1)
        .timing(timingAfter("dose").target(d("1 wk")).build())
        .build();
  }

  static Phase.Builder phase(String id, SessionTemplate... sessions) {
    return Phase.builder().id(id).title("Phase " + id).addSessions(sessions);
  }

  static Phase screeningPhase() {
    return phase("screening", screeningSession()).description("Before any dose").build();
  }

  static Phase inductionPhase() {
    return phase("induction", dosingSession("dose").build(), followUpSession()).build();
  }

  /* ------------------------------------------------------------------ template rules */

  static List<Rule> templateRules() {
    return List.of(
        rule("adult", Gate.ELIGIBILITY)
            .forbid(PatientAge.builder().comparator(Comparator.LT).years(18).build())
            .build(),
        rule("not-pregnant", Gate.ELIGIBILITY)
            .forbid(Pregnancy.builder().includeBreastfeeding(true).build())
            .build(),
        rule("diagnosis", Gate.ELIGIBILITY)
            .require(
                ConditionPresent.builder()
                    .label("depression")
                    .addCodes(Codes.MAJOR_DEPRESSIVE_DISORDER, Codes.DEPRESSIVE_DISORDER)
                    .build())
            .build(),
        rule("no-maoi", Gate.ELIGIBILITY)
            .forbid(
                MedicationPresent.builder().label("MAO inhibitors").addCode(PHENELZINE).build())
            .build(),
        rule("suicidality", Gate.ELIGIBILITY)
            .severity(Severity.WARN)
            .overridable(true)
            .addEvidence("rems")
            .forbid(
                AssessmentThreshold.builder()
                    .instrument(Instrument.CSSRS_SCREENER)
                    .measure(ScoreMeasure.HIGHEST_POSITIVE_ITEM)
                    .comparator(Comparator.GE)
                    .value(4)
                    .maxAge(d("30 d"))
                    .build())
            .build(),
        rule("phq9-item9", Gate.ELIGIBILITY)
            .forbid(
                AssessmentThreshold.builder()
                    .instrument(Instrument.PHQ9)
                    .measure(ScoreMeasure.ITEM)
                    .item(9)
                    .comparator(Comparator.GE)
                    .value(2)
                    .maxAge(d("30 d"))
                    .build())
            .build(),
        rule("spacing", Gate.COURSE)
            .addPhase("induction")
            .require(
                AnyOf.builder()
                    .addCondition(
                        SessionInterval.builder()
                            .sinceKind(SessionKind.DOSING)
                            .atLeast(d("2 d"))
                            .build())
                    .addCondition(
                        SessionInterval.builder()
                            .session("screen")
                            .sinceKind(SessionKind.SCREENING)
                            .atMost(d("4 wk"))
                            .build())
                    .build())
            .build(),
        rule("weekly-dose", Gate.COURSE)
            .forbid(
                DoseLimit.builder()
                    .period(LimitPeriod.WEEK)
                    .maximum(q("168 mg"))
                    .medication(ESKETAMINE)
                    .build())
            .build(),
        rule("bp-rising", Gate.PRE_DOSE)
            .severity(Severity.INFO)
            .addPhase("induction")
            .forbid(
                ObservationTrend.builder()
                    .code(Codes.SYSTOLIC_BP)
                    .direction(TrendDirection.RISING)
                    .readings(3)
                    .within(d("1 h"))
                    .tolerance(q("5 mmHg"))
                    .build())
            .build(),
        rule("bmi", Gate.ELIGIBILITY)
            .require(
                ExtensionCondition.builder()
                    .name("clinic.bmi-check")
                    .putParameter("max", "40")
                    .build())
            .build());
  }

  /** The whole valid template, as a builder so tests can change one thing. */
  static ProtocolTemplate.Builder template() {
    return ProtocolTemplate.builder()
        .id("esketamine-trd")
        .version("1.2.0")
        .title("Esketamine for treatment-resistant depression")
        .status(TemplateStatus.ACTIVE)
        .description("Induction phase of intranasal esketamine")
        .addIndication(Codes.MAJOR_DEPRESSIVE_DISORDER)
        .addEvidence(
            evidence("label")
                .citation("Spravato prescribing information")
                .section("2.1")
                .jurisdiction("US")
                .confirmed(true)
                .build())
        .addEvidence(evidence("rems").citation("Spravato REMS").jurisdiction("US").build())
        .addPhases(screeningPhase(), inductionPhase())
        .addAllRules(templateRules());
  }

  /** The valid template with its phases replaced. */
  static ProtocolTemplate.Builder templateWith(Phase... phases) {
    return template().phases(Arrays.asList(phases)).rules(List.of());
  }

  /** The valid template with the induction phase's sessions replaced by the given ones. */
  static ProtocolTemplate.Builder templateWithInduction(SessionTemplate... sessions) {
    return templateWith(screeningPhase(), phase("induction", sessions).build());
  }
}
