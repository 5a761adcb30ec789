package org.kapsdk.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.kapsdk.core.course.AssessmentRecorded;
import org.kapsdk.core.course.CourseEvent;
import org.kapsdk.core.course.CourseRecord;
import org.kapsdk.core.course.CourseRules;
import org.kapsdk.core.course.CourseStarted;
import org.kapsdk.core.course.CourseState;
import org.kapsdk.core.course.CourseView;
import org.kapsdk.core.course.CourseView.DueItem;
import org.kapsdk.core.course.CourseView.DueKind;
import org.kapsdk.core.course.DoseAdministered;
import org.kapsdk.core.course.GateChecked;
import org.kapsdk.core.course.IntegrationStepCompleted;
import org.kapsdk.core.course.ObservationRecorded;
import org.kapsdk.core.course.OverrideRecorded;
import org.kapsdk.core.course.SessionCompleted;
import org.kapsdk.core.course.SessionScheduled;
import org.kapsdk.core.course.SessionStarted;
import org.kapsdk.core.facts.AssessmentResult;
import org.kapsdk.core.facts.Attestation;
import org.kapsdk.core.facts.Observation;
import org.kapsdk.core.facts.PatientFacts;
import org.kapsdk.core.gate.ClinicianOverride;
import org.kapsdk.core.gate.Finding;
import org.kapsdk.core.gate.GateRequest;
import org.kapsdk.core.gate.Verdict;
import org.kapsdk.core.gate.VerdictOutcome;
import org.kapsdk.core.io.DocumentFormat;
import org.kapsdk.core.io.FactsFiles;
import org.kapsdk.core.io.ProfileFiles;
import org.kapsdk.core.model.ClinicProfile;
import org.kapsdk.core.model.Code;
import org.kapsdk.core.model.Codes;
import org.kapsdk.core.model.Gate;
import org.kapsdk.core.model.Instrument;
import org.kapsdk.core.model.ProtocolTemplate;
import org.kapsdk.core.model.Quantity;
import org.kapsdk.core.model.Route;
import org.kapsdk.core.plan.ClinicCalendar;
import org.kapsdk.core.plan.CoursePlan;
import org.kapsdk.core.plan.CoursePlanner;
import org.kapsdk.core.plan.PlannedItem;
import org.kapsdk.protocols.BuiltInProtocol;
import org.kapsdk.protocols.CrisisSignsCheck;

/**
 * The simulated course {@code kapsdk demo} tells: one patient's esketamine course on the built-in
 * protocol {@code esketamine-trd-us}, from screening to the end-of-induction decision.
 *
 * <p>This class scripts only inputs: when each visit happens, the readings, the scores, the
 * planned dose, and the two choices a clinician makes (a prescriber's override of an elevated
 * pre-dose blood pressure, and asking for discharge once before 2 h). Every verdict, due date,
 * outcome and recommendation comes from the engines: the planner, the safety gate, the course
 * record (each event is checked by {@link CourseRecord#append} before it is kept) and the course
 * view. Nothing reads the wall clock and nothing is random, so two runs give the same result.
 *
 * <p>SIMULATED DATA, NOT MEDICAL ADVICE. The patient is the opaque id of the embedded facts file;
 * the clinic profile's values are demo values no medical director reviewed.
 */
final class DemoCourse {
  static final BuiltInProtocol PROTOCOL = BuiltInProtocol.ESKETAMINE_TRD_US;
  static final String PROFILE_RESOURCE = "demo/demo-clinic-profile.yaml";
  static final String PATIENT_RESOURCE = "demo/demo-patient.yaml";
  /** The file name the course file gives the profile when the demo writes it out. */
  static final String PROFILE_FILE = "demo-clinic-profile.yaml";

  static final String COURSE_ID = "demo-course-0001";
  static final LocalDate START = LocalDate.of(2026, 4, 6);
  static final ZoneId ZONE = ZoneId.of("America/New_York");
  static final EnumSet<DayOfWeek> CLOSED = EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);

  static final String NURSE = "staff-nurse-0001";
  static final String PRESCRIBER = "staff-prescriber-0001";

  /** The visit whose pre-dose blood pressure is elevated, so that the gate blocks it. */
  static final int BLOCKED_VISIT = 3;
  /** The visit at which discharge is asked for once before the 2 h have passed. */
  static final int EARLY_DISCHARGE_VISIT = 1;
  /** The rule the prescriber overrides, and the only one the demo ever overrides. */
  static final String OVERRIDDEN_RULE = "BP-PRE-ELEVATED";
  static final String OVERRIDE_REASON = "Simulated: asymptomatic, no condition where a BP rise is a serious risk;"
      + " benefit judged to outweigh the short-term rise";

  /** Whoever ran the check; the demo's nurse records each verdict. */
  private static final Optional<String> BY_NURSE = Optional.of(NURSE);

  /**
   * One induction visit's scripted inputs: blood pressure before the dose, at 40 min, at 95 min
   * and at 120 min after the first device (systolic, diastolic), the dose, and the PHQ-9 items.
   */
  private record Script(int[] preDose, int[] at40, int[] at95, int[] at120, int doseMg, int[] phq9) {}

  // Blood pressures fall back after each dose (PI: peak at about 40 min); the third visit's
  // baseline is above the label's example of 140/90, which is what the gate must catch.
  private static final List<Script> VISITS = List.of(
      new Script(bp(128, 82), bp(138, 88), bp(130, 83), bp(126, 80), 56, items(3, 3, 2, 2, 2, 2, 2, 2, 0)),
      new Script(bp(126, 80), bp(136, 86), bp(128, 82), bp(124, 79), 56, items(3, 2, 2, 2, 2, 2, 2, 1, 0)),
      new Script(bp(152, 94), bp(160, 96), bp(148, 90), bp(142, 88), 56, items(2, 2, 2, 2, 2, 2, 1, 1, 0)),
      new Script(bp(130, 84), bp(139, 88), bp(131, 84), bp(127, 81), 56, items(2, 2, 2, 2, 1, 1, 1, 1, 0)),
      new Script(bp(124, 78), bp(137, 87), bp(129, 82), bp(125, 79), 84, items(2, 2, 1, 1, 1, 1, 1, 1, 0)),
      new Script(bp(127, 81), bp(138, 88), bp(130, 83), bp(126, 80), 84, items(2, 1, 1, 1, 1, 1, 1, 1, 0)),
      new Script(bp(122, 79), bp(135, 86), bp(127, 81), bp(123, 78), 84, items(1, 1, 1, 1, 1, 1, 1, 1, 0)),
      new Script(bp(125, 80), bp(136, 87), bp(128, 82), bp(124, 79), 84, items(1, 1, 1, 1, 1, 1, 1, 0, 0)));

  private static final int[] SCREENING_PHQ9 = items(3, 3, 2, 3, 2, 2, 2, 2, 0);
  private static final int[] SCREENING_MADRS = items(4, 4, 3, 4, 3, 3, 3, 4, 3, 3);
  private static final int[] REVIEW_PHQ9 = items(1, 1, 1, 1, 1, 1, 0, 0, 0);
  private static final int[] REVIEW_MADRS = items(1, 1, 1, 2, 1, 1, 1, 1, 1, 1);
  private static final int[] CSSRS_NONE = items(0, 0, 0, 0, 0, 0);
  private static final String SPO2 = "97 %";
  private static final String LOT = "DEMO-LOT-0001";

  /** A gate check of the story: what was asked, and the gate's verdict. */
  record Check(String label, Verdict verdict) {}

  /** A reading recorded at a session. */
  record Reading(Instant at, String label, Observation observation) {}

  /** A score recorded at a session. */
  record Score(Instant at, String sessionId, AssessmentResult result) {}

  /** The REMS form of a dosing session: its window from the course view, and when it was done. */
  record FormStep(String sessionId, String stepId, String title, Instant dueFrom, Instant dueBy, Instant doneAt) {}

  /** One held induction dosing session. */
  record Visit(int number, PlannedItem planned, Instant start, Quantity dose, Instant firstDevice,
      Instant monitoringEnded, List<Reading> readings, List<Check> checks, Optional<ClinicianOverride> override,
      FormStep form) {}

  /** What the demo did, and what the engines said. */
  record Result(ProtocolTemplate template, ClinicProfile profile, String profileText, PatientFacts patient,
      CoursePlan plan, List<Score> scores, Check eligibility, List<Visit> visits, CourseView endOfInduction,
      CourseRecord record) {}

  private final CourseRules rules;
  private final String patientText;
  private CourseRecord record;

  private DemoCourse(CourseRules rules, String patientText) {
    this.rules = rules;
    this.patientText = patientText;
    this.record = CourseRecord.empty(COURSE_ID);
  }

  /**
   * Runs the whole story.
   *
   * @throws IllegalStateException if the engines refuse the script: the demo's own data is wrong
   */
  static Result run() {
    String profileText = resource(PROFILE_RESOURCE);
    ClinicProfile profile = ProfileFiles.read(profileText, DocumentFormat.YAML, "builtin:demo/" + PROFILE_FILE);
    ProtocolTemplate template = PROTOCOL.template(profile);
    CourseRules rules = CourseRules.compile(template, BuiltInProtocol.extensions());
    DemoCourse demo = new DemoCourse(rules, resource(PATIENT_RESOURCE));
    return demo.tell(template, profile, profileText);
  }

  private Result tell(ProtocolTemplate template, ClinicProfile profile, String profileText) {
    ClinicCalendar calendar = ClinicCalendar.builder().zone(ZONE).closedWeekdays(CLOSED).build();
    CoursePlan plan = CoursePlanner.plan(template, START, calendar);
    PlannedItem screening = planned(plan, "screening-visit", 1);
    PlannedItem enrolment = planned(plan, "rems-enrolment", 1);
    PatientFacts patient = facts(local(START, 7, 30));
    List<Score> scores = new ArrayList<>();

    // Day 1: the course starts; screening with the baseline scales, then REMS enrolment.
    Instant t = local(START, 7, 30);
    append(CourseStarted.builder().at(t).by(NURSE).courseId(COURSE_ID).patientId(patient.patientId())
        .templateId(template.id()).templateVersion(template.version()).startDate(START).zone(ZONE)
        .closedWeekdays(CLOSED).build());
    schedule(t, screening, local(screening.target(), 8, 0));
    schedule(t, enrolment, local(enrolment.target(), 9, 0));

    Instant s = local(screening.target(), 8, 0);
    append(SessionStarted.builder().at(s).by(NURSE).sessionId(screening.id()).build());
    scores.add(assess(s.plus(minutes(15)), screening.id(), Instrument.PHQ9, SCREENING_PHQ9));
    scores.add(assess(s.plus(minutes(15)), screening.id(), Instrument.MADRS, SCREENING_MADRS));
    scores.add(assess(s.plus(minutes(15)), screening.id(), Instrument.CSSRS_SCREENER, CSSRS_NONE));
    append(SessionCompleted.builder().at(s.plus(minutes(45))).by(NURSE).sessionId(screening.id()).build());
    Instant e = local(enrolment.target(), 9, 0);
    append(SessionStarted.builder().at(e).by(NURSE).sessionId(enrolment.id()).build());
    append(SessionCompleted.builder().at(e.plus(minutes(40))).by(NURSE).sessionId(enrolment.id()).build());

    Check eligibility = new Check("eligibility", evaluate(Gate.ELIGIBILITY, e.plus(minutes(45)), Optional.empty(),
        Optional.empty(), List.of()));
    requireOutcome(eligibility, VerdictOutcome.PROCEED);

    // Every induction session, and the end-of-induction review, goes on the schedule at once.
    Instant scheduledAt = e.plus(minutes(50));
    List<PlannedItem> induction = new ArrayList<>();
    for (int n = 1; n <= VISITS.size(); n++) {
      PlannedItem item = planned(plan, "induction-dose", n);
      induction.add(item);
      schedule(scheduledAt, item, visitStart(item));
    }
    PlannedItem review = planned(plan, "end-of-induction-review", 1);
    Instant reviewStart = local(review.target(), 13, 30);
    schedule(scheduledAt, review, reviewStart);

    List<Visit> visits = new ArrayList<>();
    for (int n = 1; n <= VISITS.size(); n++) {
      PlannedItem item = induction.get(n - 1);
      visits.add(visit(n, item, VISITS.get(n - 1), scores));
      if (n == VISITS.size()) {
        // The review follows the last dose of induction, the same day.
        append(SessionStarted.builder().at(reviewStart).by(NURSE).sessionId(review.id()).build());
        scores.add(assess(reviewStart.plus(minutes(10)), review.id(), Instrument.PHQ9, REVIEW_PHQ9));
        scores.add(assess(reviewStart.plus(minutes(10)), review.id(), Instrument.MADRS, REVIEW_MADRS));
        append(SessionCompleted.builder().at(reviewStart.plus(minutes(40))).by(NURSE).sessionId(review.id()).build());
      }
      Visit v = visits.get(n - 1);
      append(IntegrationStepCompleted.builder().at(v.form().doneAt()).by(NURSE).sessionId(item.id())
          .stepId(v.form().stepId()).build());
    }

    Instant endOfDay = local(review.target(), 17, 0);
    CourseView view = CourseView.of(record.state(rules), endOfDay);
    return new Result(rules.template(), profile, profileText, patient, plan, List.copyOf(scores), eligibility,
        List.copyOf(visits), view, record);
  }

  /** One induction dosing session, from arrival to the REMS form. */
  private Visit visit(int number, PlannedItem item, Script script, List<Score> scores) {
    String id = item.id();
    Optional<String> session = Optional.of(id);
    Instant start = visitStart(item);
    List<Reading> readings = new ArrayList<>();
    List<Check> checks = new ArrayList<>();
    Quantity dose = Quantity.parse(script.doseMg() + " mg");

    append(SessionStarted.builder().at(start).by(NURSE).sessionId(id).build());
    scores.add(assess(start.plus(minutes(5)), id, Instrument.PHQ9, script.phq9()));
    scores.add(assess(start.plus(minutes(5)), id, Instrument.CSSRS_SCREENER, CSSRS_NONE));
    bloodPressure(start.plus(minutes(10)), id, script.preDose(), "pre-dose", readings);

    Instant checkAt = start.plus(minutes(15));
    Check preDose = new Check("pre-dose", evaluate(Gate.PRE_DOSE, checkAt, session, Optional.of(dose), List.of()));
    checks.add(preDose);
    Optional<ClinicianOverride> override = Optional.empty();
    Instant firstDevice = checkAt.plus(minutes(5));
    if (preDose.verdict().outcome() == VerdictOutcome.BLOCKED) {
      // The prescriber weighs the rise against the benefit (PI) and records the decision; only
      // that one overridable rule is ever overridden here, so anything else still blocks.
      boolean onlyBloodPressure = preDose.verdict().blockingFindings().stream()
          .allMatch(f -> f.ruleId().equals(OVERRIDDEN_RULE) && f.rule().map(r -> r.overridable()).orElse(false));
      if (!onlyBloodPressure || number != BLOCKED_VISIT) {
        throw new IllegalStateException("demo script: the pre-dose check of visit " + number + " blocked unexpectedly: "
            + preDose.verdict().blockingFindings().stream().map(Finding::ruleId).toList());
      }
      ClinicianOverride o = ClinicianOverride.builder().ruleId(OVERRIDDEN_RULE).clinicianId(PRESCRIBER)
          .role("prescriber").reason(OVERRIDE_REASON).at(checkAt.plus(minutes(10))).session(id).build();
      append(OverrideRecorded.builder().at(o.at()).by(PRESCRIBER).override(o).build());
      override = Optional.of(o);
      Instant recheckAt = checkAt.plus(minutes(12));
      Check recheck = new Check("pre-dose, after the override",
          evaluate(Gate.PRE_DOSE, recheckAt, session, Optional.of(dose), sessionOverrides(id)));
      checks.add(recheck);
      requireNotBlocked(recheck);
      firstDevice = recheckAt.plus(minutes(5));
    } else if (number == BLOCKED_VISIT) {
      throw new IllegalStateException("demo script: the pre-dose check of visit " + number + " was expected to block");
    }

    // One device of 28 mg every 5 minutes (PI).
    Quantity perDevice = Quantity.parse("28 mg");
    int devices = dose.value().intValueExact() / 28;
    for (int d = 0; d < devices; d++) {
      append(DoseAdministered.builder().at(firstDevice.plus(minutes(5L * d))).by(NURSE).sessionId(id)
          .amount(perDevice).route(Route.INTRANASAL).lot(LOT).build());
    }

    Instant at40 = firstDevice.plus(minutes(40));
    bloodPressure(at40, id, script.at40(), "40 min", readings);
    Observation spo2 = Observation.builder().code(Codes.SPO2_PULSE_OXIMETRY).value(Quantity.parse(SPO2)).at(at40).build();
    append(ObservationRecorded.builder().at(at40).by(NURSE).observation(spo2).sessionId(id).build());
    readings.add(new Reading(at40, "40 min", spo2));
    Check during = new Check("during the session", evaluate(Gate.DURING_SESSION, at40.plus(minutes(1)), session,
        Optional.empty(), List.of(), noCrisisSigns(at40)));
    checks.add(during);
    requireNotBlocked(during);

    bloodPressure(firstDevice.plus(minutes(95)), id, script.at95(), "95 min", readings);
    if (number == EARLY_DISCHARGE_VISIT) {
      Check early = new Check("discharge, asked early", evaluate(Gate.DISCHARGE, firstDevice.plus(minutes(100)),
          session, Optional.empty(), List.of()));
      checks.add(early);
      if (early.verdict().outcome() != VerdictOutcome.BLOCKED) {
        throw new IllegalStateException("demo script: a discharge before 2 h was expected to be refused");
      }
    }
    bloodPressure(firstDevice.plus(minutes(120)), id, script.at120(), "120 min", readings);
    Instant dischargeAt = firstDevice.plus(minutes(125));
    Check discharge = new Check("discharge", evaluate(Gate.DISCHARGE, dischargeAt, session, Optional.empty(),
        List.of()));
    checks.add(discharge);
    requireNotBlocked(discharge);
    append(SessionCompleted.builder().at(dischargeAt.plus(minutes(1))).by(NURSE).sessionId(id)
        .monitoringEndedAt(dischargeAt).build());

    // The REMS form is due from the session's end; the view says by when.
    CourseView after = CourseView.of(record.state(rules), dischargeAt.plus(minutes(1)));
    DueItem due = after.nextDue().stream()
        .filter(d -> d.kind() == DueKind.INTEGRATION_STEP && d.sessionId().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalStateException("demo script: no integration step is due after " + id));
    String stepId = due.id().substring(due.id().lastIndexOf('/') + 1);
    Instant formDone = local(item.target(), 16, 0);
    FormStep form = new FormStep(id, stepId, due.title(), due.dueFrom(), due.dueBy(), formDone);
    return new Visit(number, item, start, dose, firstDevice, dischargeAt, List.copyOf(readings), List.copyOf(checks),
        override, form);
  }

  // ------------------------------------------------------------------------------- engines

  private Verdict evaluate(Gate gate, Instant at, Optional<String> session, Optional<Quantity> dose,
      List<ClinicianOverride> overrides, Attestation... extra) {
    CourseState state = record.state(rules);
    PatientFacts base = PatientFacts.builder().from(facts(at)).addAttestations(extra).build();
    Verdict verdict = rules.gate().evaluate(GateRequest.builder().gate(gate).at(at).facts(state.facts(base))
        .session(session).plannedDose(dose).addAllOverrides(overrides).build());
    append(GateChecked.of(verdict, session, BY_NURSE));
    return verdict;
  }

  /**
   * The overrides recorded for this session: the only ones a session gate accepts. The demo
   * overrides only a PRE_DOSE rule, and the gate refuses an override of a rule it does not
   * evaluate, so the other gates are asked without overrides.
   */
  private List<ClinicianOverride> sessionOverrides(String sessionId) {
    return record.state(rules).overrides().stream().filter(o -> o.session().equals(Optional.of(sessionId))).toList();
  }

  /** The host's facts at an instant: the embedded patient file, its T0 being that instant. */
  private PatientFacts facts(Instant t0) {
    return FactsFiles.read(patientText, DocumentFormat.YAML, "builtin:demo/demo-patient.yaml", t0);
  }

  private void append(CourseEvent event) {
    record = record.append(record.version(), event, rules);
  }

  private void schedule(Instant at, PlannedItem item, Instant scheduledFor) {
    append(SessionScheduled.builder().at(at).by(NURSE).sessionId(item.id()).template(item.sessionTemplateId())
        .scheduledFor(scheduledFor).planItemId(item.id()).build());
  }

  private Score assess(Instant at, String sessionId, Instrument instrument, int[] items) {
    AssessmentResult.Builder result = AssessmentResult.builder().instrument(instrument).at(at);
    for (int i : items) {
      result.addItems(i);
    }
    AssessmentResult r = result.build();
    append(AssessmentRecorded.builder().at(at).by(NURSE).result(r).sessionId(sessionId).build());
    return new Score(at, sessionId, r);
  }

  private void bloodPressure(Instant at, String sessionId, int[] bp, String label, List<Reading> readings) {
    for (int i = 0; i < 2; i++) {
      Code code = i == 0 ? Codes.SYSTOLIC_BP : Codes.DIASTOLIC_BP;
      Observation o = Observation.builder().code(code).value(Quantity.parse(bp[i] + " mmHg")).at(at).build();
      append(ObservationRecorded.builder().at(at).by(NURSE).observation(o).sessionId(sessionId).build());
      readings.add(new Reading(at, label, o));
    }
  }

  // ------------------------------------------------------------------------------- helpers

  private static void requireOutcome(Check check, VerdictOutcome expected) {
    if (check.verdict().outcome() != expected) {
      throw new IllegalStateException("demo script: the " + check.label() + " check gave " + check.verdict().outcome()
          + " where the script expects " + expected + ": " + check.verdict());
    }
  }

  private static void requireNotBlocked(Check check) {
    if (check.verdict().outcome() == VerdictOutcome.BLOCKED) {
      throw new IllegalStateException("demo script: the " + check.label() + " check blocked: " + check.verdict());
    }
  }

  private static Attestation noCrisisSigns(Instant at) {
    return Attestation.builder().key(CrisisSignsCheck.NO_SIGNS).recordedAt(at).build();
  }

  private static PlannedItem planned(CoursePlan plan, String sessionTemplate, int occurrence) {
    return plan.sessions().stream()
        .filter(i -> i.sessionTemplateId().equals(sessionTemplate) && i.occurrence() == occurrence).findFirst()
        .orElseThrow(() -> new IllegalStateException("demo script: the plan has no " + sessionTemplate + " #" + occurrence));
  }

  /** Dosing visits start at 10:30 local on their planned day: after screening on day 1. */
  private static Instant visitStart(PlannedItem item) {
    return local(item.target(), 10, 30);
  }

  static Instant local(LocalDate date, int hour, int minute) {
    return date.atTime(LocalTime.of(hour, minute)).atZone(ZONE).toInstant();
  }

  private static Duration minutes(long n) {
    return Duration.ofMinutes(n);
  }

  private static int[] bp(int systolic, int diastolic) {
    return new int[] {systolic, diastolic};
  }

  private static int[] items(int... items) {
    return items;
  }

  static String resource(String name) {
    try (InputStream in = DemoCourse.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("demo resource " + name + " is missing from the kapsdk-cli jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read demo resource " + name, e);
    }
  }
}
