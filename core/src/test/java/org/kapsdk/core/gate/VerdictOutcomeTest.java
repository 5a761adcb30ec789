package org.kapsdk.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kapsdk.core.gate.GateTesting.compile;
import static org.kapsdk.core.gate.GateTesting.facts;
import static org.kapsdk.core.gate.GateTesting.request;
import static org.kapsdk.core.gate.GateTesting.rule;
import static org.kapsdk.core.gate.GateTesting.withRules;

import org.junit.jupiter.api.Test;
import org.kapsdk.core.facts.PatientFacts;
import org.kapsdk.core.facts.PregnancyStatus;
import org.kapsdk.core.model.Comparator;
import org.kapsdk.core.model.Condition;
import org.kapsdk.core.model.Gate;
import org.kapsdk.core.model.PatientAge;
import org.kapsdk.core.model.Pregnancy;
import org.kapsdk.core.model.Rule;
import org.kapsdk.core.model.Severity;

/**
 * How findings combine into a verdict, fail-closed. The rules: ADULT requires age >= 18 (PASS at
 * 30, FAIL at 16, UNKNOWN without an age); NOT_PREGNANT forbids pregnancy.
 */
class VerdictOutcomeTest {

  private static final Condition ADULT = PatientAge.builder().comparator(Comparator.GE).years(18).build();
  private static final Condition PREGNANT = Pregnancy.builder().build();

  private static Rule adult(String id, Severity severity) {
    return rule(id, Gate.ELIGIBILITY).severity(severity).require(ADULT).build();
  }

  private static Verdict eligibility(PatientFacts facts, Rule... rules) {
    return compile(withRules(rules)).evaluate(request(Gate.ELIGIBILITY, facts).build());
  }

  private static final PatientFacts AGE_30 = facts().ageYears(30).pregnancy(PregnancyStatus.NEITHER).build();
  private static final PatientFacts AGE_16 = facts().ageYears(16).pregnancy(PregnancyStatus.NEITHER).build();
  private static final PatientFacts AGE_UNKNOWN = facts().pregnancy(PregnancyStatus.NEITHER).build();

  @Test
  void block_unknown_blocks() {
    Verdict v = eligibility(AGE_UNKNOWN, adult("A", Severity.BLOCK));

    assertThat(v.outcome()).isEqualTo(VerdictOutcome.BLOCKED);
    assertThat(v.blockingFindings()).extracting(Finding::ruleId).containsExactly("A");
  }

  @Test
  void block_fail_blocks() {
    assertThat(eligibility(AGE_16, adult("A", Severity.BLOCK)).outcome()).isEqualTo(VerdictOutcome.BLOCKED);
  }

  @Test
  void block_pass_proceeds() {
    Verdict v = eligibility(AGE_30, adult("A", Severity.BLOCK));

    assertThat(v.outcome()).isEqualTo(VerdictOutcome.PROCEED);
    assertThat(v.blockingFindings()).isEmpty();
  }

  @Test
  void warn_fail_proceedsWithWarnings() {
    assertThat(eligibility(AGE_16, adult("A", Severity.WARN)).outcome()).isEqualTo(VerdictOutcome.PROCEED_WITH_WARNINGS);
  }

  @Test
  void warn_unknown_proceedsWithWarnings() {
    assertThat(eligibility(AGE_UNKNOWN, adult("A", Severity.WARN)).outcome())
        .isEqualTo(VerdictOutcome.PROCEED_WITH_WARNINGS);
  }

  @Test
  void info_fail_proceeds() {
    Verdict v = eligibility(AGE_16, adult("A", Severity.INFO));

    assertThat(v.outcome()).isEqualTo(VerdictOutcome.PROCEED);
    assertThat(v.finding("A").orElseThrow().outcome()).isEqualTo(Outcome.FAIL);
  }

  @Test
  void info_unknown_proceeds() {
    assertThat(eligibility(AGE_UNKNOWN, adult("A", Severity.INFO)).outcome()).isEqualTo(VerdictOutcome.PROCEED);
  }

  @Test
  void allRulesPass_proceeds() {
    Verdict v = eligibility(AGE_30, adult("A", Severity.BLOCK), adult("B", Severity.WARN),
        rule("C", Gate.ELIGIBILITY).forbid(PREGNANT).build());

    assertThat(v.outcome()).isEqualTo(VerdictOutcome.PROCEED);
    assertThat(v.findings()).extracting(Finding::outcome).containsOnly(Outcome.PASS);
  }

  @Test
  void noRulesAtGate_proceedsWithNoFindings() {
    Verdict v = eligibility(AGE_30);

    assertThat(v.outcome()).isEqualTo(VerdictOutcome.PROCEED);
    assertThat(v.findings()).isEmpty();
  }

  @Test
  void blockFailAmongWarnings_blocks() {
    Verdict v = eligibility(AGE_16, adult("W", Severity.WARN), adult("B", Severity.BLOCK), adult("I", Severity.INFO));

    assertThat(v.outcome()).isEqualTo(VerdictOutcome.BLOCKED);
    assertThat(v.blockingFindings()).extracting(Finding::ruleId).containsExactly("B");
  }

  @Test
  void findings_onePerRuleInTemplateOrder() {
    Verdict v = eligibility(AGE_30, adult("Z", Severity.INFO), adult("A", Severity.BLOCK), adult("M", Severity.WARN));

    assertThat(v.findings()).extracting(Finding::ruleId).containsExactly("Z", "A", "M");
  }

  @Test
  void forbid_conditionHolds_fails() {
    Verdict v = eligibility(facts().pregnancy(PregnancyStatus.PREGNANT).build(),
        rule("P", Gate.ELIGIBILITY).forbid(PREGNANT).build());

    assertThat(v.finding("P").orElseThrow().outcome()).isEqualTo(Outcome.FAIL);
  }

  @Test
  void forbid_conditionDoesNotHold_passes() {
    Verdict v = eligibility(AGE_30, rule("P", Gate.ELIGIBILITY).forbid(PREGNANT).build());

    assertThat(v.finding("P").orElseThrow().outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void forbid_conditionUnknown_isUnknownAndBlocks() {
    Verdict v = eligibility(facts().build(), rule("P", Gate.ELIGIBILITY).forbid(PREGNANT).build());

    assertThat(v.finding("P").orElseThrow().outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(v.outcome()).isEqualTo(VerdictOutcome.BLOCKED);
  }

  @Test
  void require_conditionDoesNotHold_fails() {
    Verdict v = eligibility(facts().pregnancy(PregnancyStatus.NEITHER).build(),
        rule("P", Gate.ELIGIBILITY).require(PREGNANT).build());

    assertThat(v.finding("P").orElseThrow().outcome()).isEqualTo(Outcome.FAIL);
  }

  @Test
  void gateRules_onlyRulesOfTheRequestedGate() {
    Verdict v = compile(withRules(adult("E", Severity.BLOCK), rule("C", Gate.COURSE).require(ADULT).build()))
        .evaluate(request(Gate.COURSE, AGE_UNKNOWN).build());

    assertThat(v.findings()).extracting(Finding::ruleId).containsExactly("C");
  }

  @Test
  void verdict_carriesGateInstantAndTemplate() {
    Verdict v = eligibility(AGE_30, adult("A", Severity.BLOCK));

    assertThat(v.gate()).isEqualTo(Gate.ELIGIBILITY);
    assertThat(v.at()).isEqualTo(GateTesting.T0);
    assertThat(v.templateId()).isEqualTo("gate-test");
    assertThat(v.templateVersion()).isEqualTo("1.0.0");
  }
}
