package org.kapsdk.core.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.kapsdk.core.lint.LintFixtures.d;
import static org.kapsdk.core.lint.LintFixtures.findings;
import static org.kapsdk.core.lint.LintFixtures.interval;
import static org.kapsdk.core.lint.LintSeverity.ERROR;
import static org.kapsdk.core.lint.LintSeverity.WARNING;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kapsdk.core.model.AssessmentSpec;
import org.kapsdk.core.model.Instrument;
import org.kapsdk.core.model.Phase;
import org.kapsdk.core.model.ProtocolTemplate;
import org.kapsdk.core.model.Repeat;
import org.kapsdk.core.model.SessionKind;
import org.kapsdk.core.model.SessionTemplate;
import org.kapsdk.core.model.Timing;

/** KAP-L016 to KAP-L021: whether a calendar can hold the course, and whether every phase can be entered. */
class ScheduleRulesTest {
  private static final String INDUCTION = "phases[1].sessions[0]";
  private static final String MAINTENANCE = "phases[2].sessions[0]";

  private static ProtocolTemplate inductionIntervals(Repeat repeat, org.kapsdk.core.model.IntervalConstraint... intervals) {
    return LintFixtures.withInduction(s -> s.repeat(repeat).timing(Timing.builder()
        .from(LintFixtures.induction().build().timing().orElseThrow()).intervals(List.of(intervals)).build()));
  }

  private static Repeat twiceWeekly(int weeks) {
    return Repeat.builder().timesPerWeek(2).weeks(weeks).build();
  }

  @Test
  void l016_minimumAboveMaximumAfterTheSameKind_fires() {
    ProtocolTemplate broken = inductionIntervals(twiceWeekly(4), interval("2 d", "1 wk"), interval("8 d", null));

    assertThat(findings(broken, "KAP-L016")).containsExactly(tuple(ERROR, INDUCTION + ".timing.intervals[0]",
        "session induction-dose must be at least 8 d after the latest DOSING session (timing.intervals[1]) and at most 1 wk"
            + " after it (timing.intervals[0]): no date can keep both"));
    assertThat(findings(inductionIntervals(twiceWeekly(4), interval("2 d", "1 wk"), interval("3 d", null)), "KAP-L016")).isEmpty();
  }

  @Test
  void l016_differentKinds_doNotConflict() {
    org.kapsdk.core.model.IntervalConstraint afterScreening =
        org.kapsdk.core.model.IntervalConstraint.builder().after(SessionKind.SCREENING).min(d("2 wk")).build();

    assertThat(findings(inductionIntervals(twiceWeekly(4), interval("2 d", "1 wk"), afterScreening), "KAP-L016")).isEmpty();
  }

  @Test
  void l017_patternCloserThanItsOwnMinimum_fires() {
    ProtocolTemplate broken = inductionIntervals(twiceWeekly(1), interval("4 d", "1 wk"));

    assertThat(findings(broken, "KAP-L017")).containsExactly(tuple(WARNING, INDUCTION + ".repeat",
        "2 times a week places sessions of induction-dose 3 d apart, closer than their minimum of 4 d after DOSING"
            + " (timing.intervals[0]): the scheduler must move sessions off the pattern"));
    assertThat(findings(broken, "KAP-L018")).isEmpty();
  }

  @Test
  void l017_patternFurtherThanItsOwnMaximum_fires() {
    ProtocolTemplate broken = LintFixtures.template().phases(List.of(LintFixtures.screeningPhase().build(),
        LintFixtures.inductionPhase().build(),
        LintFixtures.maintenancePhase(LintFixtures.maintenance()
            .timing(Timing.builder().addInterval(interval("2 d", "6 d")).build()).build()).build())).build();

    assertThat(findings(broken, "KAP-L017")).containsExactly(tuple(WARNING, MAINTENANCE + ".repeat",
        "once a week places sessions of maintenance-dose 1 wk apart, further than their maximum of 6 d after DOSING"
            + " (timing.intervals[0]): the scheduler must move sessions off the pattern"));
    assertThat(findings(LintFixtures.template().build(), "KAP-L017")).isEmpty();
  }

  @Test
  void l018_weeklySessionsThatCannotFitTheirWeeks_fire() {
    ProtocolTemplate broken = inductionIntervals(twiceWeekly(4), interval("4 d", "1 wk"));

    assertThat(findings(broken, "KAP-L018")).containsExactly(tuple(ERROR, INDUCTION + ".repeat",
        "2 times a week for 4 weeks asks for 8 sessions of induction-dose, at least 4 d apart (timing.intervals[0]): they need"
            + " 29 days from the first to the last, but 4 weeks hold 28"));
    assertThat(findings(broken, "KAP-L017")).as("reported once, by KAP-L018").isEmpty();
    assertThat(findings(inductionIntervals(twiceWeekly(4), interval("3 d", "1 wk")), "KAP-L018")).isEmpty();
  }

  @Test
  void l019_noPlanOnAnOpenCalendar_carriesTheSchedulersMessage() {
    ProtocolTemplate broken = inductionIntervals(Repeat.builder().every(d("12 h")).occurrences(8).build(), interval(null, "1 wk"));

    assertThat(findings(broken, "KAP-L019")).containsExactly(tuple(ERROR, INDUCTION + ".repeat.every",
        "no plan exists even with the clinic open every day from Monday 2026-01-05: every 12 h is shorter than a day;"
            + " a plan places sessions on dates, at most one a day"));
    assertThat(findings(inductionIntervals(Repeat.builder().every(d("3 d")).occurrences(8).build(), interval(null, "1 wk")),
        "KAP-L019")).isEmpty();
  }

  @Test
  void l019_reportsEveryProblemTheSchedulerNames() {
    ProtocolTemplate broken = inductionIntervals(twiceWeekly(4), interval("4 d", "1 wk"));

    assertThat(findings(broken, "KAP-L019")).isNotEmpty().allSatisfy(t -> {
      assertThat(t.toList().get(0)).isEqualTo(ERROR);
      assertThat((String) t.toList().get(1)).startsWith(INDUCTION);
      assertThat((String) t.toList().get(2)).startsWith("no plan exists even with the clinic open every day from Monday 2026-01-05: ");
    });
  }

  private static Phase aftercare(String id) {
    return Phase.builder().id(id).title("Aftercare " + id)
        .addSession(SessionTemplate.builder().id(id + "-visit").kind(SessionKind.FOLLOW_UP).title("Visit").build())
        .build();
  }

  private static Phase openEndedMaintenance(String onResponse) {
    Phase.Builder b = LintFixtures.maintenancePhase(LintFixtures.maintenance()
        .repeat(Repeat.builder().every(d("2 wk")).build()).build());
    if (onResponse != null) {
      b.decision(LintFixtures.decision().onResponse(onResponse).build());
    }
    return b.build();
  }

  @Test
  void l020_phaseAfterAnOpenEndedPhaseThatNothingNames_fires() {
    ProtocolTemplate broken = LintFixtures.template().phases(List.of(LintFixtures.screeningPhase().build(),
        LintFixtures.inductionPhase().build(), openEndedMaintenance(null), aftercare("aftercare"), aftercare("discharge")))
        .build();

    assertThat(findings(broken, "KAP-L020")).containsExactly(
        tuple(WARNING, "phases[3]", "phase aftercare can never be entered: it follows phase maintenance, whose open-ended repeat"
            + " only a decision ends, and no decision or step back names it"),
        tuple(WARNING, "phases[4]", "phase discharge can never be entered: it follows phase aftercare, which can never be entered"
            + " either, and no decision or step back names it"));
  }

  @Test
  void l020_aDecisionNamingThePhase_fixes() {
    ProtocolTemplate fixed = LintFixtures.template().phases(List.of(LintFixtures.screeningPhase().build(),
        LintFixtures.inductionPhase().build(), openEndedMaintenance("aftercare"), aftercare("aftercare"), aftercare("discharge")))
        .build();

    assertThat(findings(fixed, "KAP-L020")).isEmpty();
  }

  @Test
  void l020_aDecisionWithoutOnResponse_leadsToTheNextPhase() {
    ProtocolTemplate fixed = LintFixtures.template().phases(List.of(LintFixtures.screeningPhase().build(),
        LintFixtures.inductionPhase().build(),
        Phase.builder().from(openEndedMaintenance(null)).decision(LintFixtures.decision().onResponse(java.util.Optional.empty()).build())
            .build(),
        aftercare("aftercare")))
        .build();

    assertThat(findings(fixed, "KAP-L020")).isEmpty();
  }

  private static ProtocolTemplate withScreenAssessing(ProtocolTemplate template, Instrument... extra) {
    SessionTemplate.Builder screen = SessionTemplate.builder().from(LintFixtures.screen());
    for (Instrument i : extra) {
      screen.addAssessment(AssessmentSpec.builder().instrument(i).build());
    }
    List<Phase> phases = new java.util.ArrayList<>(template.phases());
    phases.set(0, Phase.builder().from(phases.get(0)).sessions(List.of(screen.build())).build());
    return ProtocolTemplate.builder().from(template).phases(phases).build();
  }

  @Test
  void l021_decisionOnAnInstrumentNotAssessedInOrBeforeItsPhase_fires() {
    SessionTemplate maintenanceWithMadrs = LintFixtures.maintenance()
        .addAssessment(AssessmentSpec.builder().instrument(Instrument.MADRS).build()).build();
    ProtocolTemplate broken = LintFixtures.template().phases(List.of(LintFixtures.screeningPhase().build(),
        LintFixtures.inductionPhase().decision(LintFixtures.decision().instrument(Instrument.MADRS).build()).build(),
        LintFixtures.maintenancePhase(maintenanceWithMadrs).build())).build();

    assertThat(findings(broken, "KAP-L021")).containsExactly(tuple(WARNING, "phases[1].decision.instrument",
        "the decision at the end of phase induction judges response on the MADRS, which no session template in this phase or"
            + " an earlier one assesses: the decision can never be judged"));
    assertThat(findings(withScreenAssessing(broken, Instrument.MADRS), "KAP-L021")).isEmpty();
  }

  @Test
  void l021_stepBackOnAnInstrumentNotAssessed_fires() {
    ProtocolTemplate broken = LintFixtures.template().phases(List.of(LintFixtures.screeningPhase().build(),
        LintFixtures.inductionPhase().build(),
        LintFixtures.maintenancePhase().stepBack(LintFixtures.stepBack().instrument(Instrument.GAD7).build()).build())).build();

    assertThat(findings(broken, "KAP-L021")).containsExactly(tuple(WARNING, "phases[2].stepBack.instrument",
        "the step back of phase maintenance watches the GAD-7 total, which no session template in this phase or an earlier one"
            + " assesses: worsening can never be seen"));
    assertThat(findings(withScreenAssessing(broken, Instrument.GAD7), "KAP-L021")).isEmpty();
  }
}
