package org.kapsdk.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.kapsdk.core.plan.PlanTemplates.d;
import static org.kapsdk.core.plan.PlanTemplates.h;
import static org.kapsdk.core.plan.PlanTemplates.interval;
import static org.kapsdk.core.plan.PlanTemplates.phase;
import static org.kapsdk.core.plan.PlanTemplates.session;
import static org.kapsdk.core.plan.PlanTemplates.template;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.kapsdk.core.io.DocumentFormat;
import org.kapsdk.core.io.PlanFiles;
import org.kapsdk.core.model.Anchor;
import org.kapsdk.core.model.Instrument;
import org.kapsdk.core.model.IntegrationKind;
import org.kapsdk.core.model.IntegrationStep;
import org.kapsdk.core.model.ProtocolTemplate;
import org.kapsdk.core.model.Repeat;
import org.kapsdk.core.model.SessionKind;
import org.kapsdk.core.model.Timing;
import org.kapsdk.core.validation.Problem;
import org.kapsdk.core.validation.ValidationException;

/** {@link CoursePlanner#plan} on the sample esketamine template and on small hand-made templates. */
class CoursePlannerTest {
  /** A Monday. */
  private static final LocalDate START = LocalDate.of(2026, 1, 5);
  private static final ProtocolTemplate SAMPLE = PlanTemplates.sample();

  private static CoursePlan sample(LocalDate... closedDates) {
    return CoursePlanner.plan(SAMPLE, START, PlanTemplates.weekendsClosed(closedDates));
  }

  private static List<LocalDate> dates(CoursePlan plan, String sessionTemplateId) {
    return plan.sessions().stream()
        .filter(s -> s.sessionTemplateId().equals(sessionTemplateId))
        .map(PlannedItem::target)
        .toList();
  }

  private static LocalDate jan(int day) {
    return LocalDate.of(2026, 1, day);
  }

  /* ------------------------------------------------------------------ the sample template */

  @Test
  void plan_sampleFromMondayWithWeekendsClosed_startsWithScreeningAndEnrolmentOnTheStartDay() {
    CoursePlan plan = sample();

    assertThat(plan.sessions().subList(0, 3))
        .extracting(PlannedItem::id, PlannedItem::target)
        .containsExactly(
            tuple("screening/screening-visit/1", START),
            tuple("screening/rems-enrolment/1", START),
            tuple("induction/induction-dose/1", START));
  }

  @Test
  void plan_sampleFromMondayWithWeekendsClosed_plansEightInductionSessionsOnMondaysAndThursdays() {
    CoursePlan plan = sample();

    assertThat(dates(plan, "induction-dose"))
        .containsExactly(jan(5), jan(8), jan(12), jan(15), jan(19), jan(22), jan(26), jan(29));
    assertThat(plan.item("induction/end-of-induction-review/1")).get()
        .extracting(PlannedItem::target).isEqualTo(jan(29));
  }

  @Test
  void plan_sampleFromMondayWithWeekendsClosed_plansFourWeeklyMaintenanceSessionsFromWeekFive() {
    CoursePlan plan = sample();

    assertThat(dates(plan, "maintenance-weekly-dose"))
        .containsExactly(LocalDate.of(2026, 2, 2), LocalDate.of(2026, 2, 9), LocalDate.of(2026, 2, 16),
            LocalDate.of(2026, 2, 23));
  }

  @Test
  void plan_sampleFromMondayWithWeekendsClosed_plansEveryTwoWeeksFromWeekNineUpToTheHorizon() {
    CoursePlan plan = sample();
    List<LocalDate> extended = dates(plan, "maintenance-extended-dose");

    assertThat(plan.horizonEnd()).isEqualTo(START.plusWeeks(26));
    assertThat(extended).hasSize(9).first().isEqualTo(LocalDate.of(2026, 3, 2));
    assertThat(extended).last().isEqualTo(LocalDate.of(2026, 6, 22));
    assertThat(extended).allSatisfy(date -> assertThat(date).isBefore(plan.horizonEnd()));
    for (int i = 1; i < extended.size(); i++) {
      assertThat(ChronoUnit.DAYS.between(extended.get(i - 1), extended.get(i))).isEqualTo(14);
    }
    assertThat(dates(plan, "periodic-review")).containsExactly(LocalDate.of(2026, 3, 2));
  }

  @Test
  void plan_sampleWithShorterHorizon_stopsTheOpenEndedRepeatEarlier() {
    CoursePlan plan = CoursePlanner.plan(SAMPLE, START, PlanTemplates.weekendsClosed(),
        PlanOptions.builder().horizon(d(7 * 12)).build());

    assertThat(dates(plan, "maintenance-extended-dose"))
        .containsExactly(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 16));
  }

  @Test
  void plan_sample_dueRemsFormWithinSevenDaysOfEveryDosingSession() {
    CoursePlan plan = sample();
    List<PlannedItem> dosing = plan.sessions().stream().filter(s -> s.sessionKind() == SessionKind.DOSING).toList();
    List<PlannedItem> forms = plan.items().stream().filter(i -> i.kind() == ItemKind.INTEGRATION_STEP).toList();

    assertThat(dosing).hasSize(8 + 4 + 9);
    assertThat(forms).hasSameSizeAs(dosing);
    for (PlannedItem session : dosing) {
      PlannedItem form = forms.stream()
          .filter(f -> f.sessionItemId().orElseThrow().equals(session.id()))
          .findFirst()
          .orElseThrow();
      assertThat(form.stepId().orElseThrow()).startsWith("rems-pmf-");
      assertThat(form.earliest()).isEqualTo(session.target());
      assertThat(form.latest()).isEqualTo(session.target().plusDays(7));
      assertThat(form.target()).isEqualTo(session.target());
      assertThat(form.required()).isTrue();
    }
  }

  @Test
  void plan_sample_dueAssessmentsOnTheirSessionsDate() {
    CoursePlan plan = sample();

    assertThat(plan.item("induction/induction-dose/3/PHQ9")).get()
        .extracting(PlannedItem::kind, PlannedItem::instrument, PlannedItem::sessionItemId, PlannedItem::target,
            PlannedItem::latest)
        .containsExactly(ItemKind.ASSESSMENT, Optional.of(Instrument.PHQ9),
            Optional.of("induction/induction-dose/3"), jan(12), jan(12));
  }

  @Test
  void plan_sample_keepsEveryRuleOfTheTemplate() {
    assertThat(PlanChecker.violations(SAMPLE, sample())).isEmpty();
    assertThat(PlanChecker.violations(SAMPLE, sample(jan(15), jan(16)))).isEmpty();
  }

  @Test
  void plan_sample_listsItemsInDateOrderWithSessionsBeforeTheirAssessmentsAndSteps() {
    CoursePlan plan = sample();

    assertThat(plan.items().subList(0, 9))
        .extracting(PlannedItem::id)
        .containsExactly(
            "screening/screening-visit/1",
            "screening/screening-visit/1/PHQ9",
            "screening/screening-visit/1/MADRS",
            "screening/screening-visit/1/CSSRS_SCREENER",
            "screening/rems-enrolment/1",
            "induction/induction-dose/1",
            "induction/induction-dose/1/PHQ9",
            "induction/induction-dose/1/CSSRS_SCREENER",
            "induction/induction-dose/1/rems-pmf-induction");
  }

  /* ------------------------------------------------------------------ determinism */

  @Test
  void plan_twice_givesEqualPlansAndByteIdenticalJson() {
    CoursePlan first = sample(jan(15));
    CoursePlan second = sample(jan(15));

    assertThat(second).isEqualTo(first);
    assertThat(PlanFiles.write(second, DocumentFormat.JSON)).isEqualTo(PlanFiles.write(first, DocumentFormat.JSON));
  }

  @Test
  void planJson_readBack_givesEqualPlan() {
    CoursePlan plan = sample(jan(15));
    String json = PlanFiles.write(plan, DocumentFormat.JSON);

    assertThat(PlanFiles.read(json, DocumentFormat.JSON, "<plan>")).isEqualTo(plan);
    assertThat(json).contains("\"id\" : \"induction/induction-dose/4\"", "\"nominal\" : \"2026-01-15\"");
  }

  /* ------------------------------------------------------------------ closed days */

  @Test
  void plan_closedThursday_movesTheSessionToTheNextOpenDay() {
    CoursePlan plan = sample(jan(15));

    assertThat(plan.item("induction/induction-dose/4")).get()
        .extracting(PlannedItem::target, PlannedItem::nominal)
        .containsExactly(jan(16), Optional.of(jan(15)));
    assertThat(dates(plan, "induction-dose")).containsExactly(
        jan(5), jan(8), jan(12), jan(16), jan(19), jan(22), jan(26), jan(29));
  }

  @Test
  void plan_closedThursdayAndFriday_movesTheSessionToTheWednesdayOfItsWeek() {
    CoursePlan plan = sample(jan(15), jan(16));

    assertThat(plan.item("induction/induction-dose/4")).get()
        .extracting(PlannedItem::target).isEqualTo(jan(14));
  }

  @Test
  void plan_startOnClosedSaturday_movesScreeningToMonday() {
    CoursePlan plan = CoursePlanner.plan(SAMPLE, jan(3), PlanTemplates.weekendsClosed());

    assertThat(plan.sessions().get(0))
        .extracting(PlannedItem::target, PlannedItem::nominal)
        .containsExactly(jan(5), Optional.of(jan(3)));
  }

  @Test
  void plan_closedWeekBlocksTheInductionRhythm_postponesEnrolmentSoThatEveryWeekHasItsSessions() {
    CoursePlan plan = sample(jan(12), jan(13), jan(14), jan(15), jan(16));

    assertThat(plan.item("screening/rems-enrolment/1")).get()
        .extracting(PlannedItem::target).isEqualTo(jan(7));
    assertThat(dates(plan, "induction-dose").subList(0, 4)).containsExactly(jan(7), jan(9), jan(19), jan(20));
    assertThat(PlanChecker.violations(SAMPLE, plan)).isEmpty();
  }

  @Test
  void plan_twoClosedWeeks_throwsPlanningExceptionNamingTheSessionTheWindowAndTheClosedDays() {
    LocalDate[] closed = {jan(12), jan(13), jan(14), jan(15), jan(16), jan(19), jan(20), jan(21), jan(22), jan(23)};

    PlanningException e = catchThrowableOfType(PlanningException.class, () -> sample(closed));

    assertThat(e.problems()).extracting(Problem::path, Problem::message).containsExactly(tuple(
        "phases[1].sessions[0].repeat",
        "session induction-dose #3: target 2026-01-12 and every other day of its window 2026-01-12 to 2026-01-17"
            + " are closed (2026-01-12 closed date, 2026-01-13 closed date, 2026-01-14 closed date,"
            + " 2026-01-15 closed date, 2026-01-16 closed date, 2026-01-17 closed on Saturdays)"));
    assertThat(e).isInstanceOf(ValidationException.class);
  }

  @Test
  void plan_singleDayWindowOnClosedDate_throwsPlanningExceptionAtTheTiming() {
    ProtocolTemplate t = template(phase("p",
        session("visit", SessionKind.SCREENING)
            .timing(Timing.builder().target(d(10)).earliest(d(10)).latest(d(10)).build())
            .build()).build());

    PlanningException e = catchThrowableOfType(PlanningException.class,
        () -> CoursePlanner.plan(t, START, PlanTemplates.weekendsClosed(jan(15))));

    assertThat(e).hasMessage("phases[0].sessions[0].timing: session visit #1: target 2026-01-15,"
        + " the only day of its window, is closed (2026-01-15 closed date)");
  }

  /* ------------------------------------------------------------------ intervals */

  @Test
  void plan_minimumIntervalNoDayCanKeep_throwsPlanningExceptionAtTheInterval() {
    ProtocolTemplate t = template(phase("p",
        session("dose", SessionKind.DOSING)
            .repeat(Repeat.builder().every(d(1)).occurrences(2).build())
            .timing(Timing.builder().addIntervals(interval(SessionKind.DOSING, d(2), null)).build())
            .build()).build());

    PlanningException e = catchThrowableOfType(PlanningException.class,
        () -> CoursePlanner.plan(t, START, ClinicCalendar.open(PlanTemplates.ZONE)));

    assertThat(e.problems()).extracting(Problem::path, Problem::message).containsExactly(tuple(
        "phases[0].sessions[0].timing.intervals[0]",
        "session dose #2: min 2 d after DOSING rules out 2026-01-06 (1 d after dose #1 on 2026-01-05)"
            + " in its window 2026-01-06 to 2026-01-06"));
  }

  @Test
  void plan_minimumIntervalAfterClosedDay_movesTheSessionLaterNotEarlier() {
    ProtocolTemplate t = template(phase("p",
        session("dose", SessionKind.DOSING)
            .repeat(Repeat.builder().timesPerWeek(2).weeks(2).build())
            .timing(Timing.builder().addIntervals(interval(SessionKind.DOSING, d(3), null)).build())
            .build()).build());

    CoursePlan plan = CoursePlanner.plan(t, START, PlanTemplates.weekendsClosed(jan(5)));

    assertThat(dates(plan, "dose")).containsExactly(jan(6), jan(9), jan(12), jan(15));
    assertThat(plan.sessions().get(1).earliest()).isEqualTo(jan(9));
    assertThat(PlanChecker.violations(t, plan)).isEmpty();
  }

  @Test
  void plan_maximumIntervalAfterAnotherKind_keepsTheSessionWithinIt() {
    ProtocolTemplate t = template(
        phase("a", session("prep", SessionKind.PREPARATION).build()).build(),
        phase("b", session("dose", SessionKind.DOSING)
            .timing(Timing.builder().target(d(7)).earliest(d(0)).latest(d(14))
                .addIntervals(interval(SessionKind.PREPARATION, null, d(3))).build())
            .build()).build());

    CoursePlan plan = CoursePlanner.plan(t, START, ClinicCalendar.open(PlanTemplates.ZONE));

    assertThat(dates(plan, "dose")).containsExactly(jan(8));
    assertThat(plan.item("b/dose/1")).get().extracting(PlannedItem::nominal)
        .isEqualTo(Optional.of(jan(13)));
  }

  /* ------------------------------------------------------------------ patterns and phases */

  @Test
  void plan_timesPerWeekThree_spreadsSessionsOnDaysZeroTwoAndFour() {
    ProtocolTemplate t = template(phase("p",
        session("dose", SessionKind.DOSING).repeat(Repeat.builder().timesPerWeek(3).weeks(2).build()).build())
        .build());

    CoursePlan plan = CoursePlanner.plan(t, START, ClinicCalendar.open(PlanTemplates.ZONE));

    assertThat(dates(plan, "dose")).containsExactly(jan(5), jan(7), jan(9), jan(12), jan(14), jan(16));
  }

  @Test
  void plan_countWithOwnMinimum_spacesTheSessionsByIt() {
    ProtocolTemplate t = template(phase("p",
        session("prep", SessionKind.PREPARATION).count(3)
            .timing(Timing.builder().addIntervals(interval(SessionKind.PREPARATION, d(7), null)).build())
            .build()).build());

    CoursePlan plan = CoursePlanner.plan(t, START, ClinicCalendar.open(PlanTemplates.ZONE));

    assertThat(dates(plan, "prep")).containsExactly(jan(5), jan(12), jan(19));
  }

  @Test
  void plan_phaseAfterOpenEndedPhase_isNotPlanned() {
    ProtocolTemplate t = template(
        phase("maintenance", session("dose", SessionKind.DOSING)
            .repeat(Repeat.builder().every(d(14)).build()).build()).build(),
        phase("closing", session("follow-up", SessionKind.FOLLOW_UP).build()).build());

    CoursePlan plan = CoursePlanner.plan(t, START, ClinicCalendar.open(PlanTemplates.ZONE),
        PlanOptions.builder().horizon(d(28)).build());

    assertThat(plan.sessions()).extracting(PlannedItem::id)
        .containsExactly("maintenance/dose/1", "maintenance/dose/2");
  }

  @Test
  void plan_everyShorterThanADay_throwsPlanningExceptionAtTheRepeat() {
    ProtocolTemplate t = template(phase("p",
        session("dose", SessionKind.DOSING).repeat(Repeat.builder().every(h(12)).occurrences(4).build()).build())
        .build());

    PlanningException e = catchThrowableOfType(PlanningException.class,
        () -> CoursePlanner.plan(t, START, ClinicCalendar.open(PlanTemplates.ZONE)));

    assertThat(e).hasMessage("phases[0].sessions[0].repeat.every: every 12 h is shorter than a day;"
        + " a plan places sessions on dates, at most one a day");
  }

  @Test
  void plan_anchorIntoALaterPhase_throwsPlanningExceptionAtTheAnchor() {
    ProtocolTemplate t = template(
        phase("a", session("early", SessionKind.SCREENING)
            .timing(Timing.builder().anchor(Anchor.builder().session("late").build()).build()).build()).build(),
        phase("b", session("late", SessionKind.FOLLOW_UP).build()).build());

    PlanningException e = catchThrowableOfType(PlanningException.class,
        () -> CoursePlanner.plan(t, START, ClinicCalendar.open(PlanTemplates.ZONE)));

    assertThat(e).hasMessage("phases[0].sessions[0].timing.anchor.session: session early of phase a is anchored"
        + " to session late of the later phase b, which starts only after phase a ends");
  }

  @Test
  void plan_targetOffsetInHours_roundsToTheNearestDay() {
    ProtocolTemplate t = template(phase("p",
        session("a", SessionKind.SCREENING).build(),
        session("b", SessionKind.FOLLOW_UP)
            .timing(Timing.builder().anchor(Anchor.builder().session("a").build()).target(h(36)).build())
            .build(),
        session("c", SessionKind.FOLLOW_UP)
            .timing(Timing.builder().anchor(Anchor.builder().session("a").build()).target(h(35)).build())
            .build()).build());

    CoursePlan plan = CoursePlanner.plan(t, START, ClinicCalendar.open(PlanTemplates.ZONE));

    assertThat(dates(plan, "b")).containsExactly(jan(7));
    assertThat(dates(plan, "c")).containsExactly(jan(6));
  }

  @Test
  void plan_stepWindowEntirelyClosed_stillPlansTheStepOnItsFirstDay() {
    ProtocolTemplate t = template(phase("p",
        session("dose", SessionKind.DOSING)
            .addIntegrationSteps(IntegrationStep.builder()
                .id("journal").kind(IntegrationKind.JOURNALING).title("Journal")
                .earliest(d(1)).latest(h(36)).build())
            .build()).build());

    CoursePlan plan = CoursePlanner.plan(t, LocalDate.of(2026, 1, 9), PlanTemplates.weekendsClosed());

    assertThat(plan.item("p/dose/1/journal")).get()
        .extracting(PlannedItem::target, PlannedItem::earliest, PlannedItem::latest)
        .containsExactly(jan(10), jan(10), jan(11));
  }
}
