package org.kapsdk.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import org.kapsdk.core.io.DocumentFormat;
import org.kapsdk.core.io.PlanFiles;
import org.kapsdk.core.model.ProtocolTemplate;

/**
 * Invariants of the scheduler over random small templates and calendars (see
 * {@link PlanTemplates}): a plan keeps every rule or planning throws a
 * {@link PlanningException}, planning is deterministic, plans survive JSON and YAML exactly, and
 * re-planning keeps what happened and never plans on a closed day or before {@code asOf}.
 */
class CoursePlannerProperties {

  /** One planning problem: a template, a start, a calendar and options. */
  record Case(ProtocolTemplate template, LocalDate start, ClinicCalendar calendar, PlanOptions options, long seed) {
    CoursePlan plan() {
      return CoursePlanner.plan(template, start, calendar, options);
    }
  }

  @Provide
  Arbitrary<Case> cases() {
    return Arbitraries.randomValue(random -> {
      long seed = random.nextLong();
      Random r = new Random(seed);
      LocalDate start = PlanTemplates.randomStart(r);
      return new Case(
          PlanTemplates.random(r),
          start,
          PlanTemplates.randomCalendar(r, start),
          PlanOptions.builder().horizon(PlanTemplates.d(7L * (1 + r.nextInt(20)))).build(),
          seed);
    });
  }

  @Property(tries = 500, shrinking = ShrinkingMode.OFF)
  void plan_randomTemplateAndCalendar_keepsEveryRuleOrThrowsPlanningException(@ForAll("cases") Case c) {
    Throwable thrown = catchThrowable(c::plan);

    if (thrown != null) {
      assertThat(thrown).isInstanceOf(PlanningException.class);
      assertThat(((PlanningException) thrown).problems())
          .isNotEmpty()
          .allSatisfy(p -> {
            assertThat(p.path()).startsWith("phases[");
            assertThat(p.message()).matches("(?s).*\\d{4}-\\d{2}-\\d{2}.*|.*(every|window|offset|anchored).*");
          });
    } else {
      assertThat(PlanChecker.violations(c.template(), c.plan())).as("seed %d", c.seed()).isEmpty();
    }
  }

  @Property(tries = 300, shrinking = ShrinkingMode.OFF)
  void plan_twice_givesEqualPlansAndTheSameJson(@ForAll("cases") Case c) {
    CoursePlan first;
    try {
      first = c.plan();
    } catch (PlanningException e) {
      assertThat(catchThrowable(c::plan)).isInstanceOf(PlanningException.class).hasMessage(e.getMessage());
      return;
    }
    CoursePlan second = c.plan();

    assertThat(second).isEqualTo(first);
    assertThat(PlanFiles.write(second, DocumentFormat.JSON)).isEqualTo(PlanFiles.write(first, DocumentFormat.JSON));
  }

  @Property(tries = 300, shrinking = ShrinkingMode.OFF)
  void planFiles_writeThenRead_givesEqualPlanInJsonAndYaml(@ForAll("cases") Case c) {
    CoursePlan plan;
    try {
      plan = c.plan();
    } catch (PlanningException e) {
      assertThat(e.problems()).isNotEmpty();
      return;
    }
    String json = PlanFiles.write(plan, DocumentFormat.JSON);
    String yaml = PlanFiles.write(plan, DocumentFormat.YAML);

    assertThat(PlanFiles.read(json, DocumentFormat.JSON, "<json>")).isEqualTo(plan);
    assertThat(PlanFiles.read(yaml, DocumentFormat.YAML, "<yaml>")).isEqualTo(plan);
  }

  @Property(tries = 300, shrinking = ShrinkingMode.OFF)
  void replan_randomReports_keepsFactsAndPlansOnlyOpenDaysFromAsOf(@ForAll("cases") Case c) {
    CoursePlan plan;
    try {
      plan = c.plan();
    } catch (PlanningException e) {
      assertThat(e.problems()).isNotEmpty();
      return;
    }
    List<PlannedItem> sessions = plan.sessions();
    if (sessions.isEmpty()) {
      // A horizon shorter than the first session's offset plans nothing; nothing to report.
      assertThat(plan.items()).isEmpty();
      return;
    }
    Random r = new Random(c.seed());
    LocalDate asOf = sessions.get(r.nextInt(sessions.size())).target().plusDays(r.nextInt(3));
    ReplanInput.Builder input = ReplanInput.builder().asOf(asOf);
    Map<String, LocalDate> held = new HashMap<>();
    List<String> missed = new ArrayList<>();
    for (PlannedItem s : sessions) {
      if (s.target().isAfter(asOf)) {
        continue;
      }
      int choice = r.nextInt(4);
      if (choice < 2) {
        LocalDate date = s.target().plusDays(r.nextInt(3));
        held.put(s.id(), date.isAfter(asOf) ? asOf : date);
      } else if (choice == 2) {
        missed.add(s.id());
      }
    }
    input.putAllHeld(held).addAllMissed(missed);
    Replan replan;
    try {
      replan = CoursePlanner.replan(c.template(), plan, input.build());
    } catch (PlanningException e) {
      assertThat(e.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.path()).startsWith("phases["));
      return;
    }
    CoursePlan next = replan.plan();

    assertThat(CoursePlanner.replan(c.template(), plan, input.build())).isEqualTo(replan);
    held.forEach((id, date) -> assertThat(next.item(id)).get()
        .satisfies(i -> assertThat(i.status()).isEqualTo(ItemStatus.HELD))
        .satisfies(i -> assertThat(i.target()).isEqualTo(date)));
    missed.forEach(id -> assertThat(next.item(id)).get()
        .satisfies(i -> assertThat(i.status()).isEqualTo(ItemStatus.MISSED))
        .satisfies(i -> assertThat(i.target()).isEqualTo(plan.item(id).orElseThrow().target())));
    assertThat(next.sessions().stream().map(PlannedItem::id).collect(Collectors.toSet()))
        .isEqualTo(sessions.stream().map(PlannedItem::id).collect(Collectors.toSet()));
    for (PlannedItem s : next.sessions()) {
      PlannedItem before = plan.item(s.id()).orElseThrow();
      if (s.status() == ItemStatus.PLANNED && !s.target().equals(before.target())) {
        assertThat(s.target()).as(s.id()).isAfterOrEqualTo(asOf);
        assertThat(next.calendar().isOpen(s.target())).as(s.id()).isTrue();
      }
    }
    Set<String> changed = replan.changes().stream().map(PlanChange::itemId).collect(Collectors.toSet());
    for (PlannedItem i : next.items()) {
      PlannedItem before = plan.item(i.id()).orElse(null);
      if (before == null || !before.target().equals(i.target()) || before.status() != i.status()) {
        assertThat(changed).as("change listed for %s", i.id()).contains(i.id());
      }
    }
  }
}
