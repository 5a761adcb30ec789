package org.kapsdk.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.kapsdk.core.model.Fixtures.assertProblems;
import static org.kapsdk.core.model.Fixtures.d;
import static org.kapsdk.core.model.Fixtures.dosing;
import static org.kapsdk.core.model.Fixtures.q;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Checks of doses, dose ranges, cumulative limits and the dosing spec that holds them. */
class DosingChecksTest {

  private static FixedDose fixed(String amount) {
    return FixedDose.builder().amount(q(amount)).build();
  }

  private static WeightBasedDose.Builder weightBased() {
    return WeightBasedDose.builder().perKg(q("0.5 mg/kg")).roundTo(q("5 mg")).cap(q("60 mg"));
  }

  private static DoseRange range(String min, String max) {
    return DoseRange.builder().min(q(min)).max(q(max)).build();
  }

  /** Fixed 56 mg, no range, steps or limits: the bare minimum to vary one thing. */
  private static DosingSpec.Builder plainDosing() {
    return DosingSpec.builder()
        .medication(Fixtures.ESKETAMINE)
        .route(Route.INTRANASAL)
        .dose(fixed("56 mg"));
  }

  /* ------------------------------------------------------------------ doses */

  @ParameterizedTest
  @ValueSource(strings = {"0 mg", "-56 mg", "0.000 mg"})
  void fixedDoseBuild_withAmountNotAboveZero_rejectsAmount(String amount) {
    assertProblems(() -> fixed(amount)).containsExactly(tuple("amount", "must be positive"));
  }

  @Test
  void fixedDoseBuild_withAmountInMgPerKg_rejectsUnit() {
    assertProblems(() -> fixed("0.5 mg/kg"))
        .containsExactly(tuple("amount", "unit mg/kg does not fit here; expected mg"));
  }

  @Test
  void fixedDoseBuild_withAmountInMmHg_rejectsUnitNotSign() {
    assertProblems(() -> fixed("-1 mmHg"))
        .containsExactly(tuple("amount", "unit mmHg does not fit here; expected mg"));
  }

  @Test
  void weightBasedDoseBuild_withPerKgInMg_rejectsUnit() {
    assertProblems(() -> weightBased().perKg(q("35 mg")).build())
        .containsExactly(tuple("perKg", "unit mg does not fit here; expected mg/kg"));
  }

  @Test
  void weightBasedDoseBuild_withZeroPerKg_rejectsPerKg() {
    assertProblems(() -> weightBased().perKg(q("0 mg/kg")).build())
        .containsExactly(tuple("perKg", "must be positive"));
  }

  @Test
  void weightBasedDoseBuild_withZeroRoundTo_rejectsRoundTo() {
    assertProblems(() -> weightBased().roundTo(q("0 mg")).build())
        .containsExactly(tuple("roundTo", "must be positive"));
  }

  @Test
  void weightBasedDoseBuild_withNegativeCapInKg_rejectsUnit() {
    assertProblems(() -> weightBased().cap(q("-60 kg")).build())
        .containsExactly(tuple("cap", "unit kg does not fit here; expected mg"));
  }

  @Test
  void deviceDoseBuild_withZeroStrength_rejectsPerDevice() {
    assertProblems(
            () ->
                DeviceDose.builder()
                    .perDevice(q("0 mg"))
                    .devices(2)
                    .betweenDevices(d("5 min"))
                    .build())
        .containsExactly(tuple("perDevice", "must be positive"));
  }

  @Test
  void deviceDoseBuild_withZeroDevices_rejectsDevices() {
    assertProblems(
            () ->
                DeviceDose.builder()
                    .perDevice(q("28 mg"))
                    .devices(0)
                    .betweenDevices(d("5 min"))
                    .build())
        .containsExactly(tuple("devices", "must be at least 1"));
  }

  @Test
  void deviceDoseBuild_withNegativePause_rejectsBetweenDevices() {
    assertProblems(
            () ->
                DeviceDose.builder()
                    .perDevice(q("28 mg"))
                    .devices(2)
                    .betweenDevices(d("-5 min"))
                    .build())
        .containsExactly(tuple("betweenDevices", "must not be negative"));
  }

  @Test
  void deviceDoseTotal_ofThreeDevices_isThreeTimesStrength() {
    DeviceDose dose =
        DeviceDose.builder().perDevice(q("28 mg")).devices(3).betweenDevices(Duration.ZERO).build();

    assertThat(dose.total()).isEqualTo(q("84 mg"));
  }

  /* ------------------------------------------------------------------ range */

  @Test
  void rangeBuild_withMinAboveMax_rejectsMin() {
    assertProblems(() -> range("84 mg", "56 mg"))
        .containsExactly(tuple("min", "min (84 mg) must not be greater than max (56 mg)"));
  }

  @Test
  void rangeBuild_withEqualMinAndMax_accepts() {
    assertThat(range("56 mg", "56.0 mg").max()).isEqualTo(q("56 mg"));
  }

  @Test
  void rangeBuild_withZeroMinAndNegativeMax_rejectsBoth() {
    assertProblems(() -> range("0 mg", "-1 mg"))
        .containsExactly(tuple("min", "must be positive"), tuple("max", "must be positive"));
  }

  @Test
  void rangeBuild_withDifferentUnits_rejectsMax() {
    assertProblems(() -> range("0.5 mg/kg", "56 mg"))
        .containsExactly(tuple("max", "must be in the same unit as min (mg/kg)"));
  }

  /* ------------------------------------------------------------------ cumulative limit */

  @Test
  void cumulativeLimitBuild_withSessionPeriod_rejectsPeriod() {
    assertProblems(
            () ->
                CumulativeLimit.builder().period(LimitPeriod.SESSION).maximum(q("84 mg")).build())
        .containsExactly(tuple("period", "SESSION is not cumulative; use maxPerSession"));
  }

  @Test
  void cumulativeLimitBuild_withMaximumInMgPerKg_rejectsUnit() {
    assertProblems(
            () ->
                CumulativeLimit.builder().period(LimitPeriod.WEEK).maximum(q("2 mg/kg")).build())
        .containsExactly(tuple("maximum", "unit mg/kg does not fit here; expected mg"));
  }

  @Test
  void cumulativeLimitBuild_withZeroMaximum_rejectsMaximum() {
    assertProblems(
            () -> CumulativeLimit.builder().period(LimitPeriod.COURSE).maximum(q("0 mg")).build())
        .containsExactly(tuple("maximum", "must be positive"));
  }

  /* ------------------------------------------------------------------ dosing spec */

  @Test
  void dosingBuild_withRangeInMgPerKgForDeviceDose_rejectsBothBounds() {
    assertProblems(() -> dosing().allowedRange(range("0.5 mg/kg", "1 mg/kg")).titrationSteps(List.of()).build())
        .containsExactly(
            tuple("allowedRange.min", "must be in mg, the unit of the dose"),
            tuple("allowedRange.max", "must be in mg, the unit of the dose"));
  }

  @Test
  void dosingBuild_withRangeInMgForWeightBasedDose_rejectsBothBounds() {
    assertProblems(
            () -> plainDosing().dose(weightBased().build()).allowedRange(range("20 mg", "40 mg")).build())
        .containsExactly(
            tuple("allowedRange.min", "must be in mg/kg, the unit of the dose"),
            tuple("allowedRange.max", "must be in mg/kg, the unit of the dose"));
  }

  @Test
  void dosingBuild_withDoseAboveRange_rejectsDose() {
    assertProblems(() -> plainDosing().dose(fixed("100 mg")).allowedRange(range("56 mg", "84 mg")).build())
        .containsExactly(tuple("dose", "dose 100 mg lies outside the allowed range 56 mg to 84 mg"));
  }

  @Test
  void dosingBuild_withWeightBasedDoseBelowRange_rejectsDose() {
    assertProblems(
            () ->
                plainDosing()
                    .dose(weightBased().build())
                    .allowedRange(range("0.75 mg/kg", "1 mg/kg"))
                    .build())
        .containsExactly(
            tuple("dose", "dose 0.5 mg/kg lies outside the allowed range 0.75 mg/kg to 1 mg/kg"));
  }

  @Test
  void dosingBuild_withTitrationStepInOtherUnit_rejectsStep() {
    assertProblems(() -> plainDosing().addTitrationStep(q("1 mg/kg")).build())
        .containsExactly(tuple("titrationSteps[0]", "must be in mg, the unit of the dose"));
  }

  @Test
  void dosingBuild_withZeroTitrationStep_rejectsStep() {
    assertProblems(() -> plainDosing().addTitrationSteps(q("0 mg"), q("56 mg")).build())
        .containsExactly(tuple("titrationSteps[0]", "must be positive"));
  }

  @Test
  void dosingBuild_withDescendingTitrationSteps_rejectsSecondStep() {
    assertProblems(() -> plainDosing().addTitrationSteps(q("84 mg"), q("56 mg")).build())
        .containsExactly(
            tuple("titrationSteps[1]", "titration steps must be strictly ascending; 56 mg follows 84 mg"));
  }

  @Test
  void dosingBuild_withRepeatedTitrationStep_rejectsSecondStep() {
    assertProblems(() -> plainDosing().addTitrationSteps(q("56 mg"), q("56.0 mg")).build())
        .containsExactly(
            tuple("titrationSteps[1]", "titration steps must be strictly ascending; 56 mg follows 56 mg"));
  }

  @Test
  void dosingBuild_withTitrationStepAboveRange_rejectsStep() {
    assertProblems(() -> dosing().addTitrationStep(q("112 mg")).maxPerSession(q("112 mg")).build())
        .containsExactly(
            tuple("titrationSteps[2]", "step 112 mg lies outside the allowed range 56 mg to 84 mg"));
  }

  @Test
  void dosingBuild_withTitrationStepNotMultipleOfDeviceStrength_rejectsStep() {
    assertProblems(() -> dosing().titrationSteps(List.of(q("56 mg"), q("70 mg"))).build())
        .containsExactly(tuple("titrationSteps[1]", "step 70 mg is not a whole number of 28 mg devices"));
  }

  @Test
  void dosingBuild_withWeightBasedTitrationInMgPerKg_accepts() {
    DosingSpec spec =
        plainDosing()
            .dose(weightBased().build())
            .allowedRange(range("0.5 mg/kg", "1 mg/kg"))
            .addTitrationSteps(q("0.5 mg/kg"), q("0.75 mg/kg"), q("1 mg/kg"))
            .maxPerSession(q("60 mg"))
            .build();

    assertThat(spec.titrationSteps()).hasSize(3);
  }

  @Test
  void dosingBuild_withMaxPerSessionInMgPerKg_rejectsUnit() {
    assertProblems(() -> dosing().maxPerSession(q("1 mg/kg")).build())
        .containsExactly(tuple("maxPerSession", "unit mg/kg does not fit here; expected mg"));
  }

  @Test
  void dosingBuild_withZeroMaxPerSession_rejectsMaxPerSession() {
    assertProblems(() -> plainDosing().maxPerSession(q("0 mg")).build())
        .containsExactly(tuple("maxPerSession", "must be positive"));
  }

  @Test
  void dosingBuild_withMaxPerSessionBelowDeviceTotal_rejectsMaxPerSession() {
    assertProblems(() -> dosing().maxPerSession(q("28 mg")).build())
        .containsExactly(tuple("maxPerSession", "maxPerSession (28 mg) is below the dose (56 mg)"));
  }

  @Test
  void dosingBuild_withMaxPerSessionBelowWeightBasedCap_rejectsMaxPerSession() {
    assertProblems(() -> plainDosing().dose(weightBased().build()).maxPerSession(q("50 mg")).build())
        .containsExactly(
            tuple("maxPerSession", "maxPerSession (50 mg) is below the dose cap (60 mg)"));
  }

  @Test
  void dosingBuild_withTwoLimitsForOnePeriod_rejectsSecond() {
    assertProblems(
            () ->
                dosing()
                    .addCumulativeLimit(
                        CumulativeLimit.builder().period(LimitPeriod.WEEK).maximum(q("200 mg")).build())
                    .build())
        .containsExactly(
            tuple(
                "cumulativeLimits[2].period",
                "duplicate cumulative limit period 'WEEK' (first used at cumulativeLimits[1].period)"));
  }

  @Test
  void dosingBuild_withZeroAdministeredOver_rejectsAdministeredOver() {
    assertProblems(() -> plainDosing().administeredOver(Duration.ZERO).build())
        .containsExactly(tuple("administeredOver", "must be longer than zero"));
  }

  @Test
  void dosingBuild_withThreeProblems_reportsAllThree() {
    assertProblems(
            () ->
                dosing()
                    .titrationSteps(List.of(q("84 mg"), q("56 mg")))
                    .maxPerSession(q("28 mg"))
                    .administeredOver(d("0 min"))
                    .build())
        .containsExactly(
            tuple("titrationSteps[1]", "titration steps must be strictly ascending; 56 mg follows 84 mg"),
            tuple("maxPerSession", "maxPerSession (28 mg) is below the dose (56 mg)"),
            tuple("administeredOver", "must be longer than zero"));
  }

  @Test
  void dosingBuild_withNestedProblemsBuiltWhileDeferred_reportsNestedPaths() {
    DosingSpec spec =
        org.kapsdk.core.internal.DeferredValidation.run(
            () ->
                plainDosing()
                    .dose(fixed("0 mg"))
                    .allowedRange(range("84 mg", "56 mg"))
                    .addCumulativeLimit(
                        CumulativeLimit.builder().period(LimitPeriod.SESSION).maximum(q("84 mg")).build())
                    .build());

    assertProblems(() -> DosingSpec.builder().from(spec).build())
        .containsExactly(
            tuple("dose.amount", "must be positive"),
            tuple("allowedRange.min", "min (84 mg) must not be greater than max (56 mg)"),
            tuple("cumulativeLimits[0].period", "SESSION is not cumulative; use maxPerSession"));
  }

  @Test
  void dosingBuild_withInvertedRange_reportsRangeButNoStepOutsideIt() {
    DoseRange inverted =
        org.kapsdk.core.internal.DeferredValidation.run(() -> range("84 mg", "56 mg"));

    assertProblems(
            () -> plainDosing().allowedRange(inverted).addTitrationStep(q("70 mg")).build())
        .containsExactly(
            tuple("allowedRange.min", "min (84 mg) must not be greater than max (56 mg)"));
  }
}
