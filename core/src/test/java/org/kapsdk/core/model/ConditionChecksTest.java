package org.kapsdk.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.kapsdk.core.model.Fixtures.assertProblems;
import static org.kapsdk.core.model.Fixtures.d;
import static org.kapsdk.core.model.Fixtures.pregnancy;
import static org.kapsdk.core.model.Fixtures.q;

import java.time.Duration;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Checks of every condition kind except assessments, and of condition nesting. */
class ConditionChecksTest {

  private static ObservationThreshold.Builder threshold(Code code, String value) {
    return ObservationThreshold.builder()
        .code(code)
        .comparator(Comparator.GT)
        .value(q(value))
        .maxAge(d("15 min"));
  }

  private static ObservationTrend.Builder trend() {
    return ObservationTrend.builder()
        .code(Codes.HEART_RATE)
        .direction(TrendDirection.FALLING)
        .within(d("30 min"));
  }

  /* ------------------------------------------------------------------ observations */

  @Test
  void thresholdBuild_withMgPerKgForSystolic_rejectsUnitNamingExpected() {
    assertProblems(() -> threshold(Codes.SYSTOLIC_BP, "1 mg/kg").build())
        .containsExactly(
            tuple("value", "unit mg/kg does not fit Systolic blood pressure; expected mmHg"));
  }

  @Test
  void thresholdBuild_withMmHgForBodyWeight_listsEveryBodyMassUnit() {
    assertProblems(() -> threshold(Codes.BODY_WEIGHT, "70 mmHg").build())
        .containsExactly(tuple("value", "unit mmHg does not fit Body weight; expected kg or lb"));
  }

  @Test
  void thresholdBuild_withCodeLackingDisplay_namesKnownConcept() {
    Code bare = Code.builder().system(Codes.LOINC).code("8867-4").build();

    assertProblems(() -> threshold(bare, "90 mmHg").build())
        .containsExactly(tuple("value", "unit mmHg does not fit Heart rate; expected /min"));
  }

  @Test
  void thresholdBuild_withUcumCodeForSystolic_accepts() {
    assertThat(threshold(Codes.SYSTOLIC_BP, "140 mm[Hg]").build().value()).isEqualTo(q("140 mmHg"));
  }

  @Test
  void thresholdBuild_withUnknownCodeAndAnyUnit_accepts() {
    Code local = Code.of("urn:clinic:obs", "pain", "Pain score");

    assertThat(threshold(local, "7 {score}").build().value().unit()).isEqualTo(Unit.SCORE);
  }

  @Test
  void thresholdBuild_withZeroMaxAge_rejectsMaxAge() {
    assertProblems(() -> threshold(Codes.SPO2, "92 %").maxAge(Duration.ZERO).build())
        .containsExactly(tuple("maxAge", "must be longer than zero"));
  }

  @Test
  void trendBuild_withOneReading_rejectsReadings() {
    assertProblems(() -> trend().readings(1).build())
        .containsExactly(tuple("readings", "must be at least 2"));
  }

  @Test
  void trendBuild_withZeroWithin_rejectsWithin() {
    assertProblems(() -> trend().within(Duration.ZERO).build())
        .containsExactly(tuple("within", "must be longer than zero"));
  }

  @Test
  void trendBuild_withToleranceInWrongUnit_rejectsUnitOnly() {
    assertProblems(() -> trend().tolerance(q("-5 kg")).build())
        .containsExactly(tuple("tolerance", "unit kg does not fit Heart rate; expected /min"));
  }

  @Test
  void trendBuild_withNegativeTolerance_rejectsTolerance() {
    assertProblems(() -> trend().tolerance(q("-5 /min")).build())
        .containsExactly(tuple("tolerance", "must not be negative"));
  }

  /* ------------------------------------------------------------------ code sets */

  @Test
  void conditionPresentBuild_withBlankLabel_rejectsLabel() {
    assertProblems(
            () ->
                ConditionPresent.builder().label(" ").addCode(Codes.PTSD).build())
        .containsExactly(tuple("label", "must not be blank"));
  }

  @Test
  void conditionPresentBuild_withoutCodes_rejectsEmptyList() {
    assertProblems(() -> ConditionPresent.builder().label("ptsd").build())
        .containsExactly(tuple("codes", "must not be empty"));
  }

  @Test
  void conditionPresentBuild_withSameConceptTwice_rejectsSecondCode() {
    Code sameWithOtherDisplay = Codes.snomed("47505003", "PTSD");

    assertProblems(
            () ->
                ConditionPresent.builder()
                    .label("ptsd")
                    .addCodes(Codes.PTSD, sameWithOtherDisplay)
                    .build())
        .containsExactly(
            tuple(
                "codes[1]",
                "duplicate code 'http://snomed.info/sct|47505003' (first used at codes[0])"));
  }

  @Test
  void medicationPresentBuild_withoutCodes_rejectsEmptyList() {
    assertProblems(() -> MedicationPresent.builder().label("MAOIs").build())
        .containsExactly(tuple("codes", "must not be empty"));
  }

  @Test
  void medicationPresentBuild_withBlankLabelAndDuplicateCode_reportsBoth() {
    assertProblems(
            () ->
                MedicationPresent.builder()
                    .label("")
                    .addCodes(Fixtures.PHENELZINE, Fixtures.PHENELZINE)
                    .build())
        .containsExactly(
            tuple("label", "must not be blank"),
            tuple(
                "codes[1]",
                "duplicate code 'urn:kapsdk:test:medication|phenelzine' (first used at codes[0])"));
  }

  /* ------------------------------------------------------------------ simple kinds */

  @ParameterizedTest
  @ValueSource(ints = {-1, 131})
  void ageBuild_withYearsOutsideZeroTo130_rejectsYears(int years) {
    assertProblems(() -> PatientAge.builder().comparator(Comparator.LT).years(years).build())
        .containsExactly(tuple("years", "must be between 0 and 130"));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 130})
  void ageBuild_withYearsAtBounds_accepts(int years) {
    assertThat(PatientAge.builder().comparator(Comparator.GE).years(years).build().years())
        .isEqualTo(years);
  }

  @Test
  void sessionIntervalBuild_withBlankSession_rejectsSession() {
    assertProblems(() -> SessionInterval.builder().session("").atLeast(d("1 d")).build())
        .containsExactly(tuple("session", "must not be blank"));
  }

  @Test
  void sessionIntervalBuild_withNoBounds_rejectsInterval() {
    assertProblems(() -> SessionInterval.builder().build())
        .containsExactly(tuple("", "at least one of atLeast and atMost must be set"));
  }

  @Test
  void sessionIntervalBuild_withAtLeastAboveAtMost_rejectsAtLeast() {
    assertProblems(
            () -> SessionInterval.builder().atLeast(d("3 d")).atMost(d("1 d")).build())
        .containsExactly(tuple("atLeast", "atLeast (3 d) must not be greater than atMost (1 d)"));
  }

  @Test
  void sessionIntervalBuild_withNegativeAtLeastAndZeroAtMost_reportsBothButNoOrder() {
    assertProblems(
            () -> SessionInterval.builder().atLeast(d("-1 d")).atMost(Duration.ZERO).build())
        .containsExactly(
            tuple("atLeast", "must not be negative"), tuple("atMost", "must be longer than zero"));
  }

  @Test
  void doseLimitBuild_withMaximumInMmHg_rejectsUnit() {
    assertProblems(
            () -> DoseLimit.builder().period(LimitPeriod.DAY).maximum(q("-84 mmHg")).build())
        .containsExactly(tuple("maximum", "unit mmHg does not fit a dose; expected mg or mg/kg"));
  }

  @Test
  void doseLimitBuild_withZeroMaximum_rejectsMaximum() {
    assertProblems(() -> DoseLimit.builder().period(LimitPeriod.DAY).maximum(q("0 mg")).build())
        .containsExactly(tuple("maximum", "must be positive"));
  }

  @Test
  void doseLimitBuild_withMgPerKgAndNoWeightMaxAge_rejectsMissingWeightMaxAge() {
    assertProblems(
            () -> DoseLimit.builder().period(LimitPeriod.SESSION).maximum(q("0.5 mg/kg")).build())
        .containsExactly(tuple("weightMaxAge", "is required when maximum is in mg/kg"));
  }

  @Test
  void doseLimitBuild_withZeroWeightMaxAge_rejectsWeightMaxAge() {
    assertProblems(
            () ->
                DoseLimit.builder()
                    .period(LimitPeriod.SESSION)
                    .maximum(q("0.5 mg/kg"))
                    .weightMaxAge(Duration.ZERO)
                    .build())
        .containsExactly(tuple("weightMaxAge", "must be longer than zero"));
  }

  @Test
  void doseLimitBuild_withMgPerKgAndWeightMaxAge_accepts() {
    DoseLimit limit =
        DoseLimit.builder()
            .period(LimitPeriod.SESSION)
            .maximum(q("0.5 mg/kg"))
            .weightMaxAge(d("30 d"))
            .build();

    assertThat(limit.weightMaxAge()).contains(Duration.ofDays(30));
  }

  @Test
  void monitoringElapsedBuild_withZeroAtLeast_rejectsAtLeast() {
    assertProblems(() -> MonitoringElapsed.builder().atLeast(Duration.ZERO).build())
        .containsExactly(tuple("atLeast", "must be longer than zero"));
  }

  @Test
  void attestationBuild_withInvalidName_rejectsAttestation() {
    assertProblems(() -> AttestationPresent.builder().attestation("ready?").build())
        .containsExactly(
            tuple(
                "attestation",
                "'ready?' is not a valid id; use letters, digits, '.', '_' or '-' (at most 64 characters)"));
  }

  @Test
  void attestationBuild_withZeroElapsedAndSubSecondMaxAge_reportsBoth() {
    assertProblems(
            () ->
                AttestationPresent.builder()
                    .attestation("ready")
                    .elapsedAtLeast(Duration.ZERO)
                    .maxAge(Duration.ofMillis(10))
                    .build())
        .containsExactly(
            tuple("elapsedAtLeast", "must be longer than zero"),
            tuple("maxAge", "must be a whole number of seconds"));
  }

  @Test
  void extensionBuild_withUpperCaseName_rejectsName() {
    assertProblems(() -> ExtensionCondition.builder().name("Clinic.BMI").build())
        .containsExactly(
            tuple(
                "name",
                "'Clinic.BMI' is not a valid extension name; use lower-case words joined by '.' or"
                    + " '-', such as clinic.bmi-check"));
  }

  @Test
  void extensionBuild_withBlankParameterName_rejectsParameters() {
    assertProblems(
            () -> ExtensionCondition.builder().name("clinic.bmi").putParameter(" ", "40").build())
        .containsExactly(tuple("parameters", "parameter names must not be blank"));
  }

  /* ------------------------------------------------------------------ combinators, nesting */

  @Test
  void allOfBuild_withoutConditions_rejectsEmptyList() {
    assertProblems(() -> AllOf.builder().build())
        .containsExactly(tuple("conditions", "must not be empty"));
  }

  @Test
  void anyOfBuild_withoutConditions_rejectsEmptyList() {
    assertProblems(() -> AnyOf.builder().build())
        .containsExactly(tuple("conditions", "must not be empty"));
  }

  @Test
  void anyOfBuild_withBadChildBuiltWhileDeferred_reportsChildPath() {
    Not bad =
        org.kapsdk.core.internal.DeferredValidation.run(
            () ->
                Not.builder()
                    .condition(MonitoringElapsed.builder().atLeast(Duration.ZERO).build())
                    .build());

    assertProblems(() -> AnyOf.builder().addCondition(pregnancy()).addCondition(bad).build())
        .containsExactly(tuple("conditions[1].condition.atLeast", "must be longer than zero"));
  }

  private static Condition nots(int levels) {
    Condition c = pregnancy();
    for (int i = 1; i < levels; i++) {
      c = Not.builder().condition(c).build();
    }
    return c;
  }

  @Test
  void notBuild_sixteenLevelsDeep_accepts() {
    assertThat(nots(16)).isInstanceOf(Not.class);
  }

  @Test
  void notBuild_seventeenLevelsDeep_rejectsDeepestCondition() {
    String path = String.join(".", Collections.nCopies(16, "condition"));

    assertProblems(() -> Not.builder().condition(nots(16)).build())
        .containsExactly(tuple(path, "conditions are nested more than 16 levels deep"));
  }

  @Test
  void allOfBuild_seventeenLevelsDeep_rejectsDeepestCondition() {
    Condition c = pregnancy();
    for (int i = 1; i < 16; i++) {
      c = AllOf.builder().addCondition(c).build();
    }
    Condition sixteen = c;
    String path = String.join(".", Collections.nCopies(16, "conditions[0]"));

    assertProblems(() -> AllOf.builder().addCondition(sixteen).build())
        .containsExactly(tuple(path, "conditions are nested more than 16 levels deep"));
  }

  @Test
  void ruleBuild_withSixteenLevelsInForbid_accepts() {
    Rule rule = Fixtures.rule("deep", Gate.ELIGIBILITY).forbid(nots(16)).build();

    assertThat(rule.forbid()).isPresent();
  }

  @Test
  void kindName_ofEachKind_isItsFileName() {
    assertThat(pregnancy().kindName()).isEqualTo("pregnancy");
    assertThat(nots(2).kindName()).isEqualTo("not");
    assertThat(ConditionKinds.names()).hasSize(15).startsWith("observation").endsWith("extension");
  }
}
