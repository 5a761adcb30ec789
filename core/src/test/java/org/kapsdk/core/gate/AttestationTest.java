package org.kapsdk.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.kapsdk.core.gate.GateTesting.RULE;
import static org.kapsdk.core.gate.GateTesting.ago;
import static org.kapsdk.core.gate.GateTesting.attestation;
import static org.kapsdk.core.gate.GateTesting.current;
import static org.kapsdk.core.gate.GateTesting.d;
import static org.kapsdk.core.gate.GateTesting.evaluate;
import static org.kapsdk.core.gate.GateTesting.facts;
import static org.kapsdk.core.gate.GateTesting.later;
import static org.kapsdk.core.gate.GateTesting.preDose;
import static org.kapsdk.core.gate.GateTesting.rule;
import static org.kapsdk.core.gate.GateTesting.withDoseRules;

import org.junit.jupiter.api.Test;
import org.kapsdk.core.facts.Attestation;
import org.kapsdk.core.model.AttestationPresent;
import org.kapsdk.core.model.Gate;

class AttestationTest {

  /** No food for at least 2 h, stated within the last 12 h (PI). */
  private static final AttestationPresent NO_FOOD_2H = AttestationPresent.builder().attestation("last-food")
      .elapsedAtLeast(d("2 h")).maxAge(d("12 h")).build();

  /** No liquids for at least 30 min, stated within the last 12 h (PI). */
  private static final AttestationPresent NO_LIQUIDS_30MIN = AttestationPresent.builder().attestation("last-liquid")
      .elapsedAtLeast(d("30 min")).maxAge(d("12 h")).build();

  private static final AttestationPresent TRANSPORT = AttestationPresent.builder().attestation("transport-arranged").build();

  private static Finding preDoseAttestation(AttestationPresent c, Attestation... recorded) {
    return evaluate(withDoseRules(rule(RULE, Gate.PRE_DOSE).require(c).message("Only {elapsed} since, needs {threshold}").build()),
        preDose(facts().addSessions(current()).addAttestations(recorded).build()).build());
  }

  @Test
  void noFood_lastMealLongEnoughAgo_holds() {
    Finding f = preDoseAttestation(NO_FOOD_2H, attestation("last-food", ago("30 min"), ago("3 h")));

    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
    assertThat(f.factsUsed()).extracting(FactUse::label, FactUse::value, u -> u.at().orElseThrow())
        .containsExactly(tuple("time since 'last-food'", "3 h", ago("3 h")));
  }

  @Test
  void noFood_lastMealTooRecent_fails() {
    Finding f = preDoseAttestation(NO_FOOD_2H, attestation("last-food", ago("30 min"), ago("70 min")));

    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).isEqualTo("Only 70 min since, needs 2 h");
  }

  @Test
  void noFood_exactlyTwoHours_holds() {
    Finding f = preDoseAttestation(NO_FOOD_2H, attestation("last-food", ago("30 min"), ago("2 h")));

    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void noLiquids_lastDrinkLongEnoughAgo_holds() {
    Finding f = preDoseAttestation(NO_LIQUIDS_30MIN, attestation("last-liquid", ago("10 min"), ago("45 min")));

    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void noLiquids_lastDrinkTooRecent_fails() {
    Finding f = preDoseAttestation(NO_LIQUIDS_30MIN, attestation("last-liquid", ago("10 min"), ago("20 min")));

    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
  }

  @Test
  void noFood_notAttested_isUnknown() {
    Finding f = preDoseAttestation(NO_FOOD_2H, attestation("last-liquid", ago("10 min"), ago("3 h")));

    assertThat(f.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(f.missingFacts()).containsExactly("attestation 'last-food'");
  }

  @Test
  void noFood_attestedTooLongAgo_isUnknown() {
    Finding f = preDoseAttestation(NO_FOOD_2H, attestation("last-food", ago("13 h"), ago("14 h")));

    assertThat(f.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(f.missingFacts()).containsExactly("attestation 'last-food' recorded within 12 h");
  }

  @Test
  void noFood_attestationWithoutStatedInstant_isUnknown() {
    Finding f = preDoseAttestation(NO_FOOD_2H, attestation("last-food", ago("10 min")));

    assertThat(f.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(f.missingFacts()).containsExactly("the time stated by attestation 'last-food'");
  }

  @Test
  void noFood_statedInstantAfterEvaluationInstant_isUnknown() {
    Finding f = preDoseAttestation(NO_FOOD_2H, attestation("last-food", ago("10 min"), later("10 min")));

    assertThat(f.outcome()).isEqualTo(Outcome.UNKNOWN);
  }

  @Test
  void noFood_recordedAfterEvaluationInstant_isIgnored() {
    Finding f = preDoseAttestation(NO_FOOD_2H, attestation("last-food", later("1 min"), ago("5 h")));

    assertThat(f.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(f.missingFacts()).containsExactly("attestation 'last-food'");
  }

  @Test
  void noFood_latestAttestationDecides() {
    Finding f = preDoseAttestation(NO_FOOD_2H,
        attestation("last-food", ago("6 h"), ago("8 h")), attestation("last-food", ago("20 min"), ago("1 h")));

    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
  }

  @Test
  void presence_recorded_holds() {
    Finding f = preDoseAttestation(TRANSPORT, attestation("transport-arranged", ago("2 d")));

    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
    assertThat(f.factsUsed()).extracting(FactUse::label, FactUse::value)
        .containsExactly(tuple("attestation 'transport-arranged'", "recorded"));
  }

  @Test
  void presence_notRecorded_isUnknown() {
    Finding f = preDoseAttestation(TRANSPORT);

    assertThat(f.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(f.missingFacts()).containsExactly("attestation 'transport-arranged'");
  }
}
