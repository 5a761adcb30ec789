package org.kapsdk.core.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.kapsdk.core.course.SampleCourses.ENROLMENT;
import static org.kapsdk.core.course.SampleCourses.PATIENT;
import static org.kapsdk.core.course.SampleCourses.PMF;
import static org.kapsdk.core.course.SampleCourses.REVIEW;
import static org.kapsdk.core.course.SampleCourses.RULES;
import static org.kapsdk.core.course.SampleCourses.SCREENING;
import static org.kapsdk.core.course.SampleCourses.START;
import static org.kapsdk.core.course.SampleCourses.ZONE;
import static org.kapsdk.core.course.SampleCourses.cssrs;
import static org.kapsdk.core.course.SampleCourses.induction;
import static org.kapsdk.core.course.SampleCourses.inductionDosed;
import static org.kapsdk.core.course.SampleCourses.local;
import static org.kapsdk.core.course.SampleCourses.phq9;
import static org.kapsdk.core.course.SampleCourses.render;
import static org.kapsdk.core.course.SampleCourses.screened;
import static org.kapsdk.core.course.SampleCourses.weekly;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.kapsdk.core.course.CourseView.Deviation;
import org.kapsdk.core.course.CourseView.DueItem;
import org.kapsdk.core.course.CourseView.DueKind;
import org.kapsdk.core.course.CourseView.SessionSummary;
import org.kapsdk.core.facts.AssessmentResult;
import org.kapsdk.core.io.CourseDocument;
import org.kapsdk.core.io.CourseFiles;
import org.kapsdk.core.model.Instrument;
import org.kapsdk.core.model.LimitPeriod;
import org.kapsdk.core.model.NonResponseAction;
import org.kapsdk.core.model.Quantity;
import org.kapsdk.core.outcome.CssrsRisk;
import org.kapsdk.core.outcome.DecisionItem;
import org.kapsdk.core.outcome.DecisionStatus;
import org.kapsdk.core.outcome.ItemFlag;
import org.kapsdk.core.outcome.OutcomeSeries;
import org.kapsdk.core.outcome.ScorePoint;
import org.kapsdk.core.plan.ChangeKind;
import org.kapsdk.core.plan.ClinicCalendar;
import org.kapsdk.core.plan.CoursePlan;
import org.kapsdk.core.plan.CoursePlanner;
import org.kapsdk.core.plan.ItemStatus;
import org.kapsdk.core.plan.PlanChange;
import org.kapsdk.core.plan.PlannedItem;
import org.kapsdk.core.validation.Problem;
import org.kapsdk.core.validation.ValidationException;

/**
 * {@link CourseView} on courses of the sample esketamine template, built event by event through
 * {@link CourseRecord#append} (see {@link SampleCourses} for the calendar and the times of day).
 */
class CourseViewTest {
  private static final LocalDate JAN_5 = START;
  private static final String FORM_TITLE = "Submit the SPRAVATO REMS Patient Monitoring Form";
  private static final String STEP_BACK_NOTE = "a session of phase maintenance-weekly was missed or late and the PHQ-9"
      + " total rose by at least 5 since the phase began: the plan steps the rest of the phase back to the schedule of"
      + " phase induction, for the clinician to confirm";

  private static LocalDate jan(int day) {
    return LocalDate.of(2026, 1, day);
  }

  private static LocalDate feb(int day) {
    return LocalDate.of(2026, 2, day);
  }

  private static List<String> ids(List<DueItem> items) {
    return items.stream().map(DueItem::id).toList();
  }

  private static PlannedItem planned(CourseView v, String id) {
    return v.plan().orElseThrow().item(id).orElseThrow();
  }

  /* ------------------------------------------------------------------ course status */

  @Test
  void of_courseNotStarted_throwsValidationException() {
    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> CourseView.of(CourseState.initial(RULES), local(JAN_5, 9, 0)));

    assertThat(e).hasMessage("the course has not started: its first event must be courseStarted");
    assertThat(e.problems()).extracting(Problem::path, Problem::message)
        .containsExactly(tuple("", "the course has not started: its first event must be courseStarted"));
  }

  @Test
  void of_discontinuedCourse_listsNothingDueAndSaysSo() {
    SampleCourses course = screened(17).dosing(induction(1), JAN_5, 10);
    Instant at = local(jan(12), 12, 0);
    assertThat(course.view(at).nextDue()).isNotEmpty();
    assertThat(course.view(at).overdue()).isNotEmpty();

    CourseView v = course.discontinue(local(jan(6), 10, 0)).view(at);

    assertThat(v.status()).isEqualTo(CourseStatus.DISCONTINUED);
    assertThat(v.nextDue()).isEmpty();
    assertThat(v.overdue()).isEmpty();
    assertThat(v.decisions()).isEmpty();
    assertThat(v.notes()).containsExactly("the course is discontinued: nothing is due");
    assertThat(v.plan()).isPresent();
    assertThat(v.cumulativeDose()).containsEntry(LimitPeriod.COURSE, Quantity.parse("56 mg"));
  }

  @Test
  void of_pausedCourse_addsThePauseNote_andStillListsWhatIsDue() {
    CourseView v = screened(17).pause(local(JAN_5, 10, 0)).view(local(JAN_5, 12, 0));

    assertThat(v.status()).isEqualTo(CourseStatus.PAUSED);
    assertThat(v.notes())
        .containsExactly("the course is paused: no session may start and no dose may be given until it is resumed");
    assertThat(v.nextDue()).first().extracting(DueItem::id).isEqualTo(induction(1));
  }

  @Test
  void of_identifiesTheInstantAndZone_andNeverShowsThePatientId() {
    Instant at = local(jan(8), 12, 0);
    CourseView v = screened(17).dosing(induction(1), JAN_5, 10).view(at);

    assertThat(v.at()).isEqualTo(at);
    assertThat(v.zone()).isEqualTo(ZONE);
    assertThat(v.status()).isEqualTo(CourseStatus.ACTIVE);
    assertThat(v.phaseId()).isEqualTo("induction");
    assertThat(v.sessions()).containsExactly(
        new SessionSummary(SCREENING, "screening-visit", SessionStatus.COMPLETED, Optional.of(local(JAN_5, 8, 30)),
            Quantity.parse("0 mg"), Optional.empty()),
        new SessionSummary(ENROLMENT, "rems-enrolment", SessionStatus.COMPLETED, Optional.of(local(JAN_5, 9, 0)),
            Quantity.parse("0 mg"), Optional.empty()),
        new SessionSummary(induction(1), "induction-dose", SessionStatus.COMPLETED, Optional.of(local(JAN_5, 9, 0)),
            Quantity.parse("56 mg"), Optional.of(130L)));
    assertThat(render(v)).doesNotContain(PATIENT);
    assertThat(v.toString()).isEqualTo("CourseView{at=2026-01-08T17:00:00Z, status=ACTIVE, phase=induction, nextDue="
        + v.nextDue().size() + ", overdue=" + v.overdue().size() + "}");
  }

  /* ------------------------------------------------------------------ the view at an earlier instant */

  @Test
  void of_earlierInstant_seesTheCourseAsItStoodThen() {
    Path file = Path.of("..", "examples", "courses", "esketamine-course-sample.yaml");
    CourseDocument document = CourseFiles.read(file);
    CourseRules rules = CourseRules.compile(CourseFiles.resolveProtocol(file, document, id -> Optional.empty()));
    CourseRecord whole = CourseRecord.validated(rules, document.record().courseId(), document.record().events());
    Instant at = Instant.parse("2026-01-12T15:00:00Z");
    List<CourseEvent> until = whole.events().stream().filter(e -> !e.at().isAfter(at)).toList();
    assertThat(until).hasSizeLessThan(whole.events().size());

    CourseView then = CourseView.of(whole.state(rules), at);

    assertThat(render(then)).isEqualTo(render(CourseView.of(CourseState.replay(rules, until), at)));
    assertThat(then.planProblems()).isEmpty();
    assertThat(then.plan()).isPresent();
    assertThat(then.sessions()).extracting(SessionSummary::sessionId, SessionSummary::status).containsExactly(
        tuple(SCREENING, SessionStatus.COMPLETED), tuple(ENROLMENT, SessionStatus.COMPLETED),
        tuple(induction(1), SessionStatus.COMPLETED), tuple(induction(2), SessionStatus.SCHEDULED),
        tuple(induction(3), SessionStatus.SCHEDULED), tuple(induction(4), SessionStatus.SCHEDULED));
    assertThat(ids(then.nextDue())).doesNotContain(induction(2) + "/PHQ9", induction(4) + "/" + PMF)
        .startsWith(induction(3));
    assertThat(ids(then.overdue())).containsExactly(induction(2));
    assertThat(then.cumulativeDose()).containsEntry(LimitPeriod.COURSE, Quantity.parse("56 mg"));
    assertThat(then.deviations()).isEmpty();
  }

  /* ------------------------------------------------------------------ plan in force */

  @Test
  void plan_nothingHeld_equalsTheSchedulersPlan() {
    CourseView v = SampleCourses.started().view(local(JAN_5, 8, 0));

    ClinicCalendar calendar = ClinicCalendar.builder().zone(ZONE)
        .addClosedWeekdays(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY).build();
    CoursePlan expected = CoursePlanner.plan(RULES.template(), START, calendar);
    assertThat(v.plan()).contains(expected);
    assertThat(v.planChanges()).isEmpty();
    assertThat(v.planProblems()).isEmpty();
    assertThat(v.deviations()).isEmpty();
    assertThat(v.phaseId()).isEqualTo("screening");
    assertThat(expected.sessions()).extracting(PlannedItem::id).startsWith(SCREENING, ENROLMENT, induction(1));
  }

  @Test
  void plan_sessionsHeldAfterTheirWindow_areReplannedAndReportedAsDeviations() {
    CourseView v = screened(17)
        .dosing(induction(1), JAN_5, 10)
        .dosing(induction(2), jan(12), 10) // window 2026-01-06 .. 2026-01-11
        .dosing(induction(3), jan(14), 10) // window 2026-01-12 .. 2026-01-17
        .dosing(induction(4), jan(20), 10) // window 2026-01-13 .. 2026-01-18
        .view(local(jan(20), 13, 0));

    assertThat(v.deviations()).containsExactly(
        new Deviation(induction(2), "held on 2026-01-12, 1 day after its window 2026-01-06 .. 2026-01-11"),
        new Deviation(induction(4), "held on 2026-01-20, 2 days after its window 2026-01-13 .. 2026-01-18"));
    assertThat(v.planChanges()).filteredOn(c -> c.kind() == ChangeKind.HELD && c.itemId().startsWith("induction/"))
        .extracting(PlanChange::itemId, PlanChange::from, PlanChange::to, PlanChange::reason).containsExactly(
            tuple(induction(1), Optional.of(JAN_5), Optional.of(JAN_5), "held as planned"),
            tuple(induction(2), Optional.of(jan(8)), Optional.of(jan(12)),
                "held 4 d after its planned date; KEEP_SCHEDULE: the rest of phase induction keeps its dates"),
            tuple(induction(3), Optional.of(jan(12)), Optional.of(jan(14)),
                "held 2 d after its planned date; KEEP_SCHEDULE: the rest of phase induction keeps its dates"),
            tuple(induction(4), Optional.of(jan(15)), Optional.of(jan(20)),
                "held 5 d after its planned date; KEEP_SCHEDULE: the rest of phase induction keeps its dates"));
    assertThat(planned(v, induction(2))).extracting(PlannedItem::status, PlannedItem::target)
        .containsExactly(ItemStatus.HELD, jan(12));
    assertThat(planned(v, induction(4))).extracting(PlannedItem::status, PlannedItem::target)
        .containsExactly(ItemStatus.HELD, jan(20));
  }

  @Test
  void plan_sessionHeldBeforeItsWindow_isADeviation() {
    CourseView v = screened(17)
        .dosing(induction(1), JAN_5, 10)
        .dosing(induction(2), jan(6), 10)
        .dosing(induction(3), jan(9), 10) // window 2026-01-12 .. 2026-01-17
        .view(local(jan(9), 13, 0));

    assertThat(v.deviations()).containsExactly(
        new Deviation(induction(3), "held on 2026-01-09, 3 days before its window 2026-01-12 .. 2026-01-17"));
    assertThat(planned(v, induction(3))).extracting(PlannedItem::status, PlannedItem::target)
        .containsExactly(ItemStatus.HELD, jan(9));
  }

  @Test
  void plan_missedAndCancelledSessions_areDeviationsWithTheirReasons() {
    CourseView v = screened(17)
        .dosing(induction(1), JAN_5, 10)
        .schedule(induction(2), local(jan(8), 9, 0)).miss(induction(2), local(jan(8), 17, 0), "no-show")
        .schedule(induction(3), local(jan(12), 9, 0)).cancel(induction(3), local(jan(9), 10, 0), "clinic-closed")
        .view(local(jan(12), 13, 0));

    assertThat(v.deviations()).containsExactly(
        new Deviation(induction(2), "missed: no-show"),
        new Deviation(induction(3), "cancelled: clinic-closed"));
    assertThat(v.planChanges()).filteredOn(c -> c.kind() == ChangeKind.MISSED)
        .extracting(PlanChange::itemId, PlanChange::reason).containsExactly(
            tuple(induction(2), "missed; not made up: KEEP_SCHEDULE: the rest of phase induction keeps its dates"),
            tuple(induction(3), "missed; not made up: KEEP_SCHEDULE: the rest of phase induction keeps its dates"));
    assertThat(planned(v, induction(2)).status()).isEqualTo(ItemStatus.MISSED);
    assertThat(planned(v, induction(3)).status()).isEqualTo(ItemStatus.MISSED);
    assertThat(ids(v.nextDue())).doesNotContain(induction(2), induction(3)).startsWith(induction(4));
    assertThat(ids(v.overdue())).containsExactly(induction(1) + "/" + PMF);
  }

  @Test
  void plan_sessionWithoutAPlanItem_isHeldWithoutAMatchingItem() {
    Instant at = local(jan(6), 10, 0);
    CourseView v = screened(17)
        .scheduleFor("extra-visit-1", "end-of-induction-review", Optional.empty(), at)
        .start("extra-visit-1", at)
        .scheduleFor("extra-visit-2", "end-of-induction-review", Optional.of("induction/induction-dose/99"), at)
        .start("extra-visit-2", at)
        .complete("extra-visit-2", at.plusSeconds(600))
        .scheduleFor("extra-visit-3", "end-of-induction-review", Optional.empty(), at)
        .view(at.plusSeconds(3600));

    assertThat(v.deviations()).containsExactly(
        new Deviation("extra-visit-1", "held without a matching item in the plan"),
        new Deviation("extra-visit-2", "held without a matching item in the plan"));
    assertThat(v.planProblems()).isEmpty();
    assertThat(v.plan().orElseThrow().sessions()).extracting(PlannedItem::id).doesNotContain("extra-visit-1", "extra-visit-2");
  }

  @Test
  void plan_cancelledSessionBookedAgain_staysDue_andIsHeldByTheNewBooking() {
    SampleCourses course = screened(17)
        .schedule(induction(1), local(JAN_5, 10, 0)).cancel(induction(1), local(JAN_5, 10, 0), "clinic-closed")
        .scheduleFor("rebooked-1", "induction-dose", Optional.of(induction(1)), local(jan(6), 9, 0));

    CourseView pending = course.view(local(jan(6), 8, 0));

    assertThat(planned(pending, induction(1)).status()).isEqualTo(ItemStatus.PLANNED);
    assertThat(pending.planChanges()).extracting(PlanChange::itemId).doesNotContain(induction(1));
    assertThat(pending.nextDue()).contains(new DueItem(induction(1), DueKind.SESSION, "Induction dosing session #1",
        induction(1), Instant.parse("2026-01-05T05:00:00Z"), Instant.parse("2026-01-11T05:00:00Z"), true));
    assertThat(pending.deviations()).containsExactly(new Deviation(induction(1), "cancelled: clinic-closed"));

    CourseView held = course.start("rebooked-1", local(jan(6), 9, 0)).complete("rebooked-1", local(jan(6), 10, 0))
        .view(local(jan(6), 12, 0));

    assertThat(held.planProblems()).isEmpty();
    assertThat(planned(held, induction(1))).extracting(PlannedItem::status, PlannedItem::target)
        .containsExactly(ItemStatus.HELD, jan(6));
    assertThat(held.planChanges()).filteredOn(c -> c.itemId().equals(induction(1)))
        .extracting(PlanChange::kind, PlanChange::reason).containsExactly(tuple(ChangeKind.HELD,
            "held 1 d after its planned date; KEEP_SCHEDULE: the rest of phase induction keeps its dates"));
    assertThat(ids(held.nextDue())).doesNotContain(induction(1)).contains(induction(2), "rebooked-1/" + PMF);
  }

  /* ------------------------------------------------------------------ planned sessions due and overdue */

  @Test
  void due_plannedSession_isDueBeforeAndInsideItsWindow_andOverdueFromTheDayAfterItsLatestDay() {
    SampleCourses course = screened(17);
    DueItem second = new DueItem(induction(2), DueKind.SESSION, "Induction dosing session #2", induction(2),
        Instant.parse("2026-01-06T05:00:00Z"), Instant.parse("2026-01-12T05:00:00Z"), true);

    CourseView before = course.view(local(JAN_5, 12, 0));
    CourseView lastInstant = course.view(Instant.parse("2026-01-12T04:59:59Z"));
    CourseView windowEnd = course.view(Instant.parse("2026-01-12T05:00:00Z"));

    assertThat(before.nextDue()).contains(second);
    assertThat(before.overdue()).isEmpty();
    assertThat(lastInstant.nextDue()).contains(second);
    assertThat(ids(lastInstant.overdue())).doesNotContain(induction(2));
    assertThat(windowEnd.overdue()).contains(second);
    assertThat(ids(windowEnd.nextDue())).doesNotContain(induction(2));
  }

  @Test
  void due_windowEnd_isTheClinicsMidnight_afterTheSwitchToDaylightSavingTime() {
    SampleCourses course = SampleCourses.started();
    String first = "maintenance-extended/maintenance-extended-dose/1";
    DueItem expected = new DueItem(first, DueKind.SESSION, "Maintenance dosing session (every 2 weeks or weekly) #1", first,
        Instant.parse("2026-03-02T05:00:00Z"), Instant.parse("2026-03-09T04:00:00Z"), true);

    assertThat(course.view(local(LocalDate.of(2026, 3, 1), 12, 0)).nextDue()).contains(expected);
    assertThat(course.view(Instant.parse("2026-03-09T03:59:59Z")).nextDue()).contains(expected);
    assertThat(course.view(Instant.parse("2026-03-09T04:00:00Z")).overdue()).contains(expected);
  }

  /* ------------------------------------------------------------------ integration steps */

  @Test
  void due_remsForm_isDueFromTheSessionsEnd_andOverdueFromSevenDaysAfterIt() {
    SampleCourses course = screened(17).dosing(induction(1), JAN_5, 10);
    DueItem form = new DueItem(induction(1) + "/" + PMF, DueKind.INTEGRATION_STEP, FORM_TITLE, induction(1),
        Instant.parse("2026-01-05T16:25:00Z"), Instant.parse("2026-01-12T16:25:00Z"), true);

    assertThat(course.view(Instant.parse("2026-01-05T16:25:00Z")).nextDue()).contains(form);
    CourseView lastInstant = course.view(Instant.parse("2026-01-12T16:24:59Z"));
    assertThat(lastInstant.nextDue()).contains(form);
    assertThat(lastInstant.overdue()).doesNotContain(form);
    CourseView dueBy = course.view(Instant.parse("2026-01-12T16:25:00Z"));
    assertThat(dueBy.overdue()).contains(form);
    assertThat(dueBy.nextDue()).doesNotContain(form);
  }

  @Test
  void due_remsForm_isGoneOnceCompleted_butShowsInAViewBeforeThat() {
    SampleCourses course = screened(17).dosing(induction(1), JAN_5, 10).stepDone(induction(1), PMF, local(jan(8), 12, 0));
    String form = induction(1) + "/" + PMF;

    assertThat(ids(course.view(local(jan(13), 12, 0)).nextDue())).doesNotContain(form);
    assertThat(ids(course.view(local(jan(13), 12, 0)).overdue())).doesNotContain(form);
    assertThat(ids(course.view(local(jan(8), 11, 59)).nextDue())).contains(form);
    assertThat(ids(course.view(local(jan(8), 12, 0)).nextDue())).doesNotContain(form);
  }

  @Test
  void due_remsForm_isNotListedBeforeTheSessionIsCompleted() {
    SampleCourses course = screened(17).schedule(induction(1), local(JAN_5, 9, 0)).start(induction(1), local(JAN_5, 9, 0))
        .doses(induction(1), local(JAN_5, 9, 10), "28 mg", "28 mg");
    String form = induction(1) + "/" + PMF;

    CourseView running = course.view(local(JAN_5, 10, 0));

    assertThat(running.nextDue()).extracting(DueItem::kind).doesNotContain(DueKind.INTEGRATION_STEP);
    assertThat(running.overdue()).extracting(DueItem::kind).doesNotContain(DueKind.INTEGRATION_STEP);
    assertThat(ids(course.complete(induction(1), local(JAN_5, 11, 25)).view(local(JAN_5, 11, 30)).nextDue())).contains(form);
  }

  /* ------------------------------------------------------------------ assessments */

  @Test
  void due_requiredAssessments_areDueWhileTheSessionRuns_andOverdueOnceItEndsWithoutThem() {
    SampleCourses course = screened(17).schedule(induction(1), local(JAN_5, 9, 0)).start(induction(1), local(JAN_5, 9, 0));
    Instant start = Instant.parse("2026-01-05T14:00:00Z");

    CourseView running = course.view(local(JAN_5, 9, 30));

    assertThat(running.nextDue()).filteredOn(d -> d.kind() == DueKind.ASSESSMENT).containsExactly(
        new DueItem(induction(1) + "/PHQ9", DueKind.ASSESSMENT, "PHQ-9 at Induction dosing session", induction(1), start,
            Instant.parse("2026-01-06T14:00:00Z"), true),
        new DueItem(induction(1) + "/CSSRS_SCREENER", DueKind.ASSESSMENT, "C-SSRS screener at Induction dosing session",
            induction(1), start, Instant.parse("2026-01-06T14:00:00Z"), true));
    assertThat(running.overdue()).isEmpty();

    CourseView ended = course.complete(induction(1), local(JAN_5, 11, 25)).view(local(JAN_5, 11, 30));

    Instant end = Instant.parse("2026-01-05T16:25:00Z");
    assertThat(ended.overdue()).filteredOn(d -> d.kind() == DueKind.ASSESSMENT).containsExactly(
        new DueItem(induction(1) + "/PHQ9", DueKind.ASSESSMENT, "PHQ-9 at Induction dosing session", induction(1), start,
            end, true),
        new DueItem(induction(1) + "/CSSRS_SCREENER", DueKind.ASSESSMENT, "C-SSRS screener at Induction dosing session",
            induction(1), start, end, true));
    assertThat(ended.nextDue()).extracting(DueItem::kind).doesNotContain(DueKind.ASSESSMENT);
  }

  @Test
  void due_requiredAssessments_areSatisfiedByALinkedScoreOrOneTakenWhileTheSessionRan() {
    CourseView v = screened(17)
        .schedule(induction(1), local(JAN_5, 9, 0)).start(induction(1), local(JAN_5, 9, 0))
        .assess(cssrs(local(JAN_5, 9, 5), 0)) // not linked, taken while the session ran
        .complete(induction(1), local(JAN_5, 11, 25))
        .assess(induction(1), phq9(local(JAN_5, 13, 0), 10)) // linked, taken after it ended
        .schedule(induction(2), local(jan(8), 9, 0)).start(induction(2), local(jan(8), 9, 0))
        .complete(induction(2), local(jan(8), 11, 25))
        .assess(phq9(local(jan(8), 13, 0), 10)) // not linked, after the session: does not count
        .assess(induction(1), cssrs(local(jan(8), 13, 0), 0)) // linked to another session
        .view(local(jan(8), 14, 0));

    assertThat(v.overdue()).filteredOn(d -> d.kind() == DueKind.ASSESSMENT).extracting(DueItem::id)
        .containsExactly(induction(2) + "/PHQ9", induction(2) + "/CSSRS_SCREENER");
    assertThat(v.nextDue()).extracting(DueItem::kind).doesNotContain(DueKind.ASSESSMENT);
  }

  @Test
  void due_requiredAssessment_takenAfterTheViewsInstant_doesNotCount() {
    SampleCourses course = screened(17).schedule(induction(1), local(JAN_5, 9, 0)).start(induction(1), local(JAN_5, 9, 0))
        .assess(induction(1), phq9(local(JAN_5, 9, 5), 10));

    assertThat(ids(course.view(local(JAN_5, 9, 4)).nextDue())).contains(induction(1) + "/PHQ9");
    assertThat(ids(course.view(local(JAN_5, 9, 5)).nextDue())).doesNotContain(induction(1) + "/PHQ9")
        .contains(induction(1) + "/CSSRS_SCREENER");
  }

  /* ------------------------------------------------------------------ look-ahead */

  @Test
  void nextDue_showsTheNextSessionEvenBeyondTheLookAhead() {
    SampleCourses course = SampleCourses.startingOn(feb(2), local(JAN_5, 8, 0));

    CourseView v = course.view(local(jan(12), 12, 0));

    assertThat(v.nextDue()).containsExactly(new DueItem(SCREENING, DueKind.SESSION, "Medical and psychiatric screening #1",
        SCREENING, Instant.parse("2026-02-02T05:00:00Z"), Instant.parse("2026-02-09T05:00:00Z"), true));
    assertThat(v.overdue()).isEmpty();
  }

  @Test
  void nextDue_showsLaterSessionsOnlyWhenTheirWindowOpensWithinFourteenDays_inPlanOrder() {
    SampleCourses course = SampleCourses.startingOn(feb(2), local(JAN_5, 8, 0));

    // 2026-02-02T05:00Z, when the first three sessions open, is exactly 14 days ahead: not within.
    assertThat(ids(course.view(Instant.parse("2026-01-19T05:00:00Z")).nextDue())).containsExactly(SCREENING);
    assertThat(ids(course.view(Instant.parse("2026-01-19T05:00:01Z")).nextDue()))
        .containsExactly(SCREENING, ENROLMENT, induction(1));
    assertThat(ids(course.view(Instant.parse("2026-01-20T05:00:01Z")).nextDue()))
        .containsExactly(SCREENING, ENROLMENT, induction(1), induction(2));
  }

  /* ------------------------------------------------------------------ cumulative doses */

  @Test
  void cumulativeDose_day_countsADoseGivenExactly24HoursBefore() {
    SampleCourses course = screened(17).dosing(induction(1), JAN_5, 10).dosing(induction(2), jan(8), 10);

    // Doses of 28 mg at 14:15Z and 14:20Z on 2026-01-05 and 2026-01-08.
    assertThat(course.view(Instant.parse("2026-01-09T14:15:00Z")).cumulativeDose())
        .containsEntry(LimitPeriod.DAY, Quantity.parse("56 mg"));
    assertThat(course.view(Instant.parse("2026-01-09T14:15:01Z")).cumulativeDose())
        .containsEntry(LimitPeriod.DAY, Quantity.parse("28 mg"));
    assertThat(course.view(Instant.parse("2026-01-08T14:17:00Z")).cumulativeDose())
        .containsEntry(LimitPeriod.DAY, Quantity.parse("28 mg"))
        .containsEntry(LimitPeriod.COURSE, Quantity.parse("84 mg"));
  }

  @Test
  void cumulativeDose_weekAndCourse_atGivenInstants() {
    SampleCourses course = screened(17).dosing(induction(1), JAN_5, 10).dosing(induction(2), jan(8), 10);

    assertThat(course.view(Instant.parse("2026-01-12T14:15:00Z")).cumulativeDose()).containsExactly(
        Map.entry(LimitPeriod.DAY, Quantity.parse("0 mg")),
        Map.entry(LimitPeriod.WEEK, Quantity.parse("112 mg")),
        Map.entry(LimitPeriod.COURSE, Quantity.parse("112 mg")));
    assertThat(course.view(Instant.parse("2026-01-12T14:15:01Z")).cumulativeDose())
        .containsEntry(LimitPeriod.WEEK, Quantity.parse("84 mg"))
        .containsEntry(LimitPeriod.COURSE, Quantity.parse("112 mg"));
    assertThat(course.view(Instant.parse("2026-01-05T14:14:59Z")).cumulativeDose())
        .containsEntry(LimitPeriod.COURSE, Quantity.parse("0 mg"));
  }

  /* ------------------------------------------------------------------ dose deviation */

  @Test
  void deviations_completedDosingSessionBelowTheAllowedRange_isReported() {
    SampleCourses course = screened(17).schedule(induction(1), local(JAN_5, 9, 0)).start(induction(1), local(JAN_5, 9, 0))
        .doses(induction(1), local(JAN_5, 9, 10), "28 mg");

    assertThat(course.view(local(JAN_5, 10, 0)).deviations()).isEmpty();

    CourseView v = course.complete(induction(1), local(JAN_5, 11, 25)).view(local(JAN_5, 12, 0));

    assertThat(v.deviations())
        .containsExactly(new Deviation(induction(1), "total dose 28 mg is below the allowed range 56 mg .. 84 mg"));
    assertThat(v.sessions()).last().isEqualTo(new SessionSummary(induction(1), "induction-dose", SessionStatus.COMPLETED,
        Optional.of(Instant.parse("2026-01-05T14:00:00Z")), Quantity.parse("28 mg"), Optional.of(130L)));
  }

  /* ------------------------------------------------------------------ outcomes */

  @Test
  void outcomes_onlyForInstrumentsWithResults_inInstrumentOrder() {
    CourseView none = SampleCourses.started().view(local(JAN_5, 9, 0));
    assertThat(none.outcomes()).isEmpty();
    assertThat(none.itemFlags()).isEmpty();

    CourseView v = screened(17)
        .assess(AssessmentResult.builder().instrument(Instrument.GAD7).at(local(jan(6), 10, 0)).total(9).build())
        .view(local(jan(6), 12, 0));

    assertThat(v.outcomes()).extracting(OutcomeSeries::instrument)
        .containsExactly(Instrument.PHQ9, Instrument.GAD7, Instrument.MADRS);
    assertThat(v.outcomes()).extracting(s -> s.latest().orElseThrow().total()).containsExactly(17, 9, 32);
  }

  @Test
  void outcomes_aLaterInstantSeesLaterScores_anEarlierOneDoesNot() {
    SampleCourses course = screened(17).assess(phq9(local(jan(7), 10, 0), 9));

    OutcomeSeries before = course.view(local(jan(7), 9, 59)).outcomes().get(0);
    OutcomeSeries after = course.view(local(jan(7), 10, 0)).outcomes().get(0);

    assertThat(before.instrument()).isEqualTo(Instrument.PHQ9);
    assertThat(before.points()).extracting(ScorePoint::total).containsExactly(17);
    assertThat(after.points()).extracting(ScorePoint::total).containsExactly(17, 9);
    assertThat(after.latest().orElseThrow().at()).isEqualTo(local(jan(7), 10, 0));
  }

  @Test
  void itemFlags_comeFromTheLatestPhq9() {
    SampleCourses course = screened(17)
        .assess(phq9(local(jan(6), 10, 0), 12, 2))
        .assess(phq9(local(jan(7), 10, 0), 10, 0));

    CourseView positive = course.view(local(jan(6), 12, 0));
    CourseView cleared = course.view(local(jan(7), 12, 0));

    assertThat(positive.itemFlags()).extracting(ItemFlag::instrument, ItemFlag::item, ItemFlag::status, ItemFlag::score,
        ItemFlag::at, ItemFlag::message).containsExactly(tuple(Instrument.PHQ9, 9, ItemFlag.Status.POSITIVE, Optional.of(2),
            local(jan(6), 10, 0), "PHQ-9 item 9 (thoughts of being better off dead or of self-harm) scored 2: needs item-level"
                + " review regardless of the total"));
    assertThat(cleared.itemFlags()).isEmpty();
  }

  @Test
  void suicideRisk_isJudgedForTheSampleTemplatesScreener() {
    CourseView unknown = SampleCourses.started().view(local(JAN_5, 9, 0));
    assertThat(unknown.suicideRisk()).get().extracting(CssrsRisk::level, CssrsRisk::reason)
        .containsExactly(CssrsRisk.Level.UNKNOWN, "no C-SSRS screener with item scores within the past 30 days");

    SampleCourses course = screened(17).assess(cssrs(local(jan(6), 10, 0), 4));

    assertThat(course.view(local(JAN_5, 12, 0)).suicideRisk()).get().extracting(CssrsRisk::level)
        .isEqualTo(CssrsRisk.Level.NOT_HIGH);
    Instant at = local(jan(6), 12, 0);
    assertThat(course.view(at).suicideRisk()).get()
        .extracting(CssrsRisk::level, CssrsRisk::evaluatedAt, CssrsRisk::reason)
        .containsExactly(CssrsRisk.Level.HIGH, at, "C-SSRS screener of 2026-01-06T15:00:00Z: item 4 (ideation with some"
            + " intent) positive within the past 30 days - high risk (CSSRS-T)");
  }

  /* ------------------------------------------------------------------ decisions */

  @Test
  void decisions_untilEveryInductionSessionIsHeldOrMissed_noneIsShown() {
    SampleCourses course = inductionDosed();
    assertThat(course.view(local(jan(29), 13, 0)).decisions()).isEmpty();

    course.schedule(REVIEW, local(jan(30), 9, 0)).start(REVIEW, local(jan(30), 9, 0))
        .assess(REVIEW, SampleCourses.madrs(local(jan(30), 9, 10), 16));

    assertThat(course.view(local(jan(30), 9, 20)).decisions()).isEmpty();
    assertThat(course.complete(REVIEW, local(jan(30), 9, 30)).view(local(jan(30), 9, 30)).decisions()).hasSize(1);
  }

  @Test
  void decisions_inductionCompleteAndMadrsHalved_responded() {
    CourseView v = inductionDosed().review(jan(30), 8, Optional.of(16)).view(local(jan(30), 13, 0));

    assertThat(v.decisions()).hasSize(1);
    DecisionItem d = v.decisions().get(0);
    assertThat(d.phaseId()).isEqualTo("induction");
    assertThat(d.instrument()).isEqualTo(Instrument.MADRS);
    assertThat(d.status()).isEqualTo(DecisionStatus.RESPONDED);
    assertThat(d.nextPhase()).contains("maintenance-weekly");
    assertThat(d.recommendation()).isEqualTo("continue to phase maintenance-weekly");
    assertThat(d.onNonResponse()).isEqualTo(NonResponseAction.REVIEW);
    assertThat(d.reason()).isEqualTo("MADRS dropped 50.0% from baseline 32 to 16 on 2026-01-30T14:10:00Z; response is a"
        + " drop of at least 50% (set by the template)");
    assertThat(d.baseline().orElseThrow().total()).isEqualTo(32);
    assertThat(d.latest().orElseThrow().total()).isEqualTo(16);
  }

  @Test
  void decisions_madrsDroppedLessThanHalf_notResponded() {
    DecisionItem d = inductionDosed().review(jan(30), 8, Optional.of(17)).view(local(jan(30), 13, 0)).decisions().get(0);

    assertThat(d.status()).isEqualTo(DecisionStatus.NOT_RESPONDED);
    assertThat(d.nextPhase()).isEmpty();
    assertThat(d.recommendation()).isEqualTo("review whether and how to continue");
    assertThat(d.reason()).isEqualTo("MADRS dropped 46.9% from baseline 32 to 17 on 2026-01-30T14:10:00Z; response is a"
        + " drop of at least 50% (set by the template)");
  }

  @Test
  void decisions_noMadrsAfterBaseline_cannotJudge() {
    CourseView v = inductionDosed().review(jan(30), 8, Optional.empty()).view(local(jan(30), 13, 0));

    assertThat(v.decisions()).extracting(DecisionItem::status, DecisionItem::recommendation).containsExactly(tuple(
        DecisionStatus.CANNOT_JUDGE, "response cannot be judged: no MADRS score after the baseline of 2026-01-05T13:50:00Z"));
  }

  @Test
  void decisions_aMissedInductionSession_countsAsSettled() {
    SampleCourses course = screened(17);
    for (int i = 1; i <= 7; i++) {
      course.dosing(induction(i), SampleCourses.PLANNED_INDUCTION[i - 1], 10);
    }
    course.schedule(induction(8), local(jan(29), 9, 0)).miss(induction(8), local(jan(29), 17, 0), "no-show")
        .review(jan(30), 8, Optional.of(16));

    assertThat(course.view(local(jan(30), 13, 0)).decisions()).extracting(DecisionItem::status)
        .containsExactly(DecisionStatus.RESPONDED);
  }

  @Test
  void decisions_goneOnceTheCourseMovedToMaintenance() {
    SampleCourses course = inductionDosed().review(jan(30), 8, Optional.of(16))
        .phaseChanged("maintenance-weekly", local(jan(30), 10, 0));

    CourseView before = course.view(local(jan(30), 9, 45));
    CourseView after = course.view(local(jan(30), 13, 0));

    assertThat(before.phaseId()).isEqualTo("induction");
    assertThat(before.decisions()).hasSize(1);
    assertThat(after.phaseId()).isEqualTo("maintenance-weekly");
    assertThat(after.decisions()).isEmpty();
  }

  @Test
  void decisions_goneOnceAMaintenanceSessionStarted_withoutAPhaseChange() {
    CourseView v = inductionDosed().review(jan(30), 8, Optional.of(16)).dosing(weekly(1), feb(3), 8)
        .view(local(feb(3), 13, 0));

    assertThat(v.phaseId()).isEqualTo("maintenance-weekly");
    assertThat(v.decisions()).isEmpty();
  }

  /* ------------------------------------------------------------------ step back */

  /**
   * Induction done and reviewed (PHQ-9 8 on 2026-01-30), moved to maintenance-weekly, the first
   * weekly session held on 2026-02-03, the second missed on 2026-02-10.
   */
  private static SampleCourses weeklyWithAMiss() {
    return inductionDosed().review(jan(30), 8, Optional.of(16))
        .phaseChanged("maintenance-weekly", local(jan(30), 10, 0))
        .dosing(weekly(1), feb(3), 8)
        .schedule(weekly(2), local(feb(10), 9, 0)).miss(weekly(2), local(feb(10), 17, 0), "no-show");
  }

  private static List<String> weeklySessions(CourseView v) {
    return v.plan().orElseThrow().sessions().stream().filter(i -> i.phaseId().equals("maintenance-weekly"))
        .map(i -> i.id() + " " + i.status() + " " + i.target()).toList();
  }

  @Test
  void stepBack_missedSessionAndPhq9RoseByFive_replansTheRestOnTheInductionRhythm() {
    CourseView v = weeklyWithAMiss().assess(phq9(local(feb(12), 9, 0), 13)).view(local(feb(12), 13, 0));

    assertThat(v.notes()).containsExactly(STEP_BACK_NOTE);
    assertThat(weeklySessions(v)).containsExactly(
        weekly(1) + " HELD 2026-02-03", weekly(2) + " MISSED 2026-02-09", weekly(3) + " PLANNED 2026-02-12",
        weekly(4) + " PLANNED 2026-02-16", weekly(5) + " PLANNED 2026-02-19", weekly(6) + " PLANNED 2026-02-23");
    String reason = "step back: the rest of phase maintenance-weekly follows the schedule of phase induction (2 times a week)"
        + " from 2026-02-12";
    assertThat(v.planChanges()).filteredOn(c -> c.itemId().matches("maintenance-weekly/maintenance-weekly-dose/\\d+")
            && (c.kind() == ChangeKind.MOVED || c.kind() == ChangeKind.ADDED))
        .extracting(PlanChange::itemId, PlanChange::kind, PlanChange::from, PlanChange::to, PlanChange::reason)
        .containsExactly(
            tuple(weekly(3), ChangeKind.MOVED, Optional.of(feb(16)), Optional.of(feb(12)), reason),
            tuple(weekly(4), ChangeKind.MOVED, Optional.of(feb(23)), Optional.of(feb(16)),
                reason + "; 2026-02-15 is closed on Sundays, so it goes to the nearest allowed open day"),
            tuple(weekly(5), ChangeKind.ADDED, Optional.empty(), Optional.of(feb(19)), "added by the " + reason),
            tuple(weekly(6), ChangeKind.ADDED, Optional.empty(), Optional.of(feb(23)), "added by the " + reason));
    assertThat(v.deviations()).containsExactly(new Deviation(weekly(2), "missed: no-show"));
    assertThat(v.nextDue()).filteredOn(d -> d.kind() == DueKind.SESSION).first().extracting(DueItem::id)
        .isEqualTo(weekly(3));
  }

  @Test
  void stepBack_phq9RoseByFour_keepsTheWeeklySchedule() {
    CourseView v = weeklyWithAMiss().assess(phq9(local(feb(12), 9, 0), 12)).view(local(feb(12), 13, 0));

    assertThat(v.notes()).isEmpty();
    assertThat(weeklySessions(v)).containsExactly(
        weekly(1) + " HELD 2026-02-03", weekly(2) + " MISSED 2026-02-09", weekly(3) + " PLANNED 2026-02-17",
        weekly(4) + " PLANNED 2026-02-24");
    assertThat(v.planChanges()).extracting(PlanChange::kind).doesNotContain(ChangeKind.ADDED);
  }

  @Test
  void stepBack_noPhq9SinceThePhaseBegan_saysWorseningCannotBeJudged() {
    SampleCourses course = inductionDosed().review(jan(30), 8, Optional.of(16))
        .phaseChanged("maintenance-weekly", local(jan(30), 10, 0))
        .schedule(weekly(1), local(feb(3), 9, 0)).start(weekly(1), local(feb(3), 9, 0))
        .doses(weekly(1), local(feb(3), 9, 10), "28 mg", "28 mg").complete(weekly(1), local(feb(3), 11, 25))
        .schedule(weekly(2), local(feb(10), 9, 0)).miss(weekly(2), local(feb(10), 17, 0), "no-show");

    CourseView v = course.view(local(feb(12), 13, 0));

    assertThat(v.notes()).containsExactly("a session of phase maintenance-weekly was missed or late, and whether the PHQ-9"
        + " total worsened cannot be judged: record a PHQ-9 to decide on stepping back to phase induction");
    assertThat(weeklySessions(v)).hasSize(4);
    assertThat(v.planChanges()).extracting(PlanChange::kind).doesNotContain(ChangeKind.ADDED);
  }

  @Test
  void stepBack_noWeeklySessionLeftToReSpace_keepsThePlanAndSaysSo() {
    CourseView v = weeklyWithAMiss().assess(phq9(local(feb(12), 9, 0), 13)).view(local(LocalDate.of(2026, 3, 3), 13, 0));

    assertThat(v.planProblems()).isEmpty();
    assertThat(v.plan()).isPresent();
    assertThat(v.notes()).containsExactly("a session of phase maintenance-weekly was missed or late and the PHQ-9 total rose"
        + " by at least 5 since the phase began, but the plan cannot step the phase back to the schedule of phase induction"
        + " (phase maintenance-weekly has no repeat sessions planned on or after 2026-03-03 to step back): for the clinician"
        + " to decide");
    assertThat(ids(v.overdue())).contains(weekly(3), weekly(4));
  }
}
