package org.kapsdk.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.kapsdk.core.gate.GateTesting.KETAMINE;
import static org.kapsdk.core.gate.GateTesting.admin;
import static org.kapsdk.core.gate.GateTesting.ago;
import static org.kapsdk.core.gate.GateTesting.assertProblems;
import static org.kapsdk.core.gate.GateTesting.compile;
import static org.kapsdk.core.gate.GateTesting.current;
import static org.kapsdk.core.gate.GateTesting.d;
import static org.kapsdk.core.gate.GateTesting.facts;
import static org.kapsdk.core.gate.GateTesting.preDose;
import static org.kapsdk.core.gate.GateTesting.q;
import static org.kapsdk.core.gate.GateTesting.request;
import static org.kapsdk.core.gate.GateTesting.sessionRecord;
import static org.kapsdk.core.gate.GateTesting.withRules;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kapsdk.core.facts.PatientFacts;
import org.kapsdk.core.facts.SessionRecord;
import org.kapsdk.core.model.Gate;
import org.kapsdk.core.model.Severity;

/**
 * The limits the gate derives from the dosing spec of {@code dose}: 84 mg per session, 84 mg per
 * day, 168 mg per week and 1000 mg per course, all BLOCK and never overridable.
 */
class DerivedDoseLimitTest {

  private static final SafetyGate GATE = compile(withRules());

  private static SessionRecord earlier(String id, String ago, String amount) {
    return sessionRecord(id, "dose", ago(ago)).end(ago(ago).plus(d("2 h"))).addAdministrations(admin(amount, ago(ago))).build();
  }

  private static Verdict plan(String planned, PatientFacts facts) {
    return GATE.evaluate(preDose(facts).plannedDose(q(planned)).build());
  }

  @Test
  void ruleSeverities_listDerivedLimitsAsBlock() {
    assertThat(GATE.ruleSeverities()).containsExactly(
        Map.entry("dose#maxPerSession", Severity.BLOCK),
        Map.entry("dose#cumulative-DAY", Severity.BLOCK),
        Map.entry("dose#cumulative-WEEK", Severity.BLOCK),
        Map.entry("dose#cumulative-COURSE", Severity.BLOCK));
  }

  @Test
  void withinEveryLimit_proceeds() {
    Verdict v = plan("56 mg", facts().addSessions(current(), earlier("s-1", "3 d", "84 mg")).build());

    assertThat(v.outcome()).isEqualTo(VerdictOutcome.PROCEED);
    assertThat(v.findings()).extracting(Finding::ruleId, Finding::outcome).containsExactly(
        tuple("dose#maxPerSession", Outcome.PASS),
        tuple("dose#cumulative-DAY", Outcome.PASS),
        tuple("dose#cumulative-WEEK", Outcome.PASS),
        tuple("dose#cumulative-COURSE", Outcome.PASS));
  }

  @Test
  void maxPerSession_exceeded_blocks() {
    Verdict v = plan("56 mg", facts().addSessions(current(admin("56 mg", ago("10 min")))).build());

    assertThat(v.outcome()).isEqualTo(VerdictOutcome.BLOCKED);
    Finding f = v.finding("dose#maxPerSession").orElseThrow();
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message())
        .isEqualTo("The planned dose brings this session's total to 112 mg, above the dosing spec's maximum of 84 mg per session");
  }

  @Test
  void cumulativeDay_exceeded_blocks() {
    Verdict v = plan("56 mg", facts().addSessions(current(), earlier("s-1", "20 h", "56 mg")).build());

    assertThat(v.blockingFindings()).extracting(Finding::ruleId).containsExactly("dose#cumulative-DAY");
    assertThat(v.finding("dose#cumulative-DAY").orElseThrow().message())
        .isEqualTo("The planned dose brings the total to 112 mg, above the dosing spec's limit of 84 mg per day");
  }

  @Test
  void cumulativeWeek_exceeded_blocks() {
    Verdict v = plan("84 mg", facts().addSessions(current(), earlier("s-1", "3 d", "84 mg"), earlier("s-2", "6 d", "56 mg"))
        .build());

    assertThat(v.blockingFindings()).extracting(Finding::ruleId).containsExactly("dose#cumulative-WEEK");
    assertThat(v.finding("dose#cumulative-WEEK").orElseThrow().message())
        .isEqualTo("The planned dose brings the total to 224 mg, above the dosing spec's limit of 168 mg per week");
  }

  @Test
  void cumulativeCourse_exceeded_blocks() {
    PatientFacts.Builder facts = facts().addSessions(current());
    for (int i = 1; i <= 12; i++) {
      facts.addSessions(earlier("s-" + i, (7 * i) + " d", "84 mg"));
    }

    Verdict v = plan("56 mg", facts.build());

    assertThat(v.blockingFindings()).extracting(Finding::ruleId).containsExactly("dose#cumulative-COURSE");
    assertThat(v.finding("dose#cumulative-COURSE").orElseThrow().message())
        .isEqualTo("The planned dose brings the total to 1064 mg, above the dosing spec's limit of 1000 mg per course");
  }

  @Test
  void plannedDoseMissing_blocks() {
    Verdict v = GATE.evaluate(request(Gate.PRE_DOSE, facts().addSessions(current()).build()).session("s-now").build());

    assertThat(v.outcome()).isEqualTo(VerdictOutcome.BLOCKED);
    assertThat(v.findings()).extracting(Finding::outcome).containsOnly(Outcome.UNKNOWN);
  }

  @Test
  void derivedLimit_isNotOverridable() {
    ClinicianOverride o = ClinicianOverride.builder().ruleId("dose#maxPerSession").clinicianId("staff-19")
        .role("prescriber").reason("Titration").at(ago("1 min")).session("s-now").build();

    assertProblems(() -> GATE.evaluate(preDose(facts().addSessions(current(admin("56 mg", ago("10 min")))).build())
            .addOverrides(o).build()))
        .containsExactly(tuple("overrides[0].ruleId", "rule 'dose#maxPerSession' is not overridable"));
  }

  @Test
  void derivedLimit_hasNoAuthoredRuleAndNoEvidence() {
    Finding f = plan("56 mg", facts().addSessions(current()).build()).finding("dose#maxPerSession").orElseThrow();

    assertThat(f.rule()).isEmpty();
    assertThat(f.evidence()).isEmpty();
    assertThat(f.threshold()).isEqualTo("must hold: at most 84 mg in this session");
  }

  @Test
  void derivedLimit_countsOnlyTheSpecMedication() {
    SessionRecord other = sessionRecord("s-1", "dose", ago("5 h")).end(ago("4 h"))
        .addAdministrations(GateTesting.admin("56 mg", ago("5 h"), KETAMINE)).build();

    Verdict v = plan("56 mg", facts().addSessions(current(), other).build());

    assertThat(v.finding("dose#cumulative-DAY").orElseThrow().outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void derivedLimit_notEvaluatedAtDischarge() {
    Verdict v = GATE.evaluate(request(Gate.DISCHARGE, facts().addSessions(current(admin("84 mg", ago("10 min")))).build())
        .session("s-now").build());

    assertThat(v.findings()).isEmpty();
  }
}
