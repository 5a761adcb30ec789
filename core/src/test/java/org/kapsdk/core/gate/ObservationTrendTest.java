package org.kapsdk.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kapsdk.core.gate.GateTesting.ago;
import static org.kapsdk.core.gate.GateTesting.d;
import static org.kapsdk.core.gate.GateTesting.facts;
import static org.kapsdk.core.gate.GateTesting.later;
import static org.kapsdk.core.gate.GateTesting.q;
import static org.kapsdk.core.gate.GateTesting.requireAtEligibility;
import static org.kapsdk.core.gate.GateTesting.systolic;

import org.junit.jupiter.api.Test;
import org.kapsdk.core.facts.Observation;
import org.kapsdk.core.model.Codes;
import org.kapsdk.core.model.ObservationTrend;
import org.kapsdk.core.model.TrendDirection;

class ObservationTrendTest {

  private static ObservationTrend trend(TrendDirection direction) {
    return ObservationTrend.builder().code(Codes.SYSTOLIC_BP).direction(direction).readings(3)
        .within(d("1 h")).tolerance(q("5 mmHg")).build();
  }

  /** Systolic readings 40, 20 and 5 minutes before T0, oldest first. */
  private static Finding readings(TrendDirection direction, String oldest, String middle, String latest) {
    return requireAtEligibility(trend(direction), facts().addObservations(
        systolic(oldest, ago("40 min")), systolic(middle, ago("20 min")), systolic(latest, ago("5 min"))).build());
  }

  @Test
  void falling_everyStepDown_passes() {
    assertThat(readings(TrendDirection.FALLING, "150 mmHg", "145 mmHg", "138 mmHg").outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void falling_oneStepUp_fails() {
    assertThat(readings(TrendDirection.FALLING, "150 mmHg", "152 mmHg", "138 mmHg").outcome()).isEqualTo(Outcome.FAIL);
  }

  @Test
  void falling_flatStep_fails() {
    assertThat(readings(TrendDirection.FALLING, "150 mmHg", "150 mmHg", "138 mmHg").outcome()).isEqualTo(Outcome.FAIL);
  }

  @Test
  void rising_everyStepUp_passes() {
    assertThat(readings(TrendDirection.RISING, "120 mmHg", "131 mmHg", "140 mmHg").outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void rising_oneStepDown_fails() {
    assertThat(readings(TrendDirection.RISING, "120 mmHg", "131 mmHg", "129 mmHg").outcome()).isEqualTo(Outcome.FAIL);
  }

  @Test
  void stable_stepsWithinTolerance_passes() {
    assertThat(readings(TrendDirection.STABLE, "140 mmHg", "145 mmHg", "140 mmHg").outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void stable_stepBeyondTolerance_fails() {
    assertThat(readings(TrendDirection.STABLE, "140 mmHg", "146 mmHg", "144 mmHg").outcome()).isEqualTo(Outcome.FAIL);
  }

  @Test
  void fallingOrStable_smallRiseWithinTolerance_passes() {
    assertThat(readings(TrendDirection.FALLING_OR_STABLE, "150 mmHg", "154 mmHg", "130 mmHg").outcome())
        .isEqualTo(Outcome.PASS);
  }

  @Test
  void fallingOrStable_riseBeyondTolerance_fails() {
    assertThat(readings(TrendDirection.FALLING_OR_STABLE, "150 mmHg", "140 mmHg", "146 mmHg").outcome())
        .isEqualTo(Outcome.FAIL);
  }

  @Test
  void trend_fewerReadingsThanRequired_isUnknown() {
    Finding f = requireAtEligibility(trend(TrendDirection.FALLING),
        facts().addObservations(systolic("150 mmHg", ago("20 min")), systolic("140 mmHg", ago("5 min"))).build());

    assertThat(f.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(f.missingFacts()).containsExactly("3 Systolic blood pressure readings within 1 h (found 2)");
  }

  @Test
  void trend_readingOutsideWindow_doesNotCount() {
    Finding f = requireAtEligibility(trend(TrendDirection.FALLING), facts().addObservations(
        systolic("160 mmHg", ago("61 min")), systolic("150 mmHg", ago("20 min")), systolic("140 mmHg", ago("5 min"))).build());

    assertThat(f.outcome()).isEqualTo(Outcome.UNKNOWN);
  }

  @Test
  void trend_readingAfterEvaluationInstant_isIgnored() {
    Finding f = requireAtEligibility(trend(TrendDirection.FALLING), facts().addObservations(
        systolic("150 mmHg", ago("40 min")), systolic("145 mmHg", ago("20 min")), systolic("140 mmHg", ago("5 min")),
        systolic("190 mmHg", later("1 min"))).build());

    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void trend_onlyLastReadingsCompared() {
    Finding f = requireAtEligibility(trend(TrendDirection.FALLING), facts().addObservations(
        systolic("120 mmHg", ago("50 min")), systolic("150 mmHg", ago("40 min")), systolic("145 mmHg", ago("20 min")),
        systolic("140 mmHg", ago("5 min"))).build());

    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
    assertThat(f.factsUsed()).extracting(FactUse::value).containsExactly("150 mmHg", "145 mmHg", "140 mmHg");
  }

  @Test
  void trend_readingsListedOutOfOrder_areOrderedByTime() {
    Observation oldest = systolic("150 mmHg", ago("40 min"));
    Observation middle = systolic("145 mmHg", ago("20 min"));
    Observation latest = systolic("140 mmHg", ago("5 min"));

    Finding f = requireAtEligibility(trend(TrendDirection.FALLING),
        facts().addObservations(latest, oldest, middle).build());

    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void trend_readingInOtherUnitThanTolerance_isUnknownNamingTheUnit() {
    Finding f = requireAtEligibility(trend(TrendDirection.FALLING), facts().addObservations(
        systolic("150 mmHg", ago("40 min")), systolic("145 %", ago("20 min")), systolic("140 mmHg", ago("5 min"))).build());

    assertThat(f.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(f.missingFacts()).containsExactly("Systolic blood pressure readings in mmHg (one recorded in %)");
  }

  @Test
  void trend_bloodPressureInOtherUnitWithoutTolerance_isUnknown() {
    ObservationTrend noTolerance = ObservationTrend.builder().code(Codes.SYSTOLIC_BP)
        .direction(TrendDirection.FALLING).readings(2).within(d("1 h")).build();

    Finding f = requireAtEligibility(noTolerance,
        facts().addObservations(systolic("150 %", ago("20 min")), systolic("140 %", ago("5 min"))).build());

    assertThat(f.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(f.missingFacts()).containsExactly("Systolic blood pressure readings in mmHg (one recorded in %)");
  }
}
