package org.kapsdk.core.lint;

import static org.kapsdk.core.lint.LintSeverity.ERROR;
import static org.kapsdk.core.lint.LintSeverity.INFO;
import static org.kapsdk.core.lint.LintSeverity.WARNING;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.kapsdk.core.model.ProtocolTemplate;

/**
 * The clinical-safety linter: checks a structurally valid template for what is clinically
 * inconsistent (a dosing session without post-dose monitoring, an interval no calendar can keep,
 * a rule reading an observation nobody takes, a cumulative limit lower than one induction…) and
 * reports it. Medication-agnostic, pure and deterministic: the same template always gives an
 * equal report, and linting never throws on a template that {@code build()} accepted.
 *
 * <pre>{@code
 * LintReport report = Linter.lint(template);
 * if (report.hasErrors()) {
 *   report.findings().forEach(f -> System.out.println(f.describe()));
 * }
 * }</pre>
 *
 * <p>The rules are a closed registry ({@link #rules()}), each with a stable id
 * ({@code KAP-L001}…), a severity and a title; {@code core/README.md} and {@code cli/README.md}
 * list them. There is no way to silence a finding: see the package documentation.
 */
public final class Linter {
  private static final List<BuiltInRule> RULES = List.of(
      new BuiltInRule("KAP-L001", ERROR, "the template doses but no BLOCK rule guards ELIGIBILITY",
          SafetyChecks::noEligibilityBlock),
      new BuiltInRule("KAP-L002", ERROR, "a dosing session that no PRE_DOSE rule applies to",
          SafetyChecks::noPreDoseRule),
      new BuiltInRule("KAP-L003", WARNING, "a dosing session whose PRE_DOSE rules include no BLOCK rule",
          SafetyChecks::noPreDoseBlock),
      new BuiltInRule("KAP-L004", ERROR, "a dosing session that no DISCHARGE rule applies to",
          SafetyChecks::noDischargeRule),
      new BuiltInRule("KAP-L005", ERROR, "a dosing session with no per-session dose ceiling checked before the dose",
          SafetyChecks::noDoseCeiling),
      new BuiltInRule("KAP-L006", ERROR, "a weight-based dose with no BLOCK PRE_DOSE rule reading a recent body weight",
          SafetyChecks::weightDoseWithoutWeight),
      new BuiltInRule("KAP-L007", ERROR, "a dosing session with no monitoring plan",
          MonitoringChecks::noMonitoring),
      new BuiltInRule("KAP-L008", ERROR, "monitoring that may end before a DISCHARGE rule's required elapsed time",
          MonitoringChecks::monitoringShorterThanRule),
      new BuiltInRule("KAP-L009", WARNING, "a dosing session booked for less time than its monitoring lasts",
          MonitoringChecks::sessionShorterThanMonitoring),
      new BuiltInRule("KAP-L010", WARNING, "an in-session rule or endsWhen reading an observation the session's monitoring does not take",
          MonitoringChecks::observationNotMonitored),
      new BuiltInRule("KAP-L011", INFO, "an eligibility, pre-dose or course rule reading an observation no monitoring plan takes",
          MonitoringChecks::observationNotScheduled),
      new BuiltInRule("KAP-L012", WARNING, "a rule reading an assessment on an instrument no session assesses",
          MonitoringChecks::assessmentNotScheduled),
      new BuiltInRule("KAP-L013", WARNING, "a dosing session with no integration step",
          IntegrationChecks::noIntegrationStep),
      new BuiltInRule("KAP-L014", WARNING, "an integration step that cannot be done before the next dose of its session",
          IntegrationChecks::stepAfterNextDose),
      new BuiltInRule("KAP-L015", INFO, "an integration step whose window reaches past the next dose of its session",
          IntegrationChecks::stepOverlapsNextDose),
      new BuiltInRule("KAP-L016", ERROR, "a minimum interval above a maximum interval after the same kind of session",
          ScheduleChecks::intervalMinAboveMax),
      new BuiltInRule("KAP-L017", WARNING, "a repeat pattern whose spacing breaks the session's own interval",
          ScheduleChecks::repeatBreaksInterval),
      new BuiltInRule("KAP-L018", ERROR, "a weekly repeat whose sessions cannot fit its weeks at the session's own minimum interval",
          ScheduleChecks::repeatCannotFit),
      new BuiltInRule("KAP-L019", ERROR, "no plan exists even on a calendar open every day",
          ScheduleChecks::unplannable),
      new BuiltInRule("KAP-L020", WARNING, "a phase that can never be entered",
          ScheduleChecks::phaseUnreachable),
      new BuiltInRule("KAP-L021", WARNING, "a decision point or step back on an instrument no session in or before its phase assesses",
          ScheduleChecks::decisionInstrumentNotAssessed),
      new BuiltInRule("KAP-L022", ERROR, "a DAY or WEEK limit below what the session's pattern gives at the least dose",
          LimitChecks::periodLimitBelowPattern),
      new BuiltInRule("KAP-L023", ERROR, "a COURSE limit below what one phase plans at the least dose",
          LimitChecks::courseLimitBelowPhase),
      new BuiltInRule("KAP-L024", WARNING, "a COURSE limit below what the phases up to the session's own plan at the least dose",
          LimitChecks::courseLimitBelowCourse),
      new BuiltInRule("KAP-L025", WARNING, "a decision point, step back or outcome definition that cites no evidence",
          EvidenceChecks::numberWithoutEvidence),
      new BuiltInRule("KAP-L026", WARNING, "unconfirmed evidence cited by a BLOCK rule or behind a clinical number",
          EvidenceChecks::unconfirmedEvidence),
      new BuiltInRule("KAP-L027", ERROR, "a group dosing session with no maxParticipants",
          GroupChecks::dosingGroupWithoutLimit));

  private Linter() {}

  /**
   * Lints a template: every rule of the registry, the findings sorted by path, then id, then
   * message.
   */
  public static LintReport lint(ProtocolTemplate template) {
    Objects.requireNonNull(template, "template");
    TemplateIndex index = TemplateIndex.of(template);
    List<LintFinding> findings = new ArrayList<>();
    for (BuiltInRule rule : RULES) {
      findings.addAll(rule.check(index));
    }
    return LintReport.of(findings);
  }

  /** Every lint rule, in id order. */
  public static List<LintRule> rules() {
    return List.copyOf(RULES);
  }

  /** The lint rule with the id, if there is one. */
  public static Optional<LintRule> rule(String id) {
    return RULES.stream().filter(r -> r.id().equals(id)).map(LintRule.class::cast).findFirst();
  }
}
