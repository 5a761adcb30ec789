package org.kapsdk.core.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.AbstractListAssert;
import org.assertj.core.api.ObjectAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.assertj.core.groups.Tuple;
import org.kapsdk.core.facts.AssessmentResult;
import org.kapsdk.core.facts.Observation;
import org.kapsdk.core.gate.ClinicianOverride;
import org.kapsdk.core.gate.VerdictOutcome;
import org.kapsdk.core.internal.DurationText;
import org.kapsdk.core.model.Code;
import org.kapsdk.core.model.Codes;
import org.kapsdk.core.model.Comparator;
import org.kapsdk.core.model.CumulativeLimit;
import org.kapsdk.core.model.DeviceDose;
import org.kapsdk.core.model.DoseLimit;
import org.kapsdk.core.model.DoseRange;
import org.kapsdk.core.model.DosingSpec;
import org.kapsdk.core.model.Evidence;
import org.kapsdk.core.model.Gate;
import org.kapsdk.core.model.Instrument;
import org.kapsdk.core.model.IntegrationKind;
import org.kapsdk.core.model.IntegrationStep;
import org.kapsdk.core.model.LimitPeriod;
import org.kapsdk.core.model.MonitoringElapsed;
import org.kapsdk.core.model.ObservationThreshold;
import org.kapsdk.core.model.PatientAge;
import org.kapsdk.core.model.Phase;
import org.kapsdk.core.model.ProtocolTemplate;
import org.kapsdk.core.model.Quantity;
import org.kapsdk.core.model.Route;
import org.kapsdk.core.model.Rule;
import org.kapsdk.core.model.SessionKind;
import org.kapsdk.core.model.SessionTemplate;
import org.kapsdk.core.model.Severity;
import org.kapsdk.core.model.TemplateStatus;
import org.kapsdk.core.validation.Problem;

/**
 * A small esketamine-style template built with the Java builders, its compiled rules, and event
 * factories for course tests. Sessions: {@code screen} (screening phase), {@code dose} and
 * {@code review} (induction), {@code maint} (maintenance). The dosing spec gives 2 × 28 mg, allows
 * 56–84 mg, caps a session at 84 mg, a day at 84 mg and a week at 168 mg. Rules:
 * {@code COURSE-CAP} (PRE_DOSE, BLOCK, overridable: at most 224 mg over the course),
 * {@code BP-HIGH} (PRE_DOSE, WARN), {@code DISCHARGE-2H} (DISCHARGE, BLOCK, overridable),
 * {@code DOSE-SESSION-RULE} (the dose session's own PRE_DOSE rule, overridable),
 * {@code ADULT} (ELIGIBILITY, BLOCK, not overridable), {@code AGE-WARN} (ELIGIBILITY, WARN,
 * overridable).
 */
final class CourseFixtures {
  static final String PATIENT = "sample-patient-0001";
  static final String COURSE = "course-0001";
  static final Instant T0 = Instant.parse("2026-01-05T14:00:00Z");
  static final Code ESKETAMINE = Code.of("urn:kapsdk:test:medication", "esketamine", "Esketamine");
  static final Code OTHER_DRUG = Code.of("urn:kapsdk:test:medication", "ketamine", "Ketamine");
  static final String DOSE_1 = "induction/dose/1";
  static final String DOSE_2 = "induction/dose/2";
  static final String SCREEN = "screening/screen/1";

  static final ProtocolTemplate TEMPLATE = template(dosing().build(), List.of());
  static final CourseRules RULES = CourseRules.compile(TEMPLATE);

  private CourseFixtures() {}

  /* ------------------------------------------------------------------ assertions */

  /** Asserts the call is refused with an {@link EventRejectedException}; returns its problems as (path, message). */
  static AbstractListAssert<?, List<? extends Tuple>, Tuple, ObjectAssert<Tuple>> assertRejected(ThrowingCallable call) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).isInstanceOf(EventRejectedException.class);
    assertThat(thrown.getMessage()).doesNotContain(PATIENT);
    return assertThat(((EventRejectedException) thrown).problems()).extracting(Problem::path, Problem::message);
  }

  /* ------------------------------------------------------------------ leaves */

  static Quantity q(String text) {
    return Quantity.parse(text);
  }

  static Duration d(String text) {
    return DurationText.parse(text);
  }

  /** T0 plus the sum of the durations, for example {@code t("2 d", "10 min")}. */
  static Instant t(String... offsets) {
    Instant at = T0;
    for (String o : offsets) {
      at = at.plus(d(o));
    }
    return at;
  }

  /* ------------------------------------------------------------------ template */

  static DosingSpec.Builder dosing() {
    return DosingSpec.builder()
        .medication(ESKETAMINE)
        .route(Route.INTRANASAL)
        .dose(DeviceDose.builder().perDevice(q("28 mg")).devices(2).betweenDevices(d("5 min")).build())
        .allowedRange(DoseRange.builder().min(q("56 mg")).max(q("84 mg")).build())
        .addTitrationSteps(q("56 mg"), q("84 mg"))
        .maxPerSession(q("84 mg"))
        .addCumulativeLimit(CumulativeLimit.builder().period(LimitPeriod.DAY).maximum(q("84 mg")).build())
        .addCumulativeLimit(CumulativeLimit.builder().period(LimitPeriod.WEEK).maximum(q("168 mg")).build());
  }

  static Rule.Builder rule(String id, Gate gate) {
    return Rule.builder().id(id).severity(Severity.BLOCK).gate(gate).message("rule " + id + " failed: {value}")
        .addEvidence("label");
  }

  static SessionTemplate doseSession(String id, DosingSpec dosing, List<Rule> ownRules) {
    return SessionTemplate.builder()
        .id(id)
        .kind(SessionKind.DOSING)
        .title("Dose " + id)
        .count(8)
        .dosing(dosing)
        .addIntegrationStep(IntegrationStep.builder().id(id + "-form").kind(IntegrationKind.FORM).title("Form")
            .earliest(d("0 min")).latest(d("7 d")).build())
        .addIntegrationStep(IntegrationStep.builder().id(id + "-journal").kind(IntegrationKind.JOURNALING)
            .title("Journal").earliest(d("0 min")).latest(d("1 d")).required(false).build())
        .addAllRules(ownRules)
        .build();
  }

  /** The fixture template with another dosing spec for the dose session, and extra template rules. */
  static ProtocolTemplate template(DosingSpec dosing, List<Rule> extraRules) {
    Rule sessionRule = rule("DOSE-SESSION-RULE", Gate.PRE_DOSE).severity(Severity.WARN).overridable(true)
        .forbid(systolicAbove("160 mmHg")).build();
    return ProtocolTemplate.builder()
        .id("course-test")
        .version("1.0.0")
        .title("Course test template")
        .status(TemplateStatus.DRAFT)
        .addIndication(Codes.MAJOR_DEPRESSIVE_DISORDER)
        .addEvidence(Evidence.builder().key("label").citation("Test label").build())
        .addPhase(Phase.builder().id("screening").title("Screening")
            .addSession(SessionTemplate.builder().id("screen").kind(SessionKind.SCREENING).title("Screening").count(1).build())
            .build())
        .addPhase(Phase.builder().id("induction").title("Induction")
            .addSession(doseSession("dose", dosing, List.of(sessionRule)))
            .addSession(SessionTemplate.builder().id("review").kind(SessionKind.ASSESSMENT).title("Review").count(1).build())
            .build())
        .addPhase(Phase.builder().id("maintenance").title("Maintenance")
            .addSession(doseSession("maint", dosing().build(), List.of()))
            .build())
        .addRule(rule("COURSE-CAP", Gate.PRE_DOSE).overridable(true)
            .require(DoseLimit.builder().period(LimitPeriod.COURSE).maximum(q("224 mg")).build()).build())
        .addRule(rule("BP-HIGH", Gate.PRE_DOSE).severity(Severity.WARN).overridable(true)
            .forbid(systolicAbove("140 mmHg")).build())
        .addRule(rule("DISCHARGE-2H", Gate.DISCHARGE).overridable(true)
            .require(MonitoringElapsed.builder().atLeast(d("2 h")).build()).build())
        .addRule(rule("ADULT", Gate.ELIGIBILITY)
            .forbid(PatientAge.builder().comparator(Comparator.LT).years(18).build()).build())
        .addRule(rule("AGE-WARN", Gate.ELIGIBILITY).severity(Severity.WARN).overridable(true)
            .forbid(PatientAge.builder().comparator(Comparator.LE).years(24).build()).build())
        .addAllRules(extraRules)
        .build();
  }

  static ObservationThreshold systolicAbove(String value) {
    return ObservationThreshold.builder().code(Codes.SYSTOLIC_BP).comparator(Comparator.GT).value(q(value))
        .maxAge(d("1 h")).build();
  }

  /* ------------------------------------------------------------------ events */

  static CourseStarted started() {
    return startedBuilder().build();
  }

  static CourseStarted.Builder startedBuilder() {
    return CourseStarted.builder()
        .at(T0)
        .by("staff-01")
        .courseId(COURSE)
        .patientId(PATIENT)
        .templateId("course-test")
        .templateVersion("1.0.0")
        .startDate(LocalDate.of(2026, 1, 5))
        .zone(ZoneId.of("America/New_York"))
        .addClosedWeekdays(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY)
        .addClosedDate(LocalDate.of(2026, 1, 19));
  }

  static SessionScheduled scheduled(String sessionId, String template, Instant when) {
    return SessionScheduled.builder().at(T0).sessionId(sessionId).template(template).scheduledFor(when)
        .planItemId(sessionId).build();
  }

  static SessionStarted sessionStarted(String sessionId, Instant at) {
    return SessionStarted.builder().at(at).by("staff-01").sessionId(sessionId).build();
  }

  static SessionCompleted completed(String sessionId, Instant at) {
    return SessionCompleted.builder().at(at).sessionId(sessionId).build();
  }

  static GateChecked preDose(String sessionId, Instant at, VerdictOutcome outcome, String... blocking) {
    return GateChecked.builder().at(at).gate(Gate.PRE_DOSE).sessionId(sessionId).outcome(outcome)
        .addBlockingRuleIds(blocking).build();
  }

  static DoseAdministered.Builder doseBuilder(String sessionId, String amount, Instant at) {
    return DoseAdministered.builder().at(at).by("nurse-01").sessionId(sessionId).amount(q(amount))
        .route(Route.INTRANASAL);
  }

  static DoseAdministered dose(String sessionId, String amount, Instant at) {
    return doseBuilder(sessionId, amount, at).build();
  }

  static ObservationRecorded systolic(String value, Instant at, String sessionId) {
    return ObservationRecorded.builder().at(at)
        .observation(Observation.builder().code(Codes.SYSTOLIC_BP).value(q(value)).at(at).build())
        .sessionId(Optional.ofNullable(sessionId)).build();
  }

  static AssessmentRecorded phq9(Instant at, int... items) {
    return AssessmentRecorded.builder().at(at)
        .result(AssessmentResult.builder().instrument(Instrument.PHQ9).at(at).addItems(items).build()).build();
  }

  static ClinicianOverride.Builder override(String ruleId, Instant at) {
    return ClinicianOverride.builder().ruleId(ruleId).clinicianId("md-01").role("prescriber")
        .reason("benefit outweighs risk").at(at);
  }

  static OverrideRecorded overrideRecorded(ClinicianOverride o) {
    return OverrideRecorded.builder().at(o.at()).by(o.clinicianId()).override(o).build();
  }

  /* ------------------------------------------------------------------ courses */

  /** Appends each event in order, with the record's own version. */
  static CourseRecord appendAll(CourseRecord record, CourseRules rules, CourseEvent... events) {
    CourseRecord r = record;
    for (CourseEvent e : events) {
      r = r.append(r.version(), e, rules);
    }
    return r;
  }

  /** A course started at T0, screened, with {@value #DOSE_1} scheduled for T0+2d. */
  static CourseRecord scheduledCourse() {
    return appendAll(CourseRecord.empty(COURSE), RULES,
        started(),
        scheduled(SCREEN, "screen", t("1 h")),
        sessionStarted(SCREEN, t("1 h")),
        completed(SCREEN, t("2 h")),
        scheduled(DOSE_1, "dose", t("2 d")));
  }

  /** {@link #scheduledCourse()} with {@value #DOSE_1} started at T0+2d and a PROCEED PRE_DOSE check. */
  static CourseRecord readyToDose() {
    return appendAll(scheduledCourse(), RULES,
        sessionStarted(DOSE_1, t("2 d")),
        preDose(DOSE_1, t("2 d", "5 min"), VerdictOutcome.PROCEED));
  }

  /** The events of a whole dosing session from {@link #readyToDose()}: 2 × 28 mg, completed at +2h10m. */
  static CourseRecord dosedAndCompleted() {
    return appendAll(readyToDose(), RULES,
        dose(DOSE_1, "28 mg", t("2 d", "10 min")),
        dose(DOSE_1, "28 mg", t("2 d", "15 min")),
        completed(DOSE_1, t("2 d", "2 h", "20 min")));
  }
}
