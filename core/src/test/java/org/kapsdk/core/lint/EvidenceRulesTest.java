package org.kapsdk.core.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.kapsdk.core.lint.LintFixtures.findings;
import static org.kapsdk.core.lint.LintSeverity.WARNING;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kapsdk.core.model.AttestationPresent;
import org.kapsdk.core.model.Evidence;
import org.kapsdk.core.model.Gate;
import org.kapsdk.core.model.Instrument;
import org.kapsdk.core.model.OutcomeDefinition;
import org.kapsdk.core.model.ProtocolTemplate;
import org.kapsdk.core.model.Rule;
import org.kapsdk.core.model.Severity;

/** KAP-L025 and KAP-L026: where the numbers come from. */
class EvidenceRulesTest {

  private static ProtocolTemplate.Builder withDecisionAndStepBack(List<String> decisionEvidence, List<String> stepBackEvidence) {
    return LintFixtures.template().phases(List.of(LintFixtures.screeningPhase().build(),
        LintFixtures.inductionPhase().decision(LintFixtures.decision().evidence(decisionEvidence).build()).build(),
        LintFixtures.maintenancePhase().stepBack(LintFixtures.stepBack().evidence(stepBackEvidence).build()).build()));
  }

  private static OutcomeDefinition madrs(String... evidence) {
    return OutcomeDefinition.builder().instrument(Instrument.MADRS).responseDropPercent(50).remissionAtMost(12)
        .addEvidence(evidence).build();
  }

  @Test
  void l025_decisionStepBackAndOutcomeWithoutEvidence_fire() {
    ProtocolTemplate broken = withDecisionAndStepBack(List.of(), List.of()).addOutcome(madrs()).build();

    assertThat(findings(broken, "KAP-L025")).containsExactly(
        tuple(WARNING, "outcomes[0].evidence", "the MADRS outcome definition (response: a drop of 50%, remission: at most 12)"
            + " cites no evidence: its numbers have no source"),
        tuple(WARNING, "phases[1].decision.evidence", "the decision at the end of phase induction cites no evidence: reviewers"
            + " cannot see where judging response on the PHQ-9 at this point comes from"),
        tuple(WARNING, "phases[2].stepBack.evidence", "the step back of phase maintenance (a rise of 5 points on the PHQ-9 total)"
            + " cites no evidence: the number has no source"));
    ProtocolTemplate fixed = withDecisionAndStepBack(List.of("label"), List.of("label")).addOutcome(madrs("label")).build();
    assertThat(findings(fixed, "KAP-L025")).isEmpty();
  }

  @Test
  void l025_outcomeWithoutNumbersNeedsNoEvidence() {
    ProtocolTemplate template = LintFixtures.template()
        .addOutcome(OutcomeDefinition.builder().instrument(Instrument.PHQ9).build()).build();

    assertThat(findings(template, "KAP-L025")).isEmpty();
  }

  private static Rule cites(Rule rule, String... keys) {
    return Rule.builder().from(rule).evidence(List.of(keys)).build();
  }

  @Test
  void l026_unconfirmedEvidenceBehindABlockRuleOrANumber_warns() {
    List<Rule> rules = LintFixtures.rulesWith(LintFixtures.SETTING_RULE,
        cites(LintFixtures.rules().get(LintFixtures.SETTING_RULE), "label", "policy"));
    rules = new java.util.ArrayList<>(rules);
    rules.set(LintFixtures.BP_RULE, cites(rules.get(LintFixtures.BP_RULE), "policy"));
    rules.add(LintFixtures.rule("TRANSPORT", Severity.WARN, Gate.DISCHARGE).evidence(List.of("policy"))
        .require(AttestationPresent.builder().attestation("transport-arranged").build()).build());
    ProtocolTemplate broken = withDecisionAndStepBack(List.of("policy"), List.of("policy"))
        .rules(rules).addOutcome(madrs("label", "policy")).build();

    assertThat(findings(broken, "KAP-L026")).containsExactly(
        tuple(WARNING, "outcomes[0].evidence[1]", "the MADRS outcome definition cites evidence policy, which is not confirmed:"
            + " its numbers (response: a drop of 50%, remission: at most 12) rest on a placeholder source"),
        tuple(WARNING, "phases[2].stepBack.evidence[0]", "the step back of phase maintenance cites evidence policy, which is not"
            + " confirmed: its number (a rise of 5 points on the PHQ-9 total) rests on a placeholder source"),
        tuple(WARNING, "rules[1].evidence[1]", "BLOCK rule SETTING-READY cites evidence policy, which is not confirmed: a hard"
            + " stop rests on a placeholder source"),
        tuple(WARNING, "rules[2].evidence[0]", "rule BP-PRE cites evidence policy, which is not confirmed: its threshold rests on"
            + " a placeholder source"));

    ProtocolTemplate confirmed = ProtocolTemplate.builder().from(broken)
        .evidence(List.of(LintFixtures.label(), Evidence.builder().from(LintFixtures.policy()).confirmed(true).build()))
        .build();
    assertThat(findings(confirmed, "KAP-L026")).isEmpty();
  }
}
