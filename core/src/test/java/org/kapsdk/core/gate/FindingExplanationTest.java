package org.kapsdk.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kapsdk.core.gate.GateTesting.RULE;
import static org.kapsdk.core.gate.GateTesting.ago;
import static org.kapsdk.core.gate.GateTesting.compile;
import static org.kapsdk.core.gate.GateTesting.current;
import static org.kapsdk.core.gate.GateTesting.d;
import static org.kapsdk.core.gate.GateTesting.facts;
import static org.kapsdk.core.gate.GateTesting.q;
import static org.kapsdk.core.gate.GateTesting.request;
import static org.kapsdk.core.gate.GateTesting.rule;
import static org.kapsdk.core.gate.GateTesting.sessionRecord;
import static org.kapsdk.core.gate.GateTesting.systolic;
import static org.kapsdk.core.gate.GateTesting.withDoseRules;
import static org.kapsdk.core.gate.GateTesting.withRules;

import org.junit.jupiter.api.Test;
import org.kapsdk.core.facts.PatientFacts;
import org.kapsdk.core.model.Codes;
import org.kapsdk.core.model.Comparator;
import org.kapsdk.core.model.Gate;
import org.kapsdk.core.model.MonitoringElapsed;
import org.kapsdk.core.model.ObservationThreshold;
import org.kapsdk.core.model.PatientAge;
import org.kapsdk.core.model.ProtocolTemplate;
import org.kapsdk.core.model.Rule;
import org.kapsdk.core.model.Severity;

class FindingExplanationTest {

  private static final String FAILURE = "Systolic {value} measured at {measuredAt} is above {threshold}";

  private static final ObservationThreshold SYSTOLIC_ABOVE_140 = ObservationThreshold.builder().code(Codes.SYSTOLIC_BP)
      .comparator(Comparator.GT).value(q("140 mmHg")).maxAge(d("1 h")).build();

  private static final Rule BP_RULE = rule(RULE, Gate.ELIGIBILITY).message(FAILURE).addEvidence("REMS")
      .forbid(SYSTOLIC_ABOVE_140).build();

  private static Finding bp(PatientFacts facts) {
    return compile(withRules(BP_RULE)).evaluate(request(Gate.ELIGIBILITY, facts).build()).finding(RULE).orElseThrow();
  }

  @Test
  void fail_messageFillsValueMeasuredAtAndThreshold() {
    Finding f = bp(facts().addObservations(systolic("152 mmHg", ago("5 min"))).build());

    assertThat(f.message()).isEqualTo("Systolic 152 mmHg measured at 2026-01-05T08:55:00Z is above 140 mmHg");
  }

  @Test
  void fail_messageWithElapsedAndMissingPlaceholders_fillsThem() {
    Rule r = rule(RULE, Gate.DISCHARGE).message("Monitored {elapsed} of {threshold}; missing: {missing}")
        .require(MonitoringElapsed.builder().atLeast(d("2 h")).build()).build();
    PatientFacts facts = facts().addSessions(current(GateTesting.admin("56 mg", ago("25 min")))).build();

    Finding f = compile(withDoseRules(r)).evaluate(request(Gate.DISCHARGE, facts).session("s-now").build())
        .finding(RULE).orElseThrow();

    assertThat(f.message()).isEqualTo("Monitored 25 min of 2 h; missing: (nothing)");
  }

  @Test
  void fail_factsUsedCarryLabelValueAndTime() {
    Finding f = bp(facts().addObservations(systolic("152 mmHg", ago("5 min"))).build());

    assertThat(f.factsUsed()).singleElement().satisfies(u -> {
      assertThat(u.label()).isEqualTo("Systolic blood pressure");
      assertThat(u.value()).isEqualTo("152 mmHg");
      assertThat(u.at()).contains(ago("5 min"));
      assertThat(u).hasToString("Systolic blood pressure 152 mmHg at 2026-01-05T08:55:00Z");
    });
  }

  @Test
  void fail_noMissingFacts() {
    assertThat(bp(facts().addObservations(systolic("152 mmHg", ago("5 min"))).build()).missingFacts()).isEmpty();
  }

  @Test
  void threshold_describesTheRuleInWords() {
    Finding f = bp(facts().build());

    assertThat(f.threshold()).isEqualTo("must not hold: Systolic blood pressure > 140 mmHg (reading within 1 h)");
  }

  @Test
  void unknown_messageNamesMissingFactsAndNeverTheFailureWording() {
    Finding f = bp(facts().build());

    assertThat(f.message()).isEqualTo("Cannot be evaluated, missing: Systolic blood pressure reading. The rule checks "
        + "that it does not hold: Systolic blood pressure > 140 mmHg (reading within 1 h)");
    assertThat(f.message()).doesNotContain("is above");
  }

  @Test
  void unknown_staleReadingMessageSaysHowOld() {
    Finding f = bp(facts().addObservations(systolic("152 mmHg", ago("3 h"))).build());

    assertThat(f.message()).startsWith("Cannot be evaluated, missing: Systolic blood pressure reading no older than 1 h "
        + "(latest is 3 h old).");
    assertThat(f.factsUsed()).isEmpty();
  }

  @Test
  void unknown_ofRequireRule_saysItHolds() {
    Rule adult = rule(RULE, Gate.ELIGIBILITY).require(PatientAge.builder().comparator(Comparator.GE).years(18).build()).build();

    Finding f = compile(withRules(adult)).evaluate(request(Gate.ELIGIBILITY, facts().build()).build())
        .finding(RULE).orElseThrow();

    assertThat(f.message()).isEqualTo("Cannot be evaluated, missing: age. The rule checks that it holds: age >= 18 years");
  }

  @Test
  void pass_messageNamesTheFactsAndNeverTheFailureWording() {
    Finding f = bp(facts().addObservations(systolic("120 mmHg", ago("5 min"))).build());

    assertThat(f.message()).isEqualTo("Passed: Systolic blood pressure 120 mmHg at 2026-01-05T08:55:00Z");
  }

  @Test
  void pass_noMissingFacts() {
    assertThat(bp(facts().addObservations(systolic("120 mmHg", ago("5 min"))).build()).missingFacts()).isEmpty();
  }

  @Test
  void evidence_entriesAreResolvedInRuleOrder() {
    Finding f = bp(facts().build());

    assertThat(f.evidence()).containsExactly(GateTesting.label(), GateTesting.rems());
  }

  @Test
  void finding_exposesRuleSeverityAndGate() {
    Finding f = bp(facts().build());

    assertThat(f.rule()).contains(BP_RULE);
    assertThat(f.severity()).isEqualTo(Severity.BLOCK);
    assertThat(f.gate()).isEqualTo(Gate.ELIGIBILITY);
  }

  @Test
  void finding_toStringShowsIdOutcomeAndMessage() {
    Finding f = bp(facts().addObservations(systolic("152 mmHg", ago("5 min"))).build());

    assertThat(f).hasToString("R-1 FAIL: Systolic 152 mmHg measured at 2026-01-05T08:55:00Z is above 140 mmHg");
  }

  @Test
  void verdict_toStringListsFindingsThatDidNotPass() {
    Rule adult = rule("ADULT", Gate.ELIGIBILITY).require(PatientAge.builder().comparator(Comparator.GE).years(18).build()).build();

    Verdict v = compile(withRules(BP_RULE, adult)).evaluate(request(Gate.ELIGIBILITY, facts().ageYears(40)
        .addObservations(systolic("152 mmHg", ago("5 min"))).build()).build());

    assertThat(v).hasToString("ELIGIBILITY BLOCKED\n  R-1 FAIL: Systolic 152 mmHg measured at 2026-01-05T08:55:00Z is above 140 mmHg");
  }

  @Test
  void notApplicable_ruleLimitedToOtherPhase() {
    Rule screeningOnly = rule(RULE, Gate.PRE_DOSE).addPhase("screening").forbid(SYSTOLIC_ABOVE_140).build();
    ProtocolTemplate t = withDoseRules(screeningOnly);

    Verdict v = compile(t).evaluate(GateTesting.preDose(facts().addSessions(current()).build()).build());

    Finding f = v.finding(RULE).orElseThrow();
    assertThat(f.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    assertThat(f.message()).isEqualTo("Not applicable in this phase");
    assertThat(f.factsUsed()).isEmpty();
    assertThat(v.outcome()).isEqualTo(VerdictOutcome.PROCEED);
  }

  @Test
  void notApplicable_phaseLimitedRuleInItsPhase_isEvaluated() {
    Rule inductionOnly = rule(RULE, Gate.PRE_DOSE).addPhase("induction").forbid(SYSTOLIC_ABOVE_140).build();

    Verdict v = compile(withDoseRules(inductionOnly)).evaluate(GateTesting.preDose(facts().addSessions(current()).build()).build());

    assertThat(v.finding(RULE).orElseThrow().outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(v.outcome()).isEqualTo(VerdictOutcome.BLOCKED);
  }

  @Test
  void notApplicable_withoutSessionsPhaseIsTheFirstPhase() {
    Rule inductionOnly = rule(RULE, Gate.COURSE).addPhase("induction").forbid(SYSTOLIC_ABOVE_140).build();

    Finding f = compile(withRules(inductionOnly)).evaluate(request(Gate.COURSE, facts().build()).build())
        .finding(RULE).orElseThrow();

    assertThat(f.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
  }

  @Test
  void notApplicable_withoutCurrentSessionPhaseIsThatOfTheLatestSessionStarted() {
    Rule inductionOnly = rule(RULE, Gate.COURSE).addPhase("induction").forbid(SYSTOLIC_ABOVE_140).build();
    PatientFacts facts = facts().addSessions(
        sessionRecord("sc-1", "screen", ago("10 d")).end(ago("10 d")).build(),
        sessionRecord("s-1", "dose", ago("3 d")).end(ago("3 d")).build()).build();

    Finding f = compile(withRules(inductionOnly)).evaluate(request(Gate.COURSE, facts).build()).finding(RULE).orElseThrow();

    assertThat(f.outcome()).isEqualTo(Outcome.UNKNOWN);
  }
}
