package org.kapsdk.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.kapsdk.core.plan.PlanTemplates.d;
import static org.kapsdk.core.plan.PlanTemplates.phase;
import static org.kapsdk.core.plan.PlanTemplates.session;
import static org.kapsdk.core.plan.PlanTemplates.template;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.kapsdk.core.model.Anchor;
import org.kapsdk.core.model.ProtocolTemplate;
import org.kapsdk.core.model.Repeat;
import org.kapsdk.core.model.SessionKind;
import org.kapsdk.core.model.Timing;
import org.kapsdk.core.validation.Problem;
import org.kapsdk.core.validation.ValidationException;

/** {@link CoursePlanner#replan} on the sample esketamine template, weekends closed, from Monday 2026-01-05. */
class ReplanTest {
  private static final ProtocolTemplate SAMPLE = PlanTemplates.sample();
  private static final CoursePlan PLAN =
      CoursePlanner.plan(SAMPLE, LocalDate.of(2026, 1, 5), PlanTemplates.weekendsClosed());

  private static LocalDate date(int month, int day) {
    return LocalDate.of(2026, month, day);
  }

  private static Replan replan(ReplanInput.Builder input) {
    return CoursePlanner.replan(SAMPLE, PLAN, input.build());
  }

  private static List<PlanChange> sessionChanges(Replan r, ChangeKind kind) {
    return r.changes().stream()
        .filter(c -> c.kind() == kind)
        .filter(c -> r.plan().item(c.itemId()).or(() -> PLAN.item(c.itemId())).orElseThrow().kind() == ItemKind.SESSION)
        .toList();
  }

  private static void assertUnchangedExcept(Replan r, List<String> ids) {
    for (PlannedItem before : PLAN.items()) {
      if (ids.stream().noneMatch(before.id()::startsWith)) {
        assertThat(r.plan().item(before.id())).as(before.id()).contains(before);
      }
    }
  }

  @Test
  void replan_nothingReported_changesNothing() {
    Replan r = replan(ReplanInput.builder().asOf(date(1, 5)));

    assertThat(r.changes()).isEmpty();
    assertThat(r.plan()).isEqualTo(PLAN);
  }

  @Test
  void replan_missedInductionSessionWithKeepSchedule_movesNothingAndDropsItsStepsAndAssessments() {
    Replan r = replan(ReplanInput.builder()
        .asOf(date(1, 12))
        .putHeld("induction/induction-dose/1", date(1, 5))
        .putHeld("induction/induction-dose/2", date(1, 8))
        .addMissed("induction/induction-dose/3"));

    assertThat(r.changes())
        .extracting(PlanChange::itemId, PlanChange::kind, PlanChange::from, PlanChange::to)
        .containsExactly(
            tuple("induction/induction-dose/1", ChangeKind.HELD, Optional.of(date(1, 5)), Optional.of(date(1, 5))),
            tuple("induction/induction-dose/2", ChangeKind.HELD, Optional.of(date(1, 8)), Optional.of(date(1, 8))),
            tuple("induction/induction-dose/3", ChangeKind.MISSED, Optional.of(date(1, 12)), Optional.of(date(1, 12))),
            tuple("induction/induction-dose/3/CSSRS_SCREENER", ChangeKind.DROPPED, Optional.of(date(1, 12)), Optional.empty()),
            tuple("induction/induction-dose/3/PHQ9", ChangeKind.DROPPED, Optional.of(date(1, 12)), Optional.empty()),
            tuple("induction/induction-dose/3/rems-pmf-induction", ChangeKind.DROPPED, Optional.of(date(1, 12)),
                Optional.empty()));
    assertThat(r.changes().get(2).reason())
        .isEqualTo("missed; not made up: KEEP_SCHEDULE: the rest of phase induction keeps its dates");
    assertThat(r.changes()).noneMatch(c -> c.kind() == ChangeKind.MOVED || c.kind() == ChangeKind.ADDED);
    assertThat(r.plan().item("induction/induction-dose/3")).get()
        .extracting(PlannedItem::status, PlannedItem::target)
        .containsExactly(ItemStatus.MISSED, date(1, 12));
    assertUnchangedExcept(r, List.of("induction/induction-dose/1", "induction/induction-dose/2",
        "induction/induction-dose/3"));
  }

  @Test
  void replan_inductionSessionHeldLateWithKeepSchedule_keepsTheFollowingDates() {
    Replan r = replan(ReplanInput.builder().asOf(date(1, 13)).putHeld("induction/induction-dose/3", date(1, 13)));

    assertThat(sessionChanges(r, ChangeKind.MOVED)).isEmpty();
    assertThat(r.changes().get(0))
        .extracting(PlanChange::itemId, PlanChange::kind, PlanChange::reason)
        .containsExactly("induction/induction-dose/3", ChangeKind.HELD,
            "held 1 d after its planned date; KEEP_SCHEDULE: the rest of phase induction keeps its dates");
    assertThat(r.plan().item("induction/induction-dose/4")).get()
        .extracting(PlannedItem::target).isEqualTo(date(1, 15));
    assertThat(r.plan().item("induction/induction-dose/3")).get()
        .extracting(PlannedItem::status, PlannedItem::target, PlannedItem::nominal)
        .containsExactly(ItemStatus.HELD, date(1, 13), Optional.of(date(1, 12)));
    assertThat(r.plan().item("induction/induction-dose/3/rems-pmf-induction")).get()
        .extracting(PlannedItem::latest).isEqualTo(date(1, 20));
  }

  @Test
  void replan_maintenanceSessionHeldTwoDaysLateWithShiftRemaining_movesEverythingAfterItTwoDaysLater() {
    Replan r = replan(ReplanInput.builder()
        .asOf(date(2, 11))
        .putHeld("maintenance-weekly/maintenance-weekly-dose/1", date(2, 2))
        .putHeld("maintenance-weekly/maintenance-weekly-dose/2", date(2, 11)));
    List<PlanChange> moved = sessionChanges(r, ChangeKind.MOVED);

    assertThat(moved).extracting(PlanChange::itemId).containsExactly(
        "maintenance-weekly/maintenance-weekly-dose/3",
        "maintenance-weekly/maintenance-weekly-dose/4",
        "maintenance-extended/maintenance-extended-dose/1",
        "maintenance-extended/periodic-review/1",
        "maintenance-extended/maintenance-extended-dose/2",
        "maintenance-extended/maintenance-extended-dose/3",
        "maintenance-extended/maintenance-extended-dose/4",
        "maintenance-extended/maintenance-extended-dose/5",
        "maintenance-extended/maintenance-extended-dose/6",
        "maintenance-extended/maintenance-extended-dose/7",
        "maintenance-extended/maintenance-extended-dose/8",
        "maintenance-extended/maintenance-extended-dose/9");
    assertThat(moved).allSatisfy(c ->
        assertThat(ChronoUnit.DAYS.between(c.from().orElseThrow(), c.to().orElseThrow())).isEqualTo(2));
    assertThat(moved.get(0).reason()).isEqualTo("SHIFT_REMAINING: maintenance-weekly/maintenance-weekly-dose/2"
        + " was held 2 d late, so the rest of phase maintenance-weekly moves 2 d later");
    assertThat(moved.get(2).reason()).isEqualTo("phase maintenance-extended starts 2 d later because phase"
        + " maintenance-weekly now ends 2 d later");
    assertThat(r.plan().item("maintenance-weekly/maintenance-weekly-dose/3/rems-pmf-maintenance-weekly")).get()
        .extracting(PlannedItem::target, PlannedItem::latest)
        .containsExactly(date(2, 18), date(2, 25));
    assertUnchangedExcept(r, List.of("maintenance"));
  }

  @Test
  void replan_anchorHeldLate_movesTheSessionAnchoredToItBySameDays() {
    ProtocolTemplate t = template(phase("a",
        session("dose", SessionKind.DOSING).repeat(Repeat.builder().every(d(7)).occurrences(2).build()).build(),
        session("follow-up", SessionKind.FOLLOW_UP)
            .timing(Timing.builder().anchor(Anchor.builder().session("dose").build()).target(d(7)).build())
            .build()).build());
    CoursePlan plan = CoursePlanner.plan(t, date(1, 5), ClinicCalendar.open(PlanTemplates.ZONE));

    Replan r = CoursePlanner.replan(t, plan,
        ReplanInput.builder().asOf(date(1, 14)).putHeld("a/dose/2", date(1, 14)).build());

    assertThat(plan.item("a/follow-up/1")).get().extracting(PlannedItem::target).isEqualTo(date(1, 19));
    assertThat(r.changes()).filteredOn(c -> c.itemId().equals("a/follow-up/1"))
        .extracting(PlanChange::kind, PlanChange::to, PlanChange::reason)
        .containsExactly(tuple(ChangeKind.MOVED, Optional.of(date(1, 21)),
            "follows its anchor a/dose/2, which moved 2 d later"));
  }

  @Test
  void replan_stepBackFromEveryTwoWeeks_respacesTheRestOfThePhaseWeeklyFromAsOf() {
    Replan r = replan(ReplanInput.builder()
        .asOf(date(3, 23))
        .putHeld("maintenance-extended/maintenance-extended-dose/1", date(3, 2))
        .putHeld("maintenance-extended/maintenance-extended-dose/2", date(3, 16))
        .stepBackPhase("maintenance-extended"));
    List<PlannedItem> extended = r.plan().sessions().stream()
        .filter(s -> s.sessionTemplateId().equals("maintenance-extended-dose"))
        .toList();

    assertThat(extended).hasSize(17);
    assertThat(extended.subList(2, 17)).extracting(PlannedItem::target)
        .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 15)
            .mapToObj(k -> date(3, 23).plusWeeks(k)).toList());
    assertThat(sessionChanges(r, ChangeKind.MOVED)).extracting(PlanChange::itemId, PlanChange::to)
        .startsWith(tuple("maintenance-extended/maintenance-extended-dose/3", Optional.of(date(3, 23))))
        .hasSize(7);
    assertThat(sessionChanges(r, ChangeKind.ADDED)).extracting(PlanChange::itemId)
        .startsWith("maintenance-extended/maintenance-extended-dose/10")
        .hasSize(8);
    assertThat(sessionChanges(r, ChangeKind.ADDED).get(0).reason()).isEqualTo("added by the step back: the rest"
        + " of phase maintenance-extended follows the schedule of phase maintenance-weekly (once a week) from 2026-03-23");
  }

  @Test
  void replan_stepBackFromWeeklyToInduction_fillsTheRestOfThePhaseTwiceWeekly() {
    Replan r = replan(ReplanInput.builder().asOf(date(2, 16)).stepBackPhase("maintenance-weekly"));

    assertThat(r.plan().sessions().stream()
        .filter(s -> s.sessionTemplateId().equals("maintenance-weekly-dose") && !s.target().isBefore(date(2, 16))))
        .extracting(PlannedItem::id, PlannedItem::target)
        .containsExactly(
            tuple("maintenance-weekly/maintenance-weekly-dose/3", date(2, 16)),
            tuple("maintenance-weekly/maintenance-weekly-dose/4", date(2, 19)),
            tuple("maintenance-weekly/maintenance-weekly-dose/5", date(2, 23)));
    assertThat(r.plan().item("maintenance-extended/maintenance-extended-dose/1")).get()
        .extracting(PlannedItem::target).isEqualTo(date(3, 2));
  }

  @Test
  void replan_missedSessionLeavesAMaximumIntervalNoDateCanKeep_reportsItAndKeepsTheDate() {
    Replan r = replan(ReplanInput.builder()
        .asOf(date(3, 17))
        .putHeld("maintenance-extended/maintenance-extended-dose/1", date(3, 2))
        .addMissed("maintenance-extended/maintenance-extended-dose/2"));

    assertThat(r.changes()).filteredOn(c -> c.kind() == ChangeKind.INTERVAL_UNMET)
        .extracting(PlanChange::itemId, PlanChange::to, PlanChange::reason)
        .containsExactly(tuple("maintenance-extended/maintenance-extended-dose/3", Optional.of(date(3, 30)),
            "max 2 wk after DOSING can no longer be kept: the latest DOSING before it, maintenance-extended-dose #1"
                + " held on 2026-03-02, allowed 2026-03-16 at the latest, before the first day it can be planned,"
                + " 2026-03-23"));
    assertThat(sessionChanges(r, ChangeKind.MOVED)).isEmpty();
  }

  @Test
  void replan_sameFactsTwice_changesNothingTheSecondTime() {
    ReplanInput input = ReplanInput.builder()
        .asOf(date(2, 11))
        .putHeld("maintenance-weekly/maintenance-weekly-dose/2", date(2, 11))
        .build();
    CoursePlan once = CoursePlanner.replan(SAMPLE, PLAN, input).plan();

    Replan twice = CoursePlanner.replan(SAMPLE, once, input);

    assertThat(twice.changes()).isEmpty();
    assertThat(twice.plan()).isEqualTo(once);
  }

  @Test
  void replan_heldAfterAsOf_throwsValidationExceptionNamingTheSession() {
    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> replan(ReplanInput.builder().asOf(date(1, 12)).putHeld("induction/induction-dose/3", date(1, 13))));

    assertThat(e.problems()).extracting(Problem::path, Problem::message)
        .containsExactly(tuple("held.induction/induction-dose/3", "held on 2026-01-13, after asOf 2026-01-12"));
  }

  @Test
  void replan_unknownItemAndStepItem_throwValidationException() {
    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> replan(ReplanInput.builder().asOf(date(1, 12))
            .addMissed("induction/induction-dose/99", "induction/induction-dose/1/PHQ9")));

    assertThat(e).isNotInstanceOf(PlanningException.class);
    assertThat(e.problems()).extracting(Problem::path, Problem::message).containsExactly(
        tuple("missed.induction/induction-dose/1/PHQ9", "is not a session item but ASSESSMENT"),
        tuple("missed.induction/induction-dose/99", "is not an item of the plan"));
  }

  @Test
  void replan_missedAfterBeingRecordedHeld_throwsValidationException() {
    CoursePlan held = replan(ReplanInput.builder().asOf(date(1, 5)).putHeld("induction/induction-dose/1", date(1, 5)))
        .plan();

    ValidationException e = catchThrowableOfType(ValidationException.class, () -> CoursePlanner.replan(SAMPLE, held,
        ReplanInput.builder().asOf(date(1, 6)).addMissed("induction/induction-dose/1").build()));

    assertThat(e).hasMessage("missed.induction/induction-dose/1: was already recorded as held on 2026-01-05");
  }

  @Test
  void replan_stepBackOnPhaseWithoutStepBack_throwsValidationException() {
    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> replan(ReplanInput.builder().asOf(date(1, 12)).stepBackPhase("induction")));

    assertThat(e).hasMessage("stepBackPhase: phase induction has no stepBack to follow");
  }

  @Test
  void replan_otherTemplateVersion_throwsValidationException() {
    ProtocolTemplate other = ProtocolTemplate.builder().from(SAMPLE).version("1.1.0").build();

    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> CoursePlanner.replan(other, PLAN, ReplanInput.builder().asOf(date(1, 5)).build()));

    assertThat(e).hasMessage("templateId: the plan was made from template esketamine-trd-sample 1.0.0,"
        + " not esketamine-trd-sample 1.1.0");
  }

  @Test
  void replanInput_sessionBothHeldAndMissed_isRefused() {
    ValidationException e = catchThrowableOfType(ValidationException.class, () -> ReplanInput.builder()
        .asOf(date(1, 12))
        .putHeld("induction/induction-dose/3", date(1, 12))
        .addMissed("induction/induction-dose/3")
        .build());

    assertThat(e).hasMessage("missed: session 'induction/induction-dose/3' is reported both held and missed");
  }
}
