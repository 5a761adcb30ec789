package org.kapsdk.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.kapsdk.core.model.Fixtures.assertProblems;
import static org.kapsdk.core.model.Fixtures.d;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Item and value ranges of assessment thresholds, per instrument and measure. */
class AssessmentThresholdChecksTest {

  private static AssessmentThreshold.Builder on(Instrument instrument, ScoreMeasure measure) {
    return AssessmentThreshold.builder()
        .instrument(instrument)
        .measure(measure)
        .comparator(Comparator.GE)
        .maxAge(d("30 d"));
  }

  @Test
  void build_withoutMeasure_defaultsToTotal() {
    AssessmentThreshold t =
        AssessmentThreshold.builder()
            .instrument(Instrument.GAD7)
            .comparator(Comparator.GE)
            .value(10)
            .maxAge(d("14 d"))
            .build();

    assertThat(t.measure()).isEqualTo(ScoreMeasure.TOTAL);
  }

  @Test
  void build_totalAbovePhq9Maximum_rejectsValue() {
    assertProblems(() -> on(Instrument.PHQ9, ScoreMeasure.TOTAL).value(28).build())
        .containsExactly(tuple("value", "must lie within the PHQ-9 total range 0 to 27"));
  }

  @Test
  void build_negativeMadrsTotal_rejectsValue() {
    assertProblems(() -> on(Instrument.MADRS, ScoreMeasure.TOTAL).value(-1).build())
        .containsExactly(tuple("value", "must lie within the MADRS total range 0 to 60"));
  }

  @ParameterizedTest
  @EnumSource(Instrument.class)
  void build_totalAtEachInstrumentsMaximum_accepts(Instrument instrument) {
    assertThat(on(instrument, ScoreMeasure.TOTAL).value(instrument.totalMax()).build().value())
        .isEqualTo(instrument.totalMax());
  }

  @Test
  void build_totalWithItem_rejectsItem() {
    assertProblems(() -> on(Instrument.PHQ9, ScoreMeasure.TOTAL).item(9).value(10).build())
        .containsExactly(tuple("item", "is only allowed when measure is ITEM"));
  }

  @Test
  void build_itemWithoutItemNumber_rejectsMissingItem() {
    assertProblems(() -> on(Instrument.PHQ9, ScoreMeasure.ITEM).value(1).build())
        .containsExactly(tuple("item", "is required when measure is ITEM"));
  }

  @Test
  void build_itemTenOnPhq9_rejectsItem() {
    assertProblems(() -> on(Instrument.PHQ9, ScoreMeasure.ITEM).item(10).value(1).build())
        .containsExactly(tuple("item", "must be an item number from 1 to 9 for PHQ-9"));
  }

  @Test
  void build_itemZero_rejectsItem() {
    assertProblems(() -> on(Instrument.GAD7, ScoreMeasure.ITEM).item(0).value(1).build())
        .containsExactly(tuple("item", "must be an item number from 1 to 7 for GAD-7"));
  }

  @Test
  void build_itemValueAbovePhq9ItemMaximum_rejectsValue() {
    assertProblems(() -> on(Instrument.PHQ9, ScoreMeasure.ITEM).item(9).value(4).build())
        .containsExactly(tuple("value", "must lie within the PHQ-9 item range 0 to 3"));
  }

  @Test
  void build_itemValueFourOnPcl5_accepts() {
    assertThat(on(Instrument.PCL5, ScoreMeasure.ITEM).item(20).value(4).build().item()).contains(20);
  }

  @Test
  void build_highestPositiveItemOnPhq9_rejectsMeasure() {
    assertProblems(() -> on(Instrument.PHQ9, ScoreMeasure.HIGHEST_POSITIVE_ITEM).value(1).build())
        .containsExactly(
            tuple(
                "measure",
                "HIGHEST_POSITIVE_ITEM needs an instrument with yes/no items; PHQ-9 has scored items"));
  }

  @Test
  void build_highestPositiveItemWithItem_rejectsItem() {
    assertProblems(
            () ->
                on(Instrument.CSSRS_SCREENER, ScoreMeasure.HIGHEST_POSITIVE_ITEM)
                    .item(4)
                    .value(4)
                    .build())
        .containsExactly(tuple("item", "is only allowed when measure is ITEM"));
  }

  @Test
  void build_highestPositiveItemSevenOnCssrs_rejectsValue() {
    assertProblems(
            () -> on(Instrument.CSSRS_SCREENER, ScoreMeasure.HIGHEST_POSITIVE_ITEM).value(7).build())
        .containsExactly(tuple("value", "must be an item number from 0 to 6 for C-SSRS screener"));
  }

  @Test
  void build_highestPositiveItemZeroOnCssrs_accepts() {
    assertThat(
            on(Instrument.CSSRS_SCREENER, ScoreMeasure.HIGHEST_POSITIVE_ITEM).value(0).build().value())
        .isZero();
  }

  @Test
  void build_withZeroMaxAge_rejectsMaxAge() {
    assertProblems(
            () -> on(Instrument.PHQ9, ScoreMeasure.TOTAL).value(10).maxAge(Duration.ZERO).build())
        .containsExactly(tuple("maxAge", "must be longer than zero"));
  }

  @Test
  void build_highestPositiveItemOnAldreteWithItemAndBadValue_reportsAllThree() {
    assertProblems(
            () -> on(Instrument.ALDRETE, ScoreMeasure.HIGHEST_POSITIVE_ITEM).item(1).value(6).build())
        .containsExactly(
            tuple("item", "is only allowed when measure is ITEM"),
            tuple(
                "measure",
                "HIGHEST_POSITIVE_ITEM needs an instrument with yes/no items; Aldrete has scored items"),
            tuple("value", "must be an item number from 0 to 5 for Aldrete"));
  }

  @Test
  void hasYesNoItems_onlyOnCssrs() {
    assertThat(java.util.Arrays.stream(Instrument.values()).filter(Instrument::hasYesNoItems))
        .containsExactly(Instrument.CSSRS_SCREENER);
  }
}
