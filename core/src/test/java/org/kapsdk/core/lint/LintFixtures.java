package org.kapsdk.core.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.assertj.core.groups.Tuple;
import org.kapsdk.core.internal.DurationText;
import org.kapsdk.core.model.AllOf;
import org.kapsdk.core.model.Anchor;
import org.kapsdk.core.model.AssessmentSpec;
import org.kapsdk.core.model.AttestationPresent;
import org.kapsdk.core.model.Code;
import org.kapsdk.core.model.Codes;
import org.kapsdk.core.model.Comparator;
import org.kapsdk.core.model.Condition;
import org.kapsdk.core.model.ConditionPresent;
import org.kapsdk.core.model.CumulativeLimit;
import org.kapsdk.core.model.DecisionPoint;
import org.kapsdk.core.model.DeviceDose;
import org.kapsdk.core.model.DoseRange;
import org.kapsdk.core.model.DosingSpec;
import org.kapsdk.core.model.Evidence;
import org.kapsdk.core.model.Gate;
import org.kapsdk.core.model.Instrument;
import org.kapsdk.core.model.IntegrationKind;
import org.kapsdk.core.model.IntegrationStep;
import org.kapsdk.core.model.IntervalConstraint;
import org.kapsdk.core.model.LimitPeriod;
import org.kapsdk.core.model.MonitoredObservation;
import org.kapsdk.core.model.MonitoringElapsed;
import org.kapsdk.core.model.MonitoringPlan;
import org.kapsdk.core.model.NonResponseAction;
import org.kapsdk.core.model.ObservationThreshold;
import org.kapsdk.core.model.ObservationTrend;
import org.kapsdk.core.model.Phase;
import org.kapsdk.core.model.ProtocolTemplate;
import org.kapsdk.core.model.Quantity;
import org.kapsdk.core.model.Repeat;
import org.kapsdk.core.model.Route;
import org.kapsdk.core.model.Rule;
import org.kapsdk.core.model.SessionKind;
import org.kapsdk.core.model.SessionTemplate;
import org.kapsdk.core.model.Severity;
import org.kapsdk.core.model.StepBack;
import org.kapsdk.core.model.TemplateStatus;
import org.kapsdk.core.model.TimeAnchor;
import org.kapsdk.core.model.Timing;
import org.kapsdk.core.model.TrendDirection;

/**
 * A small template the linter finds nothing in, built with the model builders, and the pieces to
 * break it one thing at a time. Three phases: screening (PHQ-9, C-SSRS), induction (twice weekly
 * for 4 weeks, 56–84 mg in 28 mg devices, at least 2 d and at most 1 wk apart, monitoring 2 h,
 * integration 1–3 d after, a decision on the PHQ-9) and maintenance (weekly for 4 weeks, with a
 * step back to induction). Every method returns a fresh value or builder.
 */
final class LintFixtures {
  static final Code ESKETAMINE = Code.of("urn:kapsdk:test:medication", "esketamine-nasal", "Esketamine nasal spray");

  /** Template-level rule indexes, for paths in expectations. */
  static final int ELIGIBILITY_RULE = 0;
  static final int SETTING_RULE = 1;
  static final int BP_RULE = 2;
  static final int SPO2_RULE = 3;
  static final int DISCHARGE_TIME_RULE = 4;
  static final int DISCHARGE_BP_RULE = 5;

  private LintFixtures() {}

  static Duration d(String text) {
    return DurationText.parse(text);
  }

  static Quantity q(String text) {
    return Quantity.parse(text);
  }

  static Rule.Builder rule(String id, Severity severity, Gate gate) {
    return Rule.builder().id(id).severity(severity).gate(gate).message("rule " + id + " failed").addEvidence("label");
  }

  static ObservationThreshold observation(Code code, Comparator comparator, String value) {
    return ObservationThreshold.builder().code(code).comparator(comparator).value(q(value)).maxAge(d("1 h")).build();
  }

  static ObservationTrend systolicFallingOrStable() {
    return ObservationTrend.builder().code(Codes.SYSTOLIC_BP).direction(TrendDirection.FALLING_OR_STABLE).within(d("2 h")).build();
  }

  static MonitoringElapsed elapsed(String atLeast) {
    return MonitoringElapsed.builder().atLeast(d(atLeast)).build();
  }

  static List<Rule> rules() {
    return List.of(
        rule("CI-ABSOLUTE", Severity.BLOCK, Gate.ELIGIBILITY)
            .forbid(ConditionPresent.builder().label("absolute contraindications")
                .addCode(Code.of("urn:kapsdk:test:condition", "aneurysm", "Aneurysm")).build())
            .build(),
        rule("SETTING-READY", Severity.BLOCK, Gate.PRE_DOSE)
            .require(AttestationPresent.builder().attestation("setting-ready").build())
            .build(),
        rule("BP-PRE", Severity.WARN, Gate.PRE_DOSE)
            .overridable(true)
            .forbid(observation(Codes.SYSTOLIC_BP, Comparator.GT, "140 mmHg"))
            .build(),
        rule("SPO2-LOW", Severity.BLOCK, Gate.DURING_SESSION)
            .forbid(observation(Codes.SPO2_PULSE_OXIMETRY, Comparator.LT, "90 %"))
            .build(),
        rule("DISCHARGE-2H", Severity.BLOCK, Gate.DISCHARGE)
            .require(elapsed("2 h"))
            .build(),
        rule("DISCHARGE-BP", Severity.BLOCK, Gate.DISCHARGE)
            .require(systolicFallingOrStable())
            .build());
  }

  static DosingSpec.Builder dosing() {
    return DosingSpec.builder()
        .medication(ESKETAMINE)
        .route(Route.INTRANASAL)
        .dose(DeviceDose.builder().perDevice(q("28 mg")).devices(2).betweenDevices(d("5 min")).build())
        .allowedRange(DoseRange.builder().min(q("56 mg")).max(q("84 mg")).build())
        .addTitrationSteps(q("56 mg"), q("84 mg"))
        .maxPerSession(q("84 mg"))
        .addCumulativeLimit(limit(LimitPeriod.DAY, "84 mg"))
        .addCumulativeLimit(limit(LimitPeriod.WEEK, "168 mg"))
        .addCumulativeLimit(limit(LimitPeriod.COURSE, "1000 mg"));
  }

  static CumulativeLimit limit(LimitPeriod period, String maximum) {
    return CumulativeLimit.builder().period(period).maximum(q(maximum)).build();
  }

  static MonitoringPlan.Builder monitoring() {
    return MonitoringPlan.builder()
        .from(TimeAnchor.FIRST_ADMINISTRATION)
        .minimumDuration(d("2 h"))
        .addObservation(MonitoredObservation.builder().code(Codes.SYSTOLIC_BP).addAt(d("0 min"), d("40 min"), d("2 h")).build())
        .addObservation(MonitoredObservation.builder().code(Codes.SPO2_PULSE_OXIMETRY).continuous(true).build())
        .endsWhen(AllOf.builder().addCondition(systolicFallingOrStable()).build());
  }

  static IntegrationStep.Builder step(String id) {
    return IntegrationStep.builder().id(id).kind(IntegrationKind.THERAPY_SESSION).title("Integration " + id)
        .earliest(d("1 d")).latest(d("3 d"));
  }

  static IntegrationStep form(String id) {
    return IntegrationStep.builder().id(id).kind(IntegrationKind.FORM).title("Monitoring form")
        .earliest(d("0 min")).latest(d("7 d")).build();
  }

  static IntervalConstraint interval(String min, String max) {
    IntervalConstraint.Builder b = IntervalConstraint.builder().after(SessionKind.DOSING);
    if (min != null) {
      b.min(d(min));
    }
    if (max != null) {
      b.max(d(max));
    }
    return b.build();
  }

  static SessionTemplate.Builder induction() {
    return SessionTemplate.builder()
        .id("induction-dose").kind(SessionKind.DOSING).title("Induction dose")
        .repeat(Repeat.builder().timesPerWeek(2).weeks(4).build())
        .timing(Timing.builder().anchor(Anchor.builder().session("screen").build()).target(d("7 d"))
            .addInterval(interval("2 d", "1 wk")).build())
        .duration(d("3 h"))
        .dosing(dosing().build())
        .monitoring(monitoring().build())
        .addIntegrationStep(step("induction-integration").build())
        .addIntegrationStep(form("induction-form"))
        .addAssessment(AssessmentSpec.builder().instrument(Instrument.PHQ9).build());
  }

  static SessionTemplate.Builder maintenance() {
    return SessionTemplate.builder()
        .id("maintenance-dose").kind(SessionKind.DOSING).title("Maintenance dose")
        .repeat(Repeat.builder().timesPerWeek(1).weeks(4).build())
        .timing(Timing.builder().addInterval(interval("2 d", "2 wk")).build())
        .duration(d("3 h"))
        .dosing(dosing().build())
        .monitoring(monitoring().build())
        .addIntegrationStep(step("maintenance-integration").build())
        .addAssessment(AssessmentSpec.builder().instrument(Instrument.PHQ9).build());
  }

  static SessionTemplate screen() {
    return SessionTemplate.builder().id("screen").kind(SessionKind.SCREENING).title("Screening")
        .addAssessment(AssessmentSpec.builder().instrument(Instrument.PHQ9).build())
        .addAssessment(AssessmentSpec.builder().instrument(Instrument.CSSRS_SCREENER).build())
        .build();
  }

  static Phase.Builder screeningPhase() {
    return Phase.builder().id("screening").title("Screening").addSession(screen());
  }

  static DecisionPoint.Builder decision() {
    return DecisionPoint.builder().instrument(Instrument.PHQ9).onResponse("maintenance")
        .onNonResponse(NonResponseAction.REVIEW).addEvidence("label");
  }

  static StepBack.Builder stepBack() {
    return StepBack.builder().instrument(Instrument.PHQ9).worsenedByAtLeast(5).toPhase("induction").addEvidence("label");
  }

  static Phase.Builder inductionPhase(SessionTemplate... sessions) {
    return Phase.builder().id("induction").title("Induction")
        .addSessions(sessions.length == 0 ? new SessionTemplate[] {induction().build()} : sessions)
        .decision(decision().build());
  }

  static Phase.Builder maintenancePhase(SessionTemplate... sessions) {
    return Phase.builder().id("maintenance").title("Maintenance")
        .addSessions(sessions.length == 0 ? new SessionTemplate[] {maintenance().build()} : sessions)
        .stepBack(stepBack().build());
  }

  static Evidence label() {
    return Evidence.builder().key("label").citation("Prescribing information").jurisdiction("US").confirmed(true).build();
  }

  static Evidence policy() {
    return Evidence.builder().key("policy").citation("Clinic policy, not yet reviewed").build();
  }

  /** The clean template, as a builder. */
  static ProtocolTemplate.Builder template() {
    return ProtocolTemplate.builder()
        .id("lint-fixture").version("1.0.0").title("Lint fixture").status(TemplateStatus.DRAFT)
        .addIndication(Codes.MAJOR_DEPRESSIVE_DISORDER)
        .addEvidence(label(), policy())
        .addPhases(screeningPhase().build(), inductionPhase().build(), maintenancePhase().build())
        .addAllRules(rules());
  }

  /** The clean template with its induction dosing session changed. */
  static ProtocolTemplate withInduction(UnaryOperator<SessionTemplate.Builder> change) {
    return template().phases(List.of(screeningPhase().build(), inductionPhase(change.apply(induction()).build()).build(),
        maintenancePhase().build())).build();
  }

  /** The clean template with both dosing sessions changed alike. */
  static ProtocolTemplate withDosing(UnaryOperator<SessionTemplate.Builder> change) {
    return template().phases(List.of(screeningPhase().build(), inductionPhase(change.apply(induction()).build()).build(),
        maintenancePhase(change.apply(maintenance()).build()).build())).build();
  }

  /** The clean template's rules with one replaced (by index) or, given null, removed. */
  static List<Rule> rulesWith(int index, Rule replacement) {
    List<Rule> out = new ArrayList<>(rules());
    if (replacement == null) {
      out.remove(index);
    } else {
      out.set(index, replacement);
    }
    return out;
  }

  /** The clean template's rules and more. */
  static List<Rule> rulesPlus(Rule... more) {
    List<Rule> out = new ArrayList<>(rules());
    out.addAll(List.of(more));
    return out;
  }

  /** The findings of one id as (severity, path, message) tuples. */
  static List<Tuple> findings(ProtocolTemplate template, String id) {
    LintReport report = Linter.lint(template);
    assertThat(Linter.rule(id)).as("lint rule " + id).isPresent();
    // The same findings come from the rule alone.
    assertThat(Linter.rule(id).orElseThrow().check(template)).containsExactlyInAnyOrderElementsOf(report.findings(id));
    return report.findings(id).stream().map(f -> Tuple.tuple(f.severity(), f.path(), f.message())).toList();
  }

  static Condition not(Condition c) {
    return org.kapsdk.core.model.Not.builder().condition(c).build();
  }
}
