package org.kapsdk.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link Code} identity and the {@link Codes} look-ups. */
class CodeTest {

  @Test
  void sameConcept_withDifferentDisplay_isTrue() {
    assertThat(Codes.SYSTOLIC_BP.sameConcept(Codes.loinc("8480-6", "SBP"))).isTrue();
  }

  @Test
  void sameConcept_withAbsentDisplay_isTrue() {
    Code bare = Code.builder().system(Codes.LOINC).code("8480-6").build();

    assertThat(bare.sameConcept(Codes.SYSTOLIC_BP)).isTrue();
  }

  @Test
  void equals_withDifferentDisplay_isFalse() {
    assertThat(Codes.SYSTOLIC_BP).isNotEqualTo(Codes.loinc("8480-6", "SBP"));
  }

  @Test
  void sameConcept_withOtherSystem_isFalse() {
    assertThat(Codes.SYSTOLIC_BP.sameConcept(Codes.snomed("8480-6", "Systolic blood pressure")))
        .isFalse();
  }

  @Test
  void sameConcept_withOtherCode_isFalse() {
    assertThat(Codes.SYSTOLIC_BP.sameConcept(Codes.DIASTOLIC_BP)).isFalse();
  }

  @Test
  void dimensionOf_knownVitalSign_ignoresDisplay() {
    assertThat(Codes.dimensionOf(Codes.loinc("8480-6", "anything"))).contains(Dimension.PRESSURE);
  }

  @Test
  void dimensionOf_panelAndDiagnosis_isEmpty() {
    assertThat(Codes.dimensionOf(Codes.BP_PANEL)).isEmpty();
    assertThat(Codes.dimensionOf(Codes.PTSD)).isEmpty();
  }

  @Test
  void dimensionOf_eachMeasuredCode_matchesItsUnit() {
    assertThat(Codes.dimensionOf(Codes.SPO2_PULSE_OXIMETRY)).contains(Unit.PERCENT.dimension());
    assertThat(Codes.dimensionOf(Codes.RESPIRATORY_RATE)).contains(Unit.PER_MIN.dimension());
    assertThat(Codes.dimensionOf(Codes.BODY_TEMPERATURE)).contains(Unit.CELSIUS.dimension());
    assertThat(Codes.dimensionOf(Codes.BMI)).contains(Unit.KG_PER_M2.dimension());
    assertThat(Codes.dimensionOf(Codes.GAD7_TOTAL)).contains(Unit.SCORE.dimension());
  }

  @Test
  void nameOf_codeWithDisplay_usesOwnDisplay() {
    assertThat(Codes.nameOf(Codes.loinc("8480-6", "SBP"))).isEqualTo("SBP");
  }

  @Test
  void nameOf_knownCodeWithoutDisplay_usesListedDisplay() {
    assertThat(Codes.nameOf(Code.builder().system(Codes.LOINC).code("8480-6").build()))
        .isEqualTo("Systolic blood pressure");
  }

  @Test
  void nameOf_unknownCodeWithoutDisplay_usesBareCode() {
    assertThat(Codes.nameOf(Code.builder().system("urn:clinic").code("pain-7").build()))
        .isEqualTo("pain-7");
  }
}
