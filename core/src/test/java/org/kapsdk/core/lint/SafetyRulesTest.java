package org.kapsdk.core.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.kapsdk.core.lint.LintFixtures.d;
import static org.kapsdk.core.lint.LintFixtures.findings;
import static org.kapsdk.core.lint.LintFixtures.q;
import static org.kapsdk.core.lint.LintFixtures.rule;
import static org.kapsdk.core.lint.LintSeverity.ERROR;
import static org.kapsdk.core.lint.LintSeverity.WARNING;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.kapsdk.core.model.Codes;
import org.kapsdk.core.model.Comparator;
import org.kapsdk.core.model.DoseLimit;
import org.kapsdk.core.model.Gate;
import org.kapsdk.core.model.LimitPeriod;
import org.kapsdk.core.model.ProtocolTemplate;
import org.kapsdk.core.model.Rule;
import org.kapsdk.core.model.Severity;
import org.kapsdk.core.model.WeightBasedDose;

/** KAP-L001 to KAP-L006: the checks a patient meets before, at and after a dose. */
class SafetyRulesTest {
  private static final String INDUCTION = "phases[1].sessions[0]";
  private static final String MAINTENANCE = "phases[2].sessions[0]";

  @Test
  void l001_noBlockEligibilityRule_fires() {
    ProtocolTemplate broken = LintFixtures.template()
        .rules(LintFixtures.rulesWith(LintFixtures.ELIGIBILITY_RULE,
            Rule.builder().from(LintFixtures.rules().get(0)).severity(Severity.WARN).build()))
        .build();

    assertThat(findings(broken, "KAP-L001")).containsExactly(tuple(ERROR, "rules",
        "the template doses (dosing sessions induction-dose, maintenance-dose) but has no BLOCK rule at gate ELIGIBILITY:"
            + " nothing stops a contraindicated patient from starting the course"));
    assertThat(findings(LintFixtures.template().build(), "KAP-L001")).isEmpty();
  }

  @Test
  void l001_templateWithoutDosing_isNotConcerned() {
    ProtocolTemplate noDosing = LintFixtures.template()
        .phases(List.of(LintFixtures.screeningPhase().build()))
        .rules(List.of())
        .build();

    assertThat(findings(noDosing, "KAP-L001")).isEmpty();
  }

  @Test
  void l002_noPreDoseRule_firesForEachDosingSession() {
    ProtocolTemplate broken = LintFixtures.template()
        .rules(LintFixtures.rules().stream().filter(r -> r.gate() != Gate.PRE_DOSE).toList())
        .build();

    assertThat(findings(broken, "KAP-L002")).containsExactly(
        tuple(ERROR, INDUCTION + ".rules", "no PRE_DOSE rule applies to dosing session induction-dose (phase induction):"
            + " nothing about the patient is checked before a dose, only the dosing spec's limits"),
        tuple(ERROR, MAINTENANCE + ".rules", "no PRE_DOSE rule applies to dosing session maintenance-dose (phase maintenance):"
            + " nothing about the patient is checked before a dose, only the dosing spec's limits"));
  }

  @Test
  void l002_ruleLimitedToOnePhase_leavesTheOtherUnchecked() {
    List<Rule> rules = LintFixtures.rules().stream()
        .map(r -> r.gate() == Gate.PRE_DOSE ? Rule.builder().from(r).addPhase("induction").build() : r)
        .toList();

    assertThat(findings(LintFixtures.template().rules(rules).build(), "KAP-L002"))
        .extracting(t -> t.toList().get(1)).containsExactly(MAINTENANCE + ".rules");
  }

  @Test
  void l002_sessionLevelPreDoseRules_fix() {
    ProtocolTemplate withOwn = LintFixtures.template()
        .rules(LintFixtures.rules().stream().filter(r -> r.gate() != Gate.PRE_DOSE).toList())
        .phases(List.of(
            LintFixtures.screeningPhase().build(),
            LintFixtures.inductionPhase(LintFixtures.induction().addRule(ready("INDUCTION-READY")).build()).build(),
            LintFixtures.maintenancePhase(LintFixtures.maintenance().addRule(ready("MAINTENANCE-READY")).build()).build()))
        .build();

    assertThat(findings(withOwn, "KAP-L002")).isEmpty();
    assertThat(findings(withOwn, "KAP-L003")).isEmpty();
  }

  private static Rule ready(String id) {
    return rule(id, Severity.BLOCK, Gate.PRE_DOSE)
        .require(org.kapsdk.core.model.AttestationPresent.builder().attestation("ready").build())
        .build();
  }

  @Test
  void l003_preDoseRulesThatOnlyWarn_fire() {
    ProtocolTemplate broken = LintFixtures.template()
        .rules(LintFixtures.rulesWith(LintFixtures.SETTING_RULE,
            Rule.builder().from(LintFixtures.rules().get(LintFixtures.SETTING_RULE)).severity(Severity.WARN).build()))
        .build();

    assertThat(findings(broken, "KAP-L003")).containsExactly(
        tuple(WARNING, INDUCTION + ".rules", "none of the 2 PRE_DOSE rules that apply to dosing session induction-dose has"
            + " severity BLOCK: a failed or missing pre-dose check only warns, and only the dosing spec's limits can stop a dose"),
        tuple(WARNING, MAINTENANCE + ".rules", "none of the 2 PRE_DOSE rules that apply to dosing session maintenance-dose has"
            + " severity BLOCK: a failed or missing pre-dose check only warns, and only the dosing spec's limits can stop a dose"));
    assertThat(findings(LintFixtures.template().build(), "KAP-L003")).isEmpty();
  }

  @Test
  void l004_noDischargeRule_fires() {
    ProtocolTemplate broken = LintFixtures.template()
        .rules(LintFixtures.rules().stream().filter(r -> r.gate() != Gate.DISCHARGE).toList())
        .build();

    assertThat(findings(broken, "KAP-L004")).containsExactly(
        tuple(ERROR, INDUCTION + ".rules", "no DISCHARGE rule applies to dosing session induction-dose (phase induction):"
            + " nothing checks that the patient is fit to leave after the dose"),
        tuple(ERROR, MAINTENANCE + ".rules", "no DISCHARGE rule applies to dosing session maintenance-dose (phase maintenance):"
            + " nothing checks that the patient is fit to leave after the dose"));
    assertThat(findings(LintFixtures.template().build(), "KAP-L004")).isEmpty();
  }

  @Test
  void l005_noMaxPerSession_fires() {
    ProtocolTemplate broken = LintFixtures.withInduction(s -> s.dosing(LintFixtures.dosing().maxPerSession(Optional.empty()).build()));

    assertThat(findings(broken, "KAP-L005")).containsExactly(tuple(ERROR, INDUCTION + ".dosing.maxPerSession",
        "dosing session induction-dose has no per-session ceiling checked before the dose (no maxPerSession and no BLOCK"
            + " PRE_DOSE doseLimit for period SESSION): a mistyped planned dose passes the gate"));
  }

  @Test
  void l005_blockingSessionDoseLimitRule_fixes_aWarningOneDoesNot() {
    DoseLimit perSession = DoseLimit.builder().period(LimitPeriod.SESSION).maximum(q("84 mg")).build();
    ProtocolTemplate fixed = LintFixtures.withInduction(s -> s.dosing(LintFixtures.dosing().maxPerSession(Optional.empty()).build())
        .addRule(rule("MAX-84", Severity.BLOCK, Gate.PRE_DOSE).require(perSession).build()));
    ProtocolTemplate warnOnly = LintFixtures.withInduction(s -> s.dosing(LintFixtures.dosing().maxPerSession(Optional.empty()).build())
        .addRule(rule("MAX-84", Severity.WARN, Gate.PRE_DOSE).require(perSession).build()));

    assertThat(findings(fixed, "KAP-L005")).isEmpty();
    assertThat(findings(warnOnly, "KAP-L005")).hasSize(1);
  }

  private static ProtocolTemplate weightBased(Rule... sessionRules) {
    return LintFixtures.withInduction(s -> s
        .dosing(LintFixtures.dosing()
            .dose(WeightBasedDose.builder().perKg(q("0.5 mg/kg")).roundTo(q("1 mg")).cap(q("60 mg")).build())
            .allowedRange(Optional.empty()).titrationSteps(List.of()).maxPerSession(q("60 mg"))
            .build())
        .addRules(sessionRules));
  }

  @Test
  void l006_weightBasedDoseWithoutWeightCheck_fires() {
    assertThat(findings(weightBased(), "KAP-L006")).containsExactly(tuple(ERROR, INDUCTION + ".dosing.dose",
        "the dose of dosing session induction-dose is 0.5 mg/kg, but no BLOCK PRE_DOSE rule reads a recent body weight"
            + " (Body weight (29463-7)): the dose could be computed from a missing or outdated weight"));
  }

  @Test
  void l006_blockingWeightObservationOrMgPerKgLimit_fixes() {
    Rule weighed = rule("WEIGHED", Severity.BLOCK, Gate.PRE_DOSE)
        .require(LintFixtures.observation(Codes.BODY_WEIGHT, Comparator.GT, "30 kg")).build();
    Rule perKg = rule("PER-KG", Severity.BLOCK, Gate.PRE_DOSE)
        .require(DoseLimit.builder().period(LimitPeriod.SESSION).maximum(q("0.75 mg/kg")).weightMaxAge(d("1 d")).build())
        .build();
    Rule warnOnly = Rule.builder().from(weighed).severity(Severity.WARN).build();

    assertThat(findings(weightBased(weighed), "KAP-L006")).isEmpty();
    assertThat(findings(weightBased(perKg), "KAP-L006")).isEmpty();
    assertThat(findings(weightBased(warnOnly), "KAP-L006")).hasSize(1);
  }
}
