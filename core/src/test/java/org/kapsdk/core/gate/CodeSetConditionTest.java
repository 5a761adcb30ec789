package org.kapsdk.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.kapsdk.core.gate.GateTesting.ANEURYSM;
import static org.kapsdk.core.gate.GateTesting.PHENELZINE;
import static org.kapsdk.core.gate.GateTesting.SERTRALINE;
import static org.kapsdk.core.gate.GateTesting.T0;
import static org.kapsdk.core.gate.GateTesting.facts;
import static org.kapsdk.core.gate.GateTesting.requireAtEligibility;

import org.junit.jupiter.api.Test;
import org.kapsdk.core.facts.ConditionList;
import org.kapsdk.core.facts.MedicationList;
import org.kapsdk.core.model.Code;
import org.kapsdk.core.model.Codes;
import org.kapsdk.core.model.ConditionPresent;
import org.kapsdk.core.model.MedicationPresent;

class CodeSetConditionTest {

  private static final ConditionPresent VASCULAR = ConditionPresent.builder().label("aneurysmal vascular disease")
      .addCodes(ANEURYSM, Codes.snomed("234142008", "Arteriovenous malformation")).build();

  private static final MedicationPresent MAOI = MedicationPresent.builder().label("MAO inhibitors")
      .addCodes(PHENELZINE, Code.of("urn:kapsdk:test:medication", "tranylcypromine", "Tranylcypromine")).build();

  private static ConditionList problems(Code... codes) {
    return ConditionList.builder().reviewedAt(T0.minusSeconds(3600)).addCodes(codes).build();
  }

  private static MedicationList medications(Code... codes) {
    return MedicationList.builder().reconciledAt(T0.minusSeconds(3600)).addCodes(codes).build();
  }

  @Test
  void conditionPresent_codeOnReviewedList_holds() {
    Finding f = requireAtEligibility(VASCULAR, facts().conditions(problems(Codes.PTSD, ANEURYSM)).build());

    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
    assertThat(f.factsUsed()).extracting(FactUse::label, FactUse::value)
        .containsExactly(tuple("aneurysmal vascular disease", "Aneurysm"));
  }

  @Test
  void conditionPresent_sameConceptWithOtherDisplay_holds() {
    Finding f = requireAtEligibility(VASCULAR,
        facts().conditions(problems(Codes.snomed("432119003", "aneurysm (disorder)"))).build());

    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void conditionPresent_otherCodesOnly_doesNotHold() {
    Finding f = requireAtEligibility(VASCULAR, facts().conditions(problems(Codes.PTSD)).build());

    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.factsUsed()).extracting(FactUse::label, FactUse::value)
        .containsExactly(tuple("aneurysmal vascular disease", "none recorded"));
  }

  @Test
  void conditionPresent_sameCodeInOtherSystem_doesNotHold() {
    Finding f = requireAtEligibility(VASCULAR,
        facts().conditions(problems(Code.of("urn:other", "432119003", "Aneurysm"))).build());

    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
  }

  @Test
  void conditionPresent_reviewedEmptyList_doesNotHold() {
    Finding f = requireAtEligibility(VASCULAR, facts().conditions(problems()).build());

    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
  }

  @Test
  void conditionPresent_unreviewedList_isUnknown() {
    Finding f = requireAtEligibility(VASCULAR, facts().build());

    assertThat(f.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(f.missingFacts()).containsExactly("reviewed problem list");
  }

  @Test
  void medicationPresent_codeOnReconciledList_holds() {
    Finding f = requireAtEligibility(MAOI, facts().medications(medications(SERTRALINE, PHENELZINE)).build());

    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
    assertThat(f.factsUsed()).extracting(FactUse::value).containsExactly("Phenelzine");
  }

  @Test
  void medicationPresent_otherMedicationsOnly_doesNotHold() {
    Finding f = requireAtEligibility(MAOI, facts().medications(medications(SERTRALINE)).build());

    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
  }

  @Test
  void medicationPresent_reconciledEmptyList_doesNotHold() {
    Finding f = requireAtEligibility(MAOI, facts().medications(medications()).build());

    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
  }

  @Test
  void medicationPresent_unreconciledList_isUnknown() {
    Finding f = requireAtEligibility(MAOI, facts().conditions(problems(ANEURYSM)).build());

    assertThat(f.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(f.missingFacts()).containsExactly("reconciled medication list");
  }

  @Test
  void conditionPresent_reviewedMedicationListOnly_isUnknown() {
    Finding f = requireAtEligibility(VASCULAR, facts().medications(medications(PHENELZINE)).build());

    assertThat(f.outcome()).isEqualTo(Outcome.UNKNOWN);
  }

  @Test
  void conditionPresent_listReviewedAfterEvaluationInstant_isUnknown() {
    ConditionList reviewedTomorrow = ConditionList.builder().reviewedAt(T0.plusSeconds(86_400)).build();

    Finding f = requireAtEligibility(VASCULAR, facts().conditions(reviewedTomorrow).build());

    assertThat(f.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(f.missingFacts()).containsExactly("problem list reviewed by the evaluation instant (it was reviewed later)");
  }

  @Test
  void medicationPresent_listReconciledAfterEvaluationInstant_isUnknown() {
    MedicationList reconciledTomorrow = MedicationList.builder().reconciledAt(T0.plusSeconds(86_400)).build();

    Finding f = requireAtEligibility(MAOI, facts().medications(reconciledTomorrow).build());

    assertThat(f.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(f.missingFacts())
        .containsExactly("medication list reconciled by the evaluation instant (it was reconciled later)");
  }

  @Test
  void conditionPresent_listReviewedAtEvaluationInstant_isUsed() {
    ConditionList reviewedNow = ConditionList.builder().reviewedAt(T0).addCodes(ANEURYSM).build();

    assertThat(requireAtEligibility(VASCULAR, facts().conditions(reviewedNow).build()).outcome()).isEqualTo(Outcome.PASS);
  }
}
