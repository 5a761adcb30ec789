package org.kapsdk.core.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.kapsdk.core.lint.LintFixtures.d;
import static org.kapsdk.core.lint.LintFixtures.findings;
import static org.kapsdk.core.lint.LintFixtures.rule;
import static org.kapsdk.core.lint.LintSeverity.ERROR;
import static org.kapsdk.core.lint.LintSeverity.INFO;
import static org.kapsdk.core.lint.LintSeverity.WARNING;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.kapsdk.core.model.AnyOf;
import org.kapsdk.core.model.AssessmentSpec;
import org.kapsdk.core.model.AssessmentThreshold;
import org.kapsdk.core.model.Codes;
import org.kapsdk.core.model.Comparator;
import org.kapsdk.core.model.Gate;
import org.kapsdk.core.model.Instrument;
import org.kapsdk.core.model.MonitoredObservation;
import org.kapsdk.core.model.MonitoringElapsed;
import org.kapsdk.core.model.PatientAge;
import org.kapsdk.core.model.Phase;
import org.kapsdk.core.model.ProtocolTemplate;
import org.kapsdk.core.model.Rule;
import org.kapsdk.core.model.SessionTemplate;
import org.kapsdk.core.model.Severity;
import org.kapsdk.core.model.TimeAnchor;

/** KAP-L007 to KAP-L012: what is observed after a dose, and what the rules read. */
class MonitoringRulesTest {
  private static final String INDUCTION = "phases[1].sessions[0]";
  private static final int NEXT_RULE = LintFixtures.rules().size();

  @Test
  void l007_noMonitoringPlan_fires() {
    ProtocolTemplate broken = LintFixtures.withInduction(s -> s.monitoring(Optional.empty()));

    assertThat(findings(broken, "KAP-L007")).containsExactly(tuple(ERROR, INDUCTION + ".monitoring",
        "dosing session induction-dose has no monitoring plan: nothing says what is observed after the dose or for how long"));
    assertThat(findings(LintFixtures.template().build(), "KAP-L007")).isEmpty();
  }

  @Test
  void l008_monitoringShorterThanDischargeRule_fires() {
    ProtocolTemplate broken = LintFixtures.withInduction(s -> s.monitoring(LintFixtures.monitoring().minimumDuration(d("1 h")).build()));

    assertThat(findings(broken, "KAP-L008")).containsExactly(tuple(ERROR, INDUCTION + ".monitoring.minimumDuration",
        "monitoring of dosing session induction-dose may end 1 h after the first administration, but DISCHARGE rule"
            + " DISCHARGE-2H requires 2 h after the first administration: observations would stop while the patient must"
            + " still be observed"));
    assertThat(findings(LintFixtures.template().build(), "KAP-L008")).isEmpty();
  }

  @Test
  void l008_comparesOnlyRequiredTimesFromTheSameOrALaterAnchor() {
    Rule laterAnchor = rule("AFTER-LAST", Severity.BLOCK, Gate.DISCHARGE)
        .require(MonitoringElapsed.builder().from(TimeAnchor.LAST_ADMINISTRATION).atLeast(d("150 min")).build()).build();
    Rule earlierAnchor = rule("FROM-START", Severity.BLOCK, Gate.DISCHARGE)
        .require(MonitoringElapsed.builder().from(TimeAnchor.SESSION_START).atLeast(d("150 min")).build()).build();
    Rule alternative = rule("EITHER", Severity.BLOCK, Gate.DISCHARGE)
        .require(AnyOf.builder().addCondition(LintFixtures.elapsed("3 h"))
            .addCondition(LintFixtures.systolicFallingOrStable()).build()).build();
    Rule negated = rule("NOT-YET", Severity.BLOCK, Gate.DISCHARGE)
        .forbid(LintFixtures.not(LintFixtures.elapsed("3 h"))).build();

    assertThat(findings(LintFixtures.template().rules(LintFixtures.rulesPlus(laterAnchor)).build(), "KAP-L008"))
        .extracting(t -> t.toList().get(2))
        .containsExactly("monitoring of dosing session induction-dose may end 2 h after the first administration, but DISCHARGE"
            + " rule AFTER-LAST requires 150 min after the last administration: observations would stop while the patient must"
            + " still be observed",
            "monitoring of dosing session maintenance-dose may end 2 h after the first administration, but DISCHARGE"
            + " rule AFTER-LAST requires 150 min after the last administration: observations would stop while the patient must"
            + " still be observed");
    assertThat(findings(LintFixtures.template().rules(LintFixtures.rulesPlus(earlierAnchor)).build(), "KAP-L008")).isEmpty();
    assertThat(findings(LintFixtures.template().rules(LintFixtures.rulesPlus(alternative)).build(), "KAP-L008")).isEmpty();
    assertThat(findings(LintFixtures.template().rules(LintFixtures.rulesPlus(negated)).build(), "KAP-L008")).hasSize(2);
  }

  @Test
  void l009_sessionBookedShorterThanMonitoring_fires() {
    ProtocolTemplate broken = LintFixtures.withInduction(s -> s.duration(d("90 min")));

    assertThat(findings(broken, "KAP-L009")).containsExactly(tuple(WARNING, INDUCTION + ".duration",
        "dosing session induction-dose is booked for 90 min but its monitoring lasts at least 2 h: the slot ends before the"
            + " patient may leave"));
    assertThat(findings(LintFixtures.withInduction(s -> s.duration(d("2 h"))), "KAP-L009")).isEmpty();
  }

  @Test
  void l010_dischargeRuleOnAnObservationNotMonitored_fires() {
    Rule heartRate = rule("HR-DISCHARGE", Severity.BLOCK, Gate.DISCHARGE)
        .forbid(LintFixtures.observation(Codes.HEART_RATE, Comparator.GT, "110 /min")).build();
    ProtocolTemplate broken = LintFixtures.template().rules(LintFixtures.rulesPlus(heartRate)).build();

    assertThat(findings(broken, "KAP-L010")).containsExactly(tuple(WARNING, "rules[" + NEXT_RULE + "].forbid.code",
        "DISCHARGE rule HR-DISCHARGE reads Heart rate (8867-4), which the monitoring plan of dosing sessions induction-dose,"
            + " maintenance-dose does not take: the reading is never scheduled and the rule stays UNKNOWN"));

    ProtocolTemplate fixed = LintFixtures.template().rules(LintFixtures.rulesPlus(heartRate))
        .phases(LintFixtures.withDosing(s -> s.monitoring(LintFixtures.monitoring()
            .addObservation(MonitoredObservation.builder().code(Codes.HEART_RATE).every(d("15 min")).build()).build())).phases())
        .build();
    assertThat(findings(fixed, "KAP-L010")).isEmpty();
  }

  @Test
  void l010_monitoringEndingOnAnObservationItDoesNotTake_fires() {
    ProtocolTemplate broken = LintFixtures.withInduction(s -> s.monitoring(LintFixtures.monitoring()
        .endsWhen(LintFixtures.not(LintFixtures.observation(Codes.RESPIRATORY_RATE, Comparator.LT, "10 /min"))).build()));

    assertThat(findings(broken, "KAP-L010")).containsExactly(tuple(WARNING, INDUCTION + ".monitoring.endsWhen.condition.code",
        "the monitoring plan of dosing session induction-dose ends on Respiratory rate (9279-1), which the plan does not take:"
            + " the end of monitoring can never be seen"));
  }

  @Test
  void l011_preDoseRuleOnAnObservationNoPlanTakes_informs() {
    Rule heartRate = rule("HR-PRE", Severity.WARN, Gate.PRE_DOSE)
        .forbid(LintFixtures.observation(Codes.HEART_RATE, Comparator.GT, "110 /min")).build();
    ProtocolTemplate broken = LintFixtures.template().rules(LintFixtures.rulesPlus(heartRate)).build();

    assertThat(findings(broken, "KAP-L011")).containsExactly(tuple(INFO, "rules[" + NEXT_RULE + "].forbid.code",
        "PRE_DOSE rule HR-PRE reads Heart rate (8867-4), which no monitoring plan takes: the template does not say when it is"
            + " measured, so the host must record it before the gate asks"));
    assertThat(findings(broken, "KAP-L010")).isEmpty();

    ProtocolTemplate fixed = LintFixtures.template().rules(LintFixtures.rulesPlus(heartRate))
        .phases(LintFixtures.withInduction(s -> s.monitoring(LintFixtures.monitoring()
            .addObservation(MonitoredObservation.builder().code(Codes.HEART_RATE).addAt(d("0 min")).build()).build())).phases())
        .build();
    assertThat(findings(fixed, "KAP-L011")).isEmpty();
  }

  @Test
  void l011_aNonDosingSessionsOwnRule_isReadLikeAPreDoseRule() {
    Rule onScreen = rule("SCREEN-BMI", Severity.WARN, Gate.PRE_DOSE)
        .forbid(LintFixtures.observation(Codes.BMI, Comparator.GT, "40 kg/m2")).build();
    Phase screening = Phase.builder().from(LintFixtures.screeningPhase().build())
        .sessions(java.util.List.of(SessionTemplate.builder().from(LintFixtures.screen()).addRule(onScreen).build())).build();
    ProtocolTemplate template = LintFixtures.template()
        .phases(java.util.List.of(screening, LintFixtures.inductionPhase().build(), LintFixtures.maintenancePhase().build()))
        .build();

    assertThat(findings(template, "KAP-L011")).extracting(t -> t.toList().get(1))
        .containsExactly("phases[0].sessions[0].rules[0].forbid.code");
  }

  @Test
  void l012_ruleOnAnInstrumentNoSessionAssesses_fires() {
    Rule anxiety = rule("GAD7-SEVERE", Severity.WARN, Gate.PRE_DOSE)
        .forbid(AssessmentThreshold.builder().instrument(Instrument.GAD7).comparator(Comparator.GE).value(15)
            .maxAge(d("30 d")).build())
        .build();
    ProtocolTemplate broken = LintFixtures.template().rules(LintFixtures.rulesPlus(anxiety)).build();

    assertThat(findings(broken, "KAP-L012")).containsExactly(tuple(WARNING, "rules[" + NEXT_RULE + "].forbid.instrument",
        "PRE_DOSE rule GAD7-SEVERE reads the GAD-7, which no session template assesses: the score is never due, so the rule"
            + " stays UNKNOWN unless someone records it unprompted"));

    Phase screening = Phase.builder().from(LintFixtures.screeningPhase().build())
        .sessions(java.util.List.of(SessionTemplate.builder().from(LintFixtures.screen())
            .addAssessment(AssessmentSpec.builder().instrument(Instrument.GAD7).build()).build()))
        .build();
    ProtocolTemplate fixed = LintFixtures.template().rules(LintFixtures.rulesPlus(anxiety))
        .phases(java.util.List.of(screening, LintFixtures.inductionPhase().build(), LintFixtures.maintenancePhase().build()))
        .build();
    assertThat(findings(fixed, "KAP-L012")).isEmpty();
  }

  @Test
  void l012_ignoresRulesWithoutAssessments() {
    Rule adult = rule("ADULT", Severity.BLOCK, Gate.ELIGIBILITY)
        .forbid(PatientAge.builder().comparator(Comparator.LT).years(18).build()).build();

    assertThat(findings(LintFixtures.template().rules(LintFixtures.rulesPlus(adult)).build(), "KAP-L012")).isEmpty();
  }
}
