package org.kapsdk.core.gate;

import static org.kapsdk.core.gate.GateTesting.admin;
import static org.kapsdk.core.gate.GateTesting.assessment;
import static org.kapsdk.core.gate.GateTesting.attestation;
import static org.kapsdk.core.gate.GateTesting.d;
import static org.kapsdk.core.gate.GateTesting.facts;
import static org.kapsdk.core.gate.GateTesting.obs;
import static org.kapsdk.core.gate.GateTesting.q;
import static org.kapsdk.core.gate.GateTesting.rule;
import static org.kapsdk.core.gate.GateTesting.sessionRecord;

import java.time.Instant;
import java.util.List;
import org.kapsdk.core.facts.PatientFacts;
import org.kapsdk.core.facts.PregnancyStatus;
import org.kapsdk.core.model.AllOf;
import org.kapsdk.core.model.AnyOf;
import org.kapsdk.core.model.AssessmentThreshold;
import org.kapsdk.core.model.AttestationPresent;
import org.kapsdk.core.model.Codes;
import org.kapsdk.core.model.Comparator;
import org.kapsdk.core.model.Gate;
import org.kapsdk.core.model.Instrument;
import org.kapsdk.core.model.MonitoringElapsed;
import org.kapsdk.core.model.Not;
import org.kapsdk.core.model.ObservationThreshold;
import org.kapsdk.core.model.ObservationTrend;
import org.kapsdk.core.model.PatientAge;
import org.kapsdk.core.model.Pregnancy;
import org.kapsdk.core.model.ProtocolTemplate;
import org.kapsdk.core.model.ScoreMeasure;
import org.kapsdk.core.model.SessionInterval;
import org.kapsdk.core.model.Severity;
import org.kapsdk.core.model.TrendDirection;

/**
 * A template with rules of many kinds at every gate, and a mix of requests against it, relative
 * to any evaluation instant: for the concurrency and purity tests.
 */
final class GateRequests {
  private GateRequests() {}

  static ProtocolTemplate template() {
    return GateTesting.template(GateTesting.doseSession(
            rule("BP-PRE", Gate.PRE_DOSE).overridable(true).message("Systolic {value} at {measuredAt} above {threshold}")
                .forbid(ObservationThreshold.builder().code(Codes.SYSTOLIC_BP).comparator(Comparator.GT)
                    .value(q("140 mmHg")).maxAge(d("1 h")).build()).build(),
            rule("FOOD", Gate.PRE_DOSE).severity(Severity.WARN).message("Ate {elapsed} ago")
                .require(AttestationPresent.builder().attestation("last-food").elapsedAtLeast(d("2 h")).maxAge(d("12 h")).build())
                .build(),
            rule("SPACING", Gate.PRE_DOSE).message("Only {elapsed} since the last dose")
                .require(SessionInterval.builder().atLeast(d("2 d")).build()).build(),
            rule("BP-FALLING", Gate.DISCHARGE).message("BP not settling")
                .require(ObservationTrend.builder().code(Codes.SYSTOLIC_BP).direction(TrendDirection.FALLING_OR_STABLE)
                    .readings(3).within(d("2 h")).tolerance(q("5 mmHg")).build()).build(),
            rule("MONITORED", Gate.DISCHARGE).message("Monitored {elapsed} of {threshold}")
                .require(MonitoringElapsed.builder().atLeast(d("2 h")).build()).build()).build())
        .addRules(
            rule("ADULT", Gate.ELIGIBILITY).require(PatientAge.builder().comparator(Comparator.GE).years(18).build()).build(),
            rule("PREGNANCY", Gate.ELIGIBILITY).forbid(Pregnancy.builder().includeBreastfeeding(true).build()).build(),
            rule("SUICIDALITY", Gate.ELIGIBILITY).overridable(true).addEvidence("REMS")
                .forbid(AnyOf.builder()
                    .addConditions(AssessmentThreshold.builder().instrument(Instrument.CSSRS_SCREENER)
                        .measure(ScoreMeasure.HIGHEST_POSITIVE_ITEM).comparator(Comparator.GE).value(4).maxAge(d("30 d")).build())
                    .addConditions(AssessmentThreshold.builder().instrument(Instrument.PHQ9).measure(ScoreMeasure.ITEM).item(9)
                        .comparator(Comparator.GT).value(0).maxAge(d("30 d")).build())
                    .build()).build(),
            rule("NOT-MINOR-OR-PREGNANT", Gate.COURSE).severity(Severity.INFO)
                .require(Not.builder().condition(AllOf.builder()
                    .addConditions(PatientAge.builder().comparator(Comparator.LT).years(18).build(), Pregnancy.builder().build())
                    .build()).build()).build())
        .build();
  }

  /** Facts relative to the evaluation instant {@code at}. */
  static PatientFacts facts(Instant at, String systolic, int phq9Item9) {
    return GateTesting.facts().ageYears(44).pregnancy(PregnancyStatus.NEITHER)
        .addObservations(obs(Codes.SYSTOLIC_BP, "150 mmHg", at.minus(d("50 min"))),
            obs(Codes.SYSTOLIC_BP, "146 mmHg", at.minus(d("30 min"))),
            obs(Codes.SYSTOLIC_BP, systolic, at.minus(d("5 min"))))
        .addAssessments(assessment(Instrument.PHQ9, at.minus(d("3 d")), 2, 2, 1, 1, 1, 0, 0, 0, phq9Item9),
            assessment(Instrument.CSSRS_SCREENER, at.minus(d("3 d")), 1, 0, 0, 0, 0, 0))
        .addAttestations(attestation("last-food", at.minus(d("20 min")), at.minus(d("150 min"))))
        .addSessions(
            sessionRecord("s-1", "dose", at.minus(d("4 d"))).end(at.minus(d("4 d")).plus(d("2 h")))
                .addAdministrations(admin("56 mg", at.minus(d("4 d")))).build(),
            sessionRecord("s-now", "dose", at.minus(d("150 min")))
                .addAdministrations(admin("28 mg", at.minus(d("130 min"))), admin("28 mg", at.minus(d("125 min")))).build())
        .build();
  }

  /** Requests of every gate, passing, failing, unknown and overridden, at {@code at}. */
  static List<GateRequest> mix(Instant at) {
    PatientFacts calm = facts(at, "128 mmHg", 0);
    PatientFacts high = facts(at, "158 mmHg", 1);
    ClinicianOverride bp = ClinicianOverride.builder().ruleId("BP-PRE").clinicianId("staff-19").role("prescriber")
        .reason("Benefit outweighs a short rise").at(at.minus(d("1 min"))).session("s-now").build();
    return List.of(
        GateRequest.builder().gate(Gate.PRE_DOSE).at(at).facts(calm).session("s-now").plannedDose(q("28 mg")).build(),
        GateRequest.builder().gate(Gate.PRE_DOSE).at(at).facts(high).session("s-now").plannedDose(q("56 mg")).build(),
        GateRequest.builder().gate(Gate.PRE_DOSE).at(at).facts(high).session("s-now").plannedDose(q("28 mg"))
            .addOverrides(bp).build(),
        GateRequest.builder().gate(Gate.PRE_DOSE).at(at.plus(d("2 h"))).facts(calm).session("s-now").build(),
        GateRequest.builder().gate(Gate.DISCHARGE).at(at).facts(calm).session("s-now").build(),
        GateRequest.builder().gate(Gate.DISCHARGE).at(at).facts(high).session("s-now").build(),
        GateRequest.builder().gate(Gate.ELIGIBILITY).at(at).facts(calm).build(),
        GateRequest.builder().gate(Gate.ELIGIBILITY).at(at).facts(high).build(),
        GateRequest.builder().gate(Gate.ELIGIBILITY).at(at).facts(GateTesting.facts().build()).build(),
        GateRequest.builder().gate(Gate.COURSE).at(at).facts(high).build());
  }
}
