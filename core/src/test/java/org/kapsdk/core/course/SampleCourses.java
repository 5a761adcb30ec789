package org.kapsdk.core.course;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.kapsdk.core.course.CourseView.Deviation;
import org.kapsdk.core.course.CourseView.DueItem;
import org.kapsdk.core.course.CourseView.SessionSummary;
import org.kapsdk.core.facts.AssessmentResult;
import org.kapsdk.core.gate.VerdictOutcome;
import org.kapsdk.core.io.ProtocolFiles;
import org.kapsdk.core.model.Gate;
import org.kapsdk.core.model.Instrument;
import org.kapsdk.core.model.LimitPeriod;
import org.kapsdk.core.model.Quantity;
import org.kapsdk.core.model.Route;
import org.kapsdk.core.outcome.OutcomeSeries;
import org.kapsdk.core.plan.PlanChange;

/**
 * Courses on the sample esketamine template for {@link CourseView} tests, built through
 * {@link CourseRecord#append} so that every event is checked, and a canonical text of a view
 * (CourseView has no equals).
 *
 * <p>The course starts on Monday 2026-01-05 in America/New_York with the clinic closed at
 * weekends, as the sample course file does. The plan of the sample template from that day puts
 * the screening visit, the REMS enrolment and the first induction dose on 2026-01-05, induction
 * doses twice weekly to 2026-01-29, the end-of-induction review on 2026-01-29 and the weekly
 * maintenance sessions on the Mondays from 2026-02-02. Times are local clinic times: a session
 * held on a day starts at 09:00, is dosed at 09:15 and 09:20 and ends at 11:25.
 */
final class SampleCourses {
  static final Path TEMPLATE_FILE = Path.of("..", "examples", "templates", "esketamine-trd-sample.yaml");
  static final Path PROFILE_FILE = Path.of("..", "examples", "profiles", "sample-clinic.yaml");
  static final CourseRules RULES = CourseRules.compile(ProtocolFiles.read(TEMPLATE_FILE, PROFILE_FILE));
  static final ZoneId ZONE = ZoneId.of("America/New_York");
  static final LocalDate START = LocalDate.of(2026, 1, 5);
  static final String COURSE_ID = "view-course-0001";
  static final String PATIENT = "view-patient-0001";

  static final String SCREENING = "screening/screening-visit/1";
  static final String ENROLMENT = "screening/rems-enrolment/1";
  static final String REVIEW = "induction/end-of-induction-review/1";
  static final String PMF = "rems-pmf-induction";

  private CourseRecord record = CourseRecord.empty(COURSE_ID);

  private SampleCourses(LocalDate startDate, Instant startedAt) {
    add(CourseStarted.builder()
        .at(startedAt)
        .by("staff-0001")
        .courseId(COURSE_ID)
        .patientId(PATIENT)
        .templateId(RULES.template().id())
        .templateVersion(RULES.template().version())
        .startDate(startDate)
        .zone(ZONE)
        .addClosedWeekdays(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY)
        .build());
  }

  /** A course that has started on {@link #START} at 08:00 and nothing else. */
  static SampleCourses started() {
    return new SampleCourses(START, local(START, 8, 0));
  }

  /** A course recorded at {@code startedAt} whose first day is {@code startDate}. */
  static SampleCourses startingOn(LocalDate startDate, Instant startedAt) {
    return new SampleCourses(startDate, startedAt);
  }

  /**
   * A started course with the screening visit (PHQ-9 of the given total, MADRS 32, a negative
   * C-SSRS screener) and the REMS enrolment held on 2026-01-05, as planned.
   */
  static SampleCourses screened(int phq9Baseline) {
    SampleCourses c = started();
    c.schedule(SCREENING, local(START, 8, 30)).start(SCREENING, local(START, 8, 30))
        .assess(SCREENING, phq9(local(START, 8, 40), phq9Baseline))
        .assess(SCREENING, madrs(local(START, 8, 50), 32))
        .assess(SCREENING, cssrs(local(START, 8, 55), 0))
        .complete(SCREENING, local(START, 9, 0));
    c.schedule(ENROLMENT, local(START, 9, 0)).start(ENROLMENT, local(START, 9, 0)).complete(ENROLMENT, local(START, 9, 30));
    return c;
  }

  /** {@link #screened} with PHQ-9 17 and the 8 induction doses held on their planned dates, PHQ-9 10 at each. */
  static SampleCourses inductionDosed() {
    SampleCourses c = screened(17);
    for (int i = 1; i <= 8; i++) {
      c.dosing(induction(i), PLANNED_INDUCTION[i - 1], 10);
    }
    return c;
  }

  /** The planned dates of the 8 induction doses. */
  static final LocalDate[] PLANNED_INDUCTION = {
    LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 8), LocalDate.of(2026, 1, 12), LocalDate.of(2026, 1, 15),
    LocalDate.of(2026, 1, 19), LocalDate.of(2026, 1, 22), LocalDate.of(2026, 1, 26), LocalDate.of(2026, 1, 29)
  };

  /** The id of the n-th induction dose, from 1. */
  static String induction(int n) {
    return "induction/induction-dose/" + n;
  }

  /** The id of the n-th weekly maintenance dose, from 1. */
  static String weekly(int n) {
    return "maintenance-weekly/maintenance-weekly-dose/" + n;
  }

  /** The instant of a local clinic time. */
  static Instant local(LocalDate day, int hour, int minute) {
    return day.atTime(LocalTime.of(hour, minute)).atZone(ZONE).toInstant();
  }

  /* ------------------------------------------------------------------ events */

  SampleCourses add(CourseEvent e) {
    record = record.append(record.version(), e, RULES);
    return this;
  }

  /** Schedules a session from its plan item id ({@code phase/template/n}), planned at {@code when}. */
  SampleCourses schedule(String id, Instant when) {
    return add(SessionScheduled.builder().at(when).by("staff-0001").sessionId(id).template(templateOf(id))
        .scheduledFor(when).planItemId(id).build());
  }

  /** Schedules a session under its own id, for a plan item of another id (or none). */
  SampleCourses scheduleFor(String id, String template, Optional<String> planItemId, Instant when) {
    return add(SessionScheduled.builder().at(when).by("staff-0001").sessionId(id).template(template)
        .scheduledFor(when).planItemId(planItemId).build());
  }

  SampleCourses start(String id, Instant at) {
    return add(SessionStarted.builder().at(at).by("rn-0001").sessionId(id).build());
  }

  SampleCourses complete(String id, Instant at) {
    return add(SessionCompleted.builder().at(at).by("md-0001").sessionId(id).monitoringEndedAt(at).build());
  }

  SampleCourses miss(String id, Instant at, String reason) {
    return add(SessionMissed.builder().at(at).by("staff-0001").sessionId(id).reason(reason).build());
  }

  SampleCourses cancel(String id, Instant at, String reason) {
    return add(SessionCancelled.builder().at(at).by("staff-0001").sessionId(id).reason(reason).build());
  }

  /** A PROCEED PRE_DOSE check and one dose per amount, 5 min apart from {@code at}. */
  SampleCourses doses(String id, Instant at, String... amounts) {
    add(GateChecked.builder().at(at).by("md-0001").gate(Gate.PRE_DOSE).sessionId(id).outcome(VerdictOutcome.PROCEED).build());
    Instant t = at;
    for (String amount : amounts) {
      t = t.plusSeconds(300);
      add(DoseAdministered.builder().at(t).by("rn-0001").sessionId(id).amount(Quantity.parse(amount))
          .route(Route.INTRANASAL).build());
    }
    return this;
  }

  /** An assessment linked to a session. */
  SampleCourses assess(String id, AssessmentResult result) {
    return add(AssessmentRecorded.builder().at(result.at()).by("rn-0001").sessionId(id).result(result).build());
  }

  /** An assessment linked to no session. */
  SampleCourses assess(AssessmentResult result) {
    return add(AssessmentRecorded.builder().at(result.at()).by("rn-0001").result(result).build());
  }

  SampleCourses stepDone(String id, String stepId, Instant at) {
    return add(IntegrationStepCompleted.builder().at(at).by("staff-0001").sessionId(id).stepId(stepId).build());
  }

  SampleCourses phaseChanged(String toPhase, Instant at) {
    return add(PhaseChanged.builder().at(at).by("md-0001").toPhase(toPhase).reason("clinician-decision").build());
  }

  SampleCourses pause(Instant at) {
    return add(CoursePaused.builder().at(at).by("md-0001").reason("hospital-stay").build());
  }

  SampleCourses discontinue(Instant at) {
    return add(CourseDiscontinued.builder().at(at).by("md-0001").reason("patient-withdrew").build());
  }

  /**
   * A whole dosing session on a day: scheduled and started at 09:00, PHQ-9 of the given total
   * and a negative C-SSRS screener at 09:05, PRE_DOSE check at 09:10, 2 × 28 mg at 09:15 and
   * 09:20, completed at 11:25.
   */
  SampleCourses dosing(String id, LocalDate day, int phq9Total) {
    return schedule(id, local(day, 9, 0)).start(id, local(day, 9, 0))
        .assess(id, phq9(local(day, 9, 5), phq9Total))
        .assess(id, cssrs(local(day, 9, 5), 0))
        .doses(id, local(day, 9, 10), "28 mg", "28 mg")
        .complete(id, local(day, 11, 25));
  }

  /** The end-of-induction review on a day, 09:00 to 09:30, with PHQ-9 and MADRS of the given totals. */
  SampleCourses review(LocalDate day, int phq9Total, Optional<Integer> madrsTotal) {
    schedule(REVIEW, local(day, 9, 0)).start(REVIEW, local(day, 9, 0)).assess(REVIEW, phq9(local(day, 9, 5), phq9Total));
    madrsTotal.ifPresent(t -> assess(REVIEW, madrs(local(day, 9, 10), t)));
    return complete(REVIEW, local(day, 9, 30));
  }

  CourseRecord record() {
    return record;
  }

  CourseState state() {
    return record.state(RULES);
  }

  CourseView view(Instant at) {
    return CourseView.of(state(), at);
  }

  /* ------------------------------------------------------------------ scores */

  /** A PHQ-9 with the given total spread over items 1–8 (at most 3 each) and item 9 as given. */
  static AssessmentResult phq9(Instant at, int total, int item9) {
    AssessmentResult.Builder b = AssessmentResult.builder().instrument(Instrument.PHQ9).at(at);
    int rest = total - item9;
    for (int i = 0; i < 8; i++) {
      int v = Math.min(3, Math.max(0, rest));
      b.addItems(v);
      rest -= v;
    }
    if (rest != 0) {
      throw new IllegalArgumentException("a PHQ-9 total of " + total + " does not fit items 1-8 with item 9 = " + item9);
    }
    return b.addItems(item9).build();
  }

  static AssessmentResult phq9(Instant at, int total) {
    return phq9(at, total, 0);
  }

  static AssessmentResult madrs(Instant at, int total) {
    return AssessmentResult.builder().instrument(Instrument.MADRS).at(at).total(total).build();
  }

  /** A C-SSRS screener with items 1..highest positive (0: all negative). */
  static AssessmentResult cssrs(Instant at, int highest) {
    AssessmentResult.Builder b = AssessmentResult.builder().instrument(Instrument.CSSRS_SCREENER).at(at);
    for (int i = 1; i <= 6; i++) {
      b.addItems(i <= highest ? 1 : 0);
    }
    return b.build();
  }

  private static String templateOf(String id) {
    return id.split("/")[1];
  }

  /* ------------------------------------------------------------------ rendering */

  /** Every accessor of a view as text, so two views can be compared for equality. */
  static String render(CourseView v) {
    List<String> lines = new ArrayList<>();
    lines.add("at " + v.at() + " " + v.zone() + " " + v.status() + " phase " + v.phaseId());
    lines.add("plan " + v.plan().map(Object::toString).orElse("-"));
    for (PlanChange c : v.planChanges()) {
      lines.add("change " + c);
    }
    v.planProblems().forEach(p -> lines.add("problem " + p));
    for (DueItem d : v.nextDue()) {
      lines.add("next " + d);
    }
    for (DueItem d : v.overdue()) {
      lines.add("overdue " + d);
    }
    for (LimitPeriod p : LimitPeriod.values()) {
      if (v.cumulativeDose().containsKey(p)) {
        lines.add("dose " + p + " " + v.cumulativeDose().get(p));
      }
    }
    lines.add("doses " + v.cumulativeDose().size());
    for (Deviation d : v.deviations()) {
      lines.add("deviation " + d);
    }
    for (SessionSummary s : v.sessions()) {
      lines.add("session " + s);
    }
    for (OutcomeSeries s : v.outcomes()) {
      lines.add("outcome " + s + " " + s.points() + " " + s.responseReason() + " " + s.remissionReason() + " " + s.trend());
    }
    lines.add("risk " + v.suicideRisk());
    v.itemFlags().forEach(f -> lines.add("flag " + f));
    v.decisions().forEach(d -> lines.add("decision " + d));
    v.notes().forEach(n -> lines.add("note " + n));
    return lines.stream().collect(Collectors.joining("\n"));
  }
}
