package org.kapsdk.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kapsdk.core.gate.GateTesting.facts;
import static org.kapsdk.core.gate.GateTesting.requireAtEligibility;

import org.junit.jupiter.api.Test;
import org.kapsdk.core.facts.PatientFacts;
import org.kapsdk.core.facts.PregnancyStatus;
import org.kapsdk.core.model.AllOf;
import org.kapsdk.core.model.AnyOf;
import org.kapsdk.core.model.Comparator;
import org.kapsdk.core.model.Condition;
import org.kapsdk.core.model.Not;
import org.kapsdk.core.model.PatientAge;
import org.kapsdk.core.model.Pregnancy;

/**
 * all/any/not with Kleene logic. The leaves: ADULT (age >= 18: TRUE at 30, UNKNOWN without an
 * age) and PREGNANT (TRUE when pregnant, FALSE when neither, UNKNOWN without a status).
 */
class CompositionTest {

  private static final Condition ADULT = PatientAge.builder().comparator(Comparator.GE).years(18).build();
  private static final Condition PREGNANT = Pregnancy.builder().build();

  private static final PatientFacts NOT_PREGNANT_AGE_UNKNOWN = facts().pregnancy(PregnancyStatus.NEITHER).build();
  private static final PatientFacts PREGNANT_AGE_UNKNOWN = facts().pregnancy(PregnancyStatus.PREGNANT).build();
  private static final PatientFacts ADULT_PREGNANCY_UNKNOWN = facts().ageYears(30).build();
  private static final PatientFacts ADULT_NOT_PREGNANT = facts().ageYears(30).pregnancy(PregnancyStatus.NEITHER).build();
  private static final PatientFacts ADULT_PREGNANT = facts().ageYears(30).pregnancy(PregnancyStatus.PREGNANT).build();

  private static Condition all(Condition... c) {
    return AllOf.builder().addConditions(c).build();
  }

  private static Condition any(Condition... c) {
    return AnyOf.builder().addConditions(c).build();
  }

  private static Condition not(Condition c) {
    return Not.builder().condition(c).build();
  }

  @Test
  void all_falseAndUnknown_isFalse() {
    assertThat(requireAtEligibility(all(PREGNANT, ADULT), NOT_PREGNANT_AGE_UNKNOWN).outcome()).isEqualTo(Outcome.FAIL);
  }

  @Test
  void all_unknownBeforeFalse_isFalse() {
    assertThat(requireAtEligibility(all(ADULT, PREGNANT), NOT_PREGNANT_AGE_UNKNOWN).outcome()).isEqualTo(Outcome.FAIL);
  }

  @Test
  void all_trueAndUnknown_isUnknownWithTheMissingFact() {
    Finding f = requireAtEligibility(all(ADULT, PREGNANT), ADULT_PREGNANCY_UNKNOWN);

    assertThat(f.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(f.missingFacts()).containsExactly("pregnancy status");
  }

  @Test
  void all_everyConditionTrue_isTrue() {
    assertThat(requireAtEligibility(all(ADULT, PREGNANT), ADULT_PREGNANT).outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void any_trueAndUnknown_isTrue() {
    assertThat(requireAtEligibility(any(ADULT, PREGNANT), PREGNANT_AGE_UNKNOWN).outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void any_falseAndUnknown_isUnknown() {
    Finding f = requireAtEligibility(any(PREGNANT, ADULT), NOT_PREGNANT_AGE_UNKNOWN);

    assertThat(f.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(f.missingFacts()).containsExactly("age");
  }

  @Test
  void any_everyConditionFalse_isFalse() {
    Condition minor = PatientAge.builder().comparator(Comparator.LT).years(18).build();

    assertThat(requireAtEligibility(any(PREGNANT, minor), ADULT_NOT_PREGNANT).outcome()).isEqualTo(Outcome.FAIL);
  }

  @Test
  void not_unknown_staysUnknown() {
    assertThat(requireAtEligibility(not(PREGNANT), ADULT_PREGNANCY_UNKNOWN).outcome()).isEqualTo(Outcome.UNKNOWN);
  }

  @Test
  void not_true_isFalse() {
    assertThat(requireAtEligibility(not(PREGNANT), ADULT_PREGNANT).outcome()).isEqualTo(Outcome.FAIL);
  }

  @Test
  void not_false_isTrue() {
    assertThat(requireAtEligibility(not(PREGNANT), ADULT_NOT_PREGNANT).outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void nested_notOfAnyWithUnknown_isUnknown() {
    assertThat(requireAtEligibility(not(any(PREGNANT, ADULT)), NOT_PREGNANT_AGE_UNKNOWN).outcome())
        .isEqualTo(Outcome.UNKNOWN);
  }

  @Test
  void truth_and_followsKleeneTable() {
    Truth[] v = Truth.values();
    Truth[][] expected = {
        {Truth.TRUE, Truth.FALSE, Truth.UNKNOWN},
        {Truth.FALSE, Truth.FALSE, Truth.FALSE},
        {Truth.UNKNOWN, Truth.FALSE, Truth.UNKNOWN}};
    for (int i = 0; i < v.length; i++) {
      for (int j = 0; j < v.length; j++) {
        assertThat(v[i].and(v[j])).as(v[i] + " and " + v[j]).isEqualTo(expected[i][j]);
      }
    }
  }

  @Test
  void truth_or_followsKleeneTable() {
    Truth[] v = Truth.values();
    Truth[][] expected = {
        {Truth.TRUE, Truth.TRUE, Truth.TRUE},
        {Truth.TRUE, Truth.FALSE, Truth.UNKNOWN},
        {Truth.TRUE, Truth.UNKNOWN, Truth.UNKNOWN}};
    for (int i = 0; i < v.length; i++) {
      for (int j = 0; j < v.length; j++) {
        assertThat(v[i].or(v[j])).as(v[i] + " or " + v[j]).isEqualTo(expected[i][j]);
      }
    }
  }

  @Test
  void truth_not_keepsUnknown() {
    assertThat(new Truth[] {Truth.TRUE.not(), Truth.FALSE.not(), Truth.UNKNOWN.not()})
        .containsExactly(Truth.FALSE, Truth.TRUE, Truth.UNKNOWN);
  }

  @Test
  void not_thresholdPlaceholder_isTheInnerThresholdNotTheNegatedCondition() {
    Condition minor = PatientAge.builder().comparator(Comparator.LT).years(18).build();

    Finding f = requireAtEligibility(not(minor), facts().ageYears(16).build());

    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).isEqualTo("Failed: 16 years against 18 years");
  }

  @Test
  void all_thresholdPlaceholder_listsEachPartsThreshold() {
    Condition upTo65 = PatientAge.builder().comparator(Comparator.LE).years(65).build();

    Finding f = requireAtEligibility(all(ADULT, upTo65), facts().ageYears(70).build());

    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).isEqualTo("Failed: 70 years against 18 years and 65 years");
  }

  @Test
  void valuePlaceholder_withSeveralFacts_namesEachFact() {
    Finding f = requireAtEligibility(all(ADULT, not(PREGNANT)), ADULT_PREGNANT);

    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).startsWith("Failed: age 30 years, pregnancy status PREGNANT against");
  }

  @Test
  void any_thresholdPlaceholder_listsEachPartsThreshold() {
    Condition upTo24 = PatientAge.builder().comparator(Comparator.LE).years(24).build();
    Condition from65 = PatientAge.builder().comparator(Comparator.GE).years(65).build();

    Finding f = requireAtEligibility(any(upTo24, from65), facts().ageYears(40).build());

    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).isEqualTo("Failed: 40 years against 24 years or 65 years");
  }
}
