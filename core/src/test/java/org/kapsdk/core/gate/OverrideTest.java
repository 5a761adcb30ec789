package org.kapsdk.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.kapsdk.core.gate.GateTesting.T0;
import static org.kapsdk.core.gate.GateTesting.ago;
import static org.kapsdk.core.gate.GateTesting.assertProblems;
import static org.kapsdk.core.gate.GateTesting.compile;
import static org.kapsdk.core.gate.GateTesting.current;
import static org.kapsdk.core.gate.GateTesting.d;
import static org.kapsdk.core.gate.GateTesting.facts;
import static org.kapsdk.core.gate.GateTesting.later;
import static org.kapsdk.core.gate.GateTesting.preDose;
import static org.kapsdk.core.gate.GateTesting.q;
import static org.kapsdk.core.gate.GateTesting.request;
import static org.kapsdk.core.gate.GateTesting.rule;
import static org.kapsdk.core.gate.GateTesting.sessionRecord;
import static org.kapsdk.core.gate.GateTesting.systolic;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.kapsdk.core.facts.PatientFacts;
import org.kapsdk.core.model.Codes;
import org.kapsdk.core.model.Comparator;
import org.kapsdk.core.model.Gate;
import org.kapsdk.core.model.ObservationThreshold;
import org.kapsdk.core.model.PatientAge;
import org.kapsdk.core.model.ProtocolTemplate;
import org.kapsdk.core.model.Severity;
import org.kapsdk.core.validation.ValidationException;

/**
 * Clinician overrides. The template: on session template {@code dose}, PRE_DOSE rules BP-PRE
 * (BLOCK, overridable, forbids systolic > 140 mmHg within 1 h) and BP-HARD (BLOCK, not
 * overridable, forbids systolic > 180 mmHg); at ELIGIBILITY, ADULT (BLOCK, overridable).
 */
class OverrideTest {

  private static final ProtocolTemplate TEMPLATE = GateTesting.template(GateTesting.doseSession(
          rule("BP-PRE", Gate.PRE_DOSE).overridable(true).message("Systolic {value} is above {threshold}")
              .forbid(systolicAbove("140 mmHg")).build(),
          rule("BP-HARD", Gate.PRE_DOSE).forbid(systolicAbove("180 mmHg")).build()).build())
      .addRules(rule("ADULT", Gate.ELIGIBILITY).overridable(true)
          .require(PatientAge.builder().comparator(Comparator.GE).years(18).build()).build())
      .build();

  private static final SafetyGate GATE = compile(TEMPLATE);

  private static ObservationThreshold systolicAbove(String value) {
    return ObservationThreshold.builder().code(Codes.SYSTOLIC_BP).comparator(Comparator.GT).value(q(value))
        .maxAge(d("1 h")).build();
  }

  private static PatientFacts withSystolic(String value) {
    return facts().addSessions(current(), sessionRecord("s-old", "dose", ago("7 d")).end(ago("7 d")).build())
        .addObservations(systolic(value, ago("5 min"))).build();
  }

  private static ClinicianOverride.Builder override(String ruleId) {
    return ClinicianOverride.builder().ruleId(ruleId).clinicianId("staff-19").role("prescriber")
        .reason("Baseline hypertension, benefit outweighs a short rise").at(ago("1 min")).session("s-now");
  }

  private static Verdict preDose(PatientFacts facts, ClinicianOverride... overrides) {
    return GATE.evaluate(GateTesting.preDose(facts).addOverrides(overrides).build());
  }

  @Test
  void override_onOverridableFail_isOverridden() {
    ClinicianOverride o = override("BP-PRE").build();

    Verdict v = preDose(withSystolic("152 mmHg"), o);

    Finding f = v.finding("BP-PRE").orElseThrow();
    assertThat(f.outcome()).isEqualTo(Outcome.OVERRIDDEN);
    assertThat(f.evaluatedOutcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.override()).contains(o);
    assertThat(f.isBlocking()).isFalse();
    assertThat(v.outcome()).isEqualTo(VerdictOutcome.PROCEED_WITH_WARNINGS);
  }

  @Test
  void override_onOverridableFail_keepsTheFailureMessage() {
    Verdict v = preDose(withSystolic("152 mmHg"), override("BP-PRE").build());

    assertThat(v.finding("BP-PRE").orElseThrow().message()).isEqualTo("Systolic 152 mmHg is above 140 mmHg");
  }

  @Test
  void override_onOverridableUnknown_isOverriddenAndKeepsMissingFacts() {
    PatientFacts noReading = facts().addSessions(current()).build();
    ClinicianOverride o = override("BP-PRE").build();

    Verdict v = GATE.evaluate(GateTesting.preDose(noReading).addOverrides(o).build());

    Finding f = v.finding("BP-PRE").orElseThrow();
    assertThat(f.outcome()).isEqualTo(Outcome.OVERRIDDEN);
    assertThat(f.evaluatedOutcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(f.missingFacts()).containsExactly("Systolic blood pressure reading");
    assertThat(f.override()).contains(o);
  }

  @Test
  void override_onUnknown_otherBlockRuleStillUnknown_blocks() {
    // BP-HARD needs the same missing reading and cannot be overridden.
    Verdict v = GATE.evaluate(GateTesting.preDose(facts().addSessions(current()).build())
        .addOverrides(override("BP-PRE").build()).build());

    assertThat(v.outcome()).isEqualTo(VerdictOutcome.BLOCKED);
    assertThat(v.blockingFindings()).extracting(Finding::ruleId).containsExactly("BP-HARD");
  }

  @Test
  void override_onPass_leavesPass() {
    Verdict v = preDose(withSystolic("120 mmHg"), override("BP-PRE").build());

    Finding f = v.finding("BP-PRE").orElseThrow();
    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
    assertThat(f.override()).isEmpty();
    assertThat(v.outcome()).isEqualTo(VerdictOutcome.PROCEED);
  }

  @Test
  void override_recordedAtEvaluationInstant_isAccepted() {
    Verdict v = preDose(withSystolic("152 mmHg"), override("BP-PRE").at(T0).build());

    assertThat(v.finding("BP-PRE").orElseThrow().outcome()).isEqualTo(Outcome.OVERRIDDEN);
  }

  @Test
  void override_atEligibilityWithoutSession_isAccepted() {
    Verdict v = GATE.evaluate(request(Gate.ELIGIBILITY, facts().ageYears(17).build())
        .addOverrides(ClinicianOverride.builder().ruleId("ADULT").clinicianId("staff-19").role("medical director")
            .reason("Court-authorised treatment").at(ago("1 d")).build())
        .build());

    assertThat(v.finding("ADULT").orElseThrow().outcome()).isEqualTo(Outcome.OVERRIDDEN);
    assertThat(v.outcome()).isEqualTo(VerdictOutcome.PROCEED_WITH_WARNINGS);
  }

  @Test
  void override_nonOverridableRule_isRefused() {
    assertProblems(() -> preDose(withSystolic("190 mmHg"), override("BP-HARD").build()))
        .containsExactly(tuple("overrides[0].ruleId", "rule 'BP-HARD' is not overridable"));
  }

  @Test
  void override_nonOverridableRule_exceptionMessage() {
    assertThatThrownBy(() -> preDose(withSystolic("190 mmHg"), override("BP-HARD").build()))
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessage("overrides[0].ruleId: rule 'BP-HARD' is not overridable");
  }

  @Test
  void override_ruleOfAnotherGate_isRefused() {
    assertProblems(() -> preDose(withSystolic("152 mmHg"), override("ADULT").build()))
        .containsExactly(tuple("overrides[0].ruleId", "rule 'ADULT' is not evaluated at gate PRE_DOSE for this session"));
  }

  @Test
  void override_unknownRuleAtEligibility_isRefused() {
    assertProblems(() -> GATE.evaluate(request(Gate.ELIGIBILITY, facts().ageYears(17).build())
            .addOverrides(override("BP-PRE").build()).build()))
        .containsExactly(tuple("overrides[0].ruleId", "rule 'BP-PRE' is not evaluated at gate ELIGIBILITY"));
  }

  @Test
  void override_differentSession_isRefused() {
    assertProblems(() -> preDose(withSystolic("152 mmHg"), override("BP-PRE").session("s-old").build()))
        .containsExactly(tuple("overrides[0].session", "covers session 's-old', not the current session 's-now'"));
  }

  @Test
  void override_withoutSessionAtSessionGate_isRefused() {
    ClinicianOverride noSession = ClinicianOverride.builder().ruleId("BP-PRE").clinicianId("staff-19").role("prescriber")
        .reason("Benefit outweighs risk").at(ago("1 min")).build();

    assertProblems(() -> preDose(withSystolic("152 mmHg"), noSession))
        .containsExactly(tuple("overrides[0].session", "an override at gate PRE_DOSE must name the session it covers"));
  }

  @Test
  void override_recordedAfterEvaluationInstant_isRefused() {
    Instant afterwards = later("1 s");

    assertProblems(() -> preDose(withSystolic("152 mmHg"), override("BP-PRE").at(afterwards).build()))
        .containsExactly(tuple("overrides[0].at", "the override is recorded after the evaluation instant"));
  }

  @Test
  void override_sameRuleTwice_isRefused() {
    assertProblems(() -> preDose(withSystolic("152 mmHg"), override("BP-PRE").build(),
            override("BP-PRE").clinicianId("staff-20").build()))
        .containsExactly(tuple("overrides[1].ruleId", "rule 'BP-PRE' is overridden twice"));
  }

  @Test
  void override_severalRefusals_areReportedTogether() {
    assertProblems(() -> preDose(withSystolic("190 mmHg"), override("BP-HARD").build(), override("NOPE").build()))
        .containsExactly(
            tuple("overrides[0].ruleId", "rule 'BP-HARD' is not overridable"),
            tuple("overrides[1].ruleId", "rule 'NOPE' is not evaluated at gate PRE_DOSE for this session"));
  }

  @Test
  void override_blankReason_isRefusedWhenBuilt() {
    assertThatThrownBy(() -> override("BP-PRE").reason("   ").build())
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessage("reason: an override needs a reason");
  }

  @Test
  void override_blankClinician_isRefusedWhenBuilt() {
    assertThatThrownBy(() -> override("BP-PRE").clinicianId("").build())
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessage("clinicianId: must not be blank");
  }

  @Test
  void override_withoutReason_isRefusedWhenBuilt() {
    assertThatThrownBy(() -> ClinicianOverride.builder().ruleId("BP-PRE").clinicianId("staff-19").role("prescriber")
            .at(T0).build())
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessage("reason: is required but missing");
  }

  @Test
  void override_ofWarnRule_stillProceedsWithWarnings() {
    ProtocolTemplate warn = GateTesting.withRules(rule("W", Gate.ELIGIBILITY).severity(Severity.WARN).overridable(true)
        .require(PatientAge.builder().comparator(Comparator.GE).years(18).build()).build());

    Verdict v = compile(warn).evaluate(request(Gate.ELIGIBILITY, facts().ageYears(17).build())
        .addOverrides(override("W").build()).build());

    assertThat(v.finding("W").orElseThrow().outcome()).isEqualTo(Outcome.OVERRIDDEN);
    assertThat(v.outcome()).isEqualTo(VerdictOutcome.PROCEED_WITH_WARNINGS);
  }
}
