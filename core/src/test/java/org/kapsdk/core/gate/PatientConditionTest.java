package org.kapsdk.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kapsdk.core.gate.GateTesting.facts;
import static org.kapsdk.core.gate.GateTesting.requireAtEligibility;

import org.junit.jupiter.api.Test;
import org.kapsdk.core.facts.PregnancyStatus;
import org.kapsdk.core.model.Comparator;
import org.kapsdk.core.model.PatientAge;
import org.kapsdk.core.model.Pregnancy;

class PatientConditionTest {

  private static final PatientAge ADULT = PatientAge.builder().comparator(Comparator.GE).years(18).build();
  private static final Pregnancy PREGNANT = Pregnancy.builder().build();
  private static final Pregnancy PREGNANT_OR_BREASTFEEDING = Pregnancy.builder().includeBreastfeeding(true).build();

  @Test
  void age_atThreshold_holds() {
    Finding f = requireAtEligibility(ADULT, facts().ageYears(18).build());

    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
    assertThat(f.factsUsed()).extracting(FactUse::label, FactUse::value)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("age", "18 years"));
  }

  @Test
  void age_belowThreshold_doesNotHold() {
    Finding f = requireAtEligibility(ADULT, facts().ageYears(17).build());

    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).isEqualTo("Failed: 17 years against 18 years");
  }

  @Test
  void age_notRecorded_isUnknown() {
    Finding f = requireAtEligibility(ADULT, facts().build());

    assertThat(f.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(f.missingFacts()).containsExactly("age");
  }

  @Test
  void pregnancy_pregnant_holds() {
    Finding f = requireAtEligibility(PREGNANT, facts().pregnancy(PregnancyStatus.PREGNANT).build());

    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void pregnancy_neither_doesNotHold() {
    Finding f = requireAtEligibility(PREGNANT_OR_BREASTFEEDING, facts().pregnancy(PregnancyStatus.NEITHER).build());

    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
  }

  @Test
  void pregnancy_breastfeedingWithoutBreastfeedingIncluded_doesNotHold() {
    Finding f = requireAtEligibility(PREGNANT, facts().pregnancy(PregnancyStatus.BREASTFEEDING).build());

    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
  }

  @Test
  void pregnancy_breastfeedingWithBreastfeedingIncluded_holds() {
    Finding f = requireAtEligibility(PREGNANT_OR_BREASTFEEDING, facts().pregnancy(PregnancyStatus.BREASTFEEDING).build());

    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void pregnancy_pregnantWithBreastfeedingIncluded_holds() {
    Finding f = requireAtEligibility(PREGNANT_OR_BREASTFEEDING, facts().pregnancy(PregnancyStatus.PREGNANT).build());

    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void pregnancy_notRecorded_isUnknown() {
    Finding f = requireAtEligibility(PREGNANT, facts().ageYears(30).build());

    assertThat(f.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(f.missingFacts()).containsExactly("pregnancy status");
  }
}
