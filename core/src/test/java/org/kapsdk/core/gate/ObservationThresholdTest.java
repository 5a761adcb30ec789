package org.kapsdk.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kapsdk.core.gate.GateTesting.T0;
import static org.kapsdk.core.gate.GateTesting.ago;
import static org.kapsdk.core.gate.GateTesting.d;
import static org.kapsdk.core.gate.GateTesting.facts;
import static org.kapsdk.core.gate.GateTesting.later;
import static org.kapsdk.core.gate.GateTesting.obs;
import static org.kapsdk.core.gate.GateTesting.q;
import static org.kapsdk.core.gate.GateTesting.requireAtEligibility;
import static org.kapsdk.core.gate.GateTesting.systolic;

import org.junit.jupiter.api.Test;
import org.kapsdk.core.facts.PatientFacts;
import org.kapsdk.core.model.Codes;
import org.kapsdk.core.model.Comparator;
import org.kapsdk.core.model.ObservationThreshold;

class ObservationThresholdTest {

  /** Systolic BP at most 140 mmHg, measured within 1 h. */
  private static final ObservationThreshold SYSTOLIC_AT_MOST_140 = ObservationThreshold.builder()
      .code(Codes.SYSTOLIC_BP).comparator(Comparator.LE).value(q("140 mmHg")).maxAge(d("1 h")).build();

  private static final ObservationThreshold WEIGHT_AT_LEAST_45_KG = ObservationThreshold.builder()
      .code(Codes.BODY_WEIGHT).comparator(Comparator.GE).value(q("45 kg")).maxAge(d("30 d")).build();

  private static Finding systolicRule(PatientFacts facts) {
    return requireAtEligibility(SYSTOLIC_AT_MOST_140, facts);
  }

  @Test
  void observation_recentReadingWithinThreshold_passes() {
    Finding f = systolicRule(facts().addObservations(systolic("130 mmHg", ago("10 min"))).build());

    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
    assertThat(f.factsUsed()).extracting(FactUse::label, FactUse::value, u -> u.at().orElseThrow())
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Systolic blood pressure", "130 mmHg", ago("10 min")));
  }

  @Test
  void observation_recentReadingBeyondThreshold_fails() {
    Finding f = systolicRule(facts().addObservations(systolic("152 mmHg", ago("10 min"))).build());

    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).isEqualTo("Failed: 152 mmHg against 140 mmHg");
  }

  @Test
  void observation_readingEqualToInclusiveThreshold_passes() {
    Finding f = systolicRule(facts().addObservations(systolic("140 mmHg", ago("10 min"))).build());

    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void observation_noReading_isUnknown() {
    Finding f = systolicRule(facts().build());

    assertThat(f.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(f.missingFacts()).containsExactly("Systolic blood pressure reading");
  }

  @Test
  void observation_readingFromYesterday_isUnknownNeverPass() {
    Finding f = systolicRule(facts().addObservations(systolic("120 mmHg", ago("1 d"))).build());

    assertThat(f.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(f.missingFacts()).containsExactly("Systolic blood pressure reading no older than 1 h (latest is 1 d old)");
  }

  @Test
  void observation_readingExactlyMaxAgeOld_stillCounts() {
    Finding f = systolicRule(facts().addObservations(systolic("120 mmHg", ago("1 h"))).build());

    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void observation_readingOneSecondPastMaxAge_isUnknown() {
    Finding f = systolicRule(facts().addObservations(systolic("120 mmHg", ago("3601 s"))).build());

    assertThat(f.outcome()).isEqualTo(Outcome.UNKNOWN);
  }

  @Test
  void observation_readingDatedAfterEvaluationInstant_isIgnored() {
    Finding f = systolicRule(facts()
        .addObservations(systolic("130 mmHg", ago("20 min")), systolic("190 mmHg", later("5 min"))).build());

    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
    assertThat(f.factsUsed()).extracting(FactUse::value).containsExactly("130 mmHg");
  }

  @Test
  void observation_onlyReadingDatedAfterEvaluationInstant_isUnknown() {
    Finding f = systolicRule(facts().addObservations(systolic("120 mmHg", later("1 min"))).build());

    assertThat(f.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(f.missingFacts()).containsExactly("Systolic blood pressure reading");
  }

  @Test
  void observation_latestReadingDecides_notAnEarlierOne() {
    Finding f = systolicRule(facts()
        .addObservations(systolic("130 mmHg", ago("5 min")), systolic("170 mmHg", ago("40 min"))).build());

    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
    assertThat(f.factsUsed()).extracting(FactUse::value).containsExactly("130 mmHg");
  }

  @Test
  void observation_staleLatestReading_doesNotFallBackToNothing() {
    // An older reading cannot rescue a rule whose latest reading is stale.
    Finding f = systolicRule(facts()
        .addObservations(systolic("120 mmHg", ago("2 h")), systolic("125 mmHg", ago("3 h"))).build());

    assertThat(f.outcome()).isEqualTo(Outcome.UNKNOWN);
  }

  @Test
  void observation_otherCodeReading_doesNotCount() {
    Finding f = systolicRule(facts().addObservations(obs(Codes.DIASTOLIC_BP, "80 mmHg", ago("5 min"))).build());

    assertThat(f.outcome()).isEqualTo(Outcome.UNKNOWN);
  }

  @Test
  void observation_weightInPounds_isConvertedToKgAndPasses() {
    // 110 lb = 49.9 kg
    Finding f = requireAtEligibility(WEIGHT_AT_LEAST_45_KG,
        facts().addObservations(obs(Codes.BODY_WEIGHT, "110 lb", ago("1 d"))).build());

    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
    assertThat(f.factsUsed()).extracting(FactUse::value).containsExactly("110 lb");
  }

  @Test
  void observation_weightInPoundsBelowKgThreshold_fails() {
    // 90 lb = 40.8 kg; compared as a bare number, 90 would pass.
    Finding f = requireAtEligibility(WEIGHT_AT_LEAST_45_KG,
        facts().addObservations(obs(Codes.BODY_WEIGHT, "90 lb", ago("1 d"))).build());

    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
  }

  @Test
  void observation_bloodPressureInOtherUnit_isUnknownNamingTheUnit() {
    Finding f = systolicRule(facts().addObservations(systolic("130 %", ago("5 min"))).build());

    assertThat(f.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(f.missingFacts()).containsExactly("Systolic blood pressure reading in mmHg (recorded in %)");
  }

  @Test
  void observation_evaluatedAtOtherInstant_agesAgainstThatInstant() {
    PatientFacts facts = facts().addObservations(systolic("120 mmHg", ago("10 min"))).build();

    Finding f = GateTesting.evaluate(GateTesting.withRules(GateTesting.require(GateTesting.RULE,
            org.kapsdk.core.model.Gate.ELIGIBILITY, SYSTOLIC_AT_MOST_140)),
        GateTesting.request(org.kapsdk.core.model.Gate.ELIGIBILITY, facts).at(T0.plus(d("2 h"))).build());

    assertThat(f.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(f.missingFacts()).containsExactly("Systolic blood pressure reading no older than 1 h (latest is 130 min old)");
  }
}
