package org.kapsdk.core.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.kapsdk.core.lint.LintFixtures.d;
import static org.kapsdk.core.lint.LintFixtures.findings;
import static org.kapsdk.core.lint.LintFixtures.limit;
import static org.kapsdk.core.lint.LintSeverity.ERROR;
import static org.kapsdk.core.lint.LintSeverity.WARNING;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kapsdk.core.model.Code;
import org.kapsdk.core.model.CumulativeLimit;
import org.kapsdk.core.model.LimitPeriod;
import org.kapsdk.core.model.ProtocolTemplate;
import org.kapsdk.core.model.Repeat;
import org.kapsdk.core.model.SessionTemplate;
import org.kapsdk.core.model.Timing;

/** KAP-L022 to KAP-L024: cumulative limits against what the course plans. */
class LimitRulesTest {
  private static final String INDUCTION = "phases[1].sessions[0]";
  private static final String MAINTENANCE = "phases[2].sessions[0]";

  private static List<CumulativeLimit> limits(String day, String week, String course) {
    return List.of(limit(LimitPeriod.DAY, day), limit(LimitPeriod.WEEK, week), limit(LimitPeriod.COURSE, course));
  }

  private static SessionTemplate.Builder withLimits(SessionTemplate.Builder session, List<CumulativeLimit> limits) {
    return session.dosing(LintFixtures.dosing().cumulativeLimits(limits).build());
  }

  private static ProtocolTemplate template(List<CumulativeLimit> induction, List<CumulativeLimit> maintenance) {
    return LintFixtures.template().phases(List.of(LintFixtures.screeningPhase().build(),
        LintFixtures.inductionPhase(withLimits(LintFixtures.induction(), induction).build()).build(),
        LintFixtures.maintenancePhase(withLimits(LintFixtures.maintenance(), maintenance).build()).build())).build();
  }

  private static final List<CumulativeLimit> CLEAN = limits("84 mg", "168 mg", "1000 mg");

  @Test
  void l022_dayLimitBelowOneSessionsLeastDose_fires() {
    ProtocolTemplate broken = template(limits("50 mg", "168 mg", "1000 mg"), CLEAN);

    assertThat(findings(broken, "KAP-L022")).containsExactly(tuple(ERROR, INDUCTION + ".dosing.cumulativeLimits[0].maximum",
        "the DAY limit of 50 mg of dosing session induction-dose is below its least dose of 56 mg: the gate blocks every dose"));
    assertThat(findings(template(CLEAN, CLEAN), "KAP-L022")).isEmpty();
  }

  @Test
  void l022_weekLimitBelowWhatThePatternGivesIn7Days_fires() {
    ProtocolTemplate broken = template(limits("84 mg", "100 mg", "1000 mg"), limits("84 mg", "100 mg", "1000 mg"));

    assertThat(findings(broken, "KAP-L022")).containsExactly(tuple(ERROR, INDUCTION + ".dosing.cumulativeLimits[1].maximum",
        "the WEEK limit of 100 mg of dosing session induction-dose is below the 112 mg its pattern gives in 7 days at the least"
            + " dose (2 × 56 mg, 2 times a week): the gate blocks a planned dose every week"));
  }

  @Test
  void l022_countsRolling7DaysOnTheSchedulersTargets() {
    SessionTemplate every2Days = withLimits(LintFixtures.induction(), limits("84 mg", "168 mg", "1000 mg"))
        .repeat(Repeat.builder().every(d("2 d")).occurrences(8).build())
        .build();
    ProtocolTemplate broken = LintFixtures.template().phases(List.of(LintFixtures.screeningPhase().build(),
        LintFixtures.inductionPhase(every2Days).build(), LintFixtures.maintenancePhase().build())).build();

    assertThat(findings(broken, "KAP-L022")).extracting(t -> t.toList().get(2)).containsExactly(
        "the WEEK limit of 168 mg of dosing session induction-dose is below the 224 mg its pattern gives in 7 days at the least"
            + " dose (4 × 56 mg, every 2 d): the gate blocks a planned dose every week");
  }

  @Test
  void l023_courseLimitBelowOnePhase_fires() {
    ProtocolTemplate broken = template(limits("84 mg", "168 mg", "400 mg"), limits("84 mg", "168 mg", "400 mg"));

    assertThat(findings(broken, "KAP-L023")).containsExactly(
        tuple(ERROR, INDUCTION + ".dosing.cumulativeLimits[2].maximum",
            "the COURSE limit of 400 mg of dosing session induction-dose is below the 448 mg phase induction plans at the least"
                + " dose (8 × 56 mg): the gate stops the doses before the phase is given"),
        tuple(ERROR, MAINTENANCE + ".dosing.cumulativeLimits[2].maximum",
            "the COURSE limit of 400 mg of dosing session maintenance-dose is below the 448 mg phase induction plans at the least"
                + " dose (8 × 56 mg): the gate stops the doses before the phase is given"));
    assertThat(findings(template(CLEAN, CLEAN), "KAP-L023")).isEmpty();
  }

  @Test
  void l023_sumsTheSessionsOfOneMedicationInThePhase() {
    SessionTemplate booster = SessionTemplate.builder().from(withLimits(LintFixtures.induction(), CLEAN).build())
        .id("induction-booster").repeat(java.util.Optional.empty()).count(2)
        .timing(Timing.builder().addInterval(LintFixtures.interval("2 d", null)).build())
        .integrationSteps(List.of(LintFixtures.step("booster-integration").build()))
        .build();
    Code other = Code.of("urn:kapsdk:test:medication", "ketamine-iv", "Ketamine IV");
    SessionTemplate otherMedication = SessionTemplate.builder().from(booster).id("other-dose")
        .dosing(LintFixtures.dosing().medication(other).build())
        .integrationSteps(List.of(LintFixtures.step("other-integration").build()))
        .build();
    ProtocolTemplate broken = LintFixtures.template().phases(List.of(LintFixtures.screeningPhase().build(),
        LintFixtures.inductionPhase(withLimits(LintFixtures.induction(), limits("84 mg", "168 mg", "500 mg")).build(), booster,
            otherMedication).build(),
        LintFixtures.maintenancePhase().build())).build();

    assertThat(findings(broken, "KAP-L023")).extracting(t -> t.toList().get(2)).containsExactly(
        "the COURSE limit of 500 mg of dosing session induction-dose is below the 560 mg phase induction plans at the least"
            + " dose (8 × 56 mg + 2 × 56 mg): the gate stops the doses before the phase is given");
  }

  @Test
  void l023_leavesOutOpenEndedRepeats() {
    SessionTemplate openEnded = withLimits(LintFixtures.maintenance(), limits("84 mg", "168 mg", "500 mg"))
        .repeat(Repeat.builder().every(d("2 wk")).build()).build();
    ProtocolTemplate template = LintFixtures.template().phases(List.of(LintFixtures.screeningPhase().build(),
        LintFixtures.inductionPhase().build(), LintFixtures.maintenancePhase(openEnded).build())).build();

    assertThat(findings(template, "KAP-L023")).isEmpty();
    assertThat(findings(template, "KAP-L024")).isEmpty();
  }

  @Test
  void l024_courseLimitBelowThePhasesUpToTheSessionsOwn_warns() {
    ProtocolTemplate broken = template(limits("84 mg", "168 mg", "600 mg"), limits("84 mg", "168 mg", "600 mg"));

    assertThat(findings(broken, "KAP-L024")).containsExactly(tuple(WARNING, MAINTENANCE + ".dosing.cumulativeLimits[2].maximum",
        "the COURSE limit of 600 mg of dosing session maintenance-dose is below the 672 mg phases induction, maintenance plan at"
            + " the least dose: the gate stops the course before its planned end"));
    assertThat(findings(broken, "KAP-L023")).isEmpty();
    assertThat(findings(template(CLEAN, CLEAN), "KAP-L024")).isEmpty();
  }

  @Test
  void l024_reportedOnceByL023WhenOnePhaseAloneExceedsTheLimit() {
    ProtocolTemplate broken = template(CLEAN, limits("84 mg", "168 mg", "400 mg"));

    assertThat(findings(broken, "KAP-L023")).hasSize(1);
    assertThat(findings(broken, "KAP-L024")).isEmpty();
  }
}
