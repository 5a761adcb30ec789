package org.kapsdk.core.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kapsdk.core.outcome.OutcomeTesting.T0;
import static org.kapsdk.core.outcome.OutcomeTesting.cssrs;
import static org.kapsdk.core.outcome.OutcomeTesting.days;
import static org.kapsdk.core.outcome.OutcomeTesting.total;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.kapsdk.core.facts.AssessmentResult;
import org.kapsdk.core.internal.Mappers;
import org.kapsdk.core.model.Instrument;
import org.kapsdk.core.outcome.CssrsRisk.Level;

class CssrsRiskTest {
  private static final Instant MONTH_AGO = T0.minus(Duration.ofDays(30));
  private static final Instant QUARTER_AGO = T0.minus(Duration.ofDays(90));
  private static final Duration SECOND = Duration.ofSeconds(1);

  private static CssrsRisk classify(AssessmentResult... results) {
    return CssrsRisk.classify(List.of(results), T0);
  }

  private static AssessmentResult negative(Instant at) {
    return cssrs(at, 0, 0, 0, 0, 0, 0);
  }

  @Test
  void windows_are30And90Days() {
    assertThat(List.of(CssrsRisk.PAST_MONTH, CssrsRisk.PAST_THREE_MONTHS))
        .containsExactly(Duration.ofDays(30), Duration.ofDays(90));
  }

  @Test
  void classify_noResult_isUnknownNeverNotHigh() {
    CssrsRisk r = classify();

    assertThat(r.level()).isEqualTo(Level.UNKNOWN);
    assertThat(r.reason()).isEqualTo("no C-SSRS screener with item scores within the past 30 days");
    assertThat(r.highestPositiveItem()).isEmpty();
    assertThat(r.basedOn()).isEmpty();
    assertThat(r.evaluatedAt()).isEqualTo(T0);
  }

  @Test
  void classify_allNegativeRecently_isNotHigh() {
    CssrsRisk r = classify(negative(days(-2)));

    assertThat(r.level()).isEqualTo(Level.NOT_HIGH);
    assertThat(r.highestPositiveItem()).contains(0);
    assertThat(r.basedOn()).contains(days(-2));
    assertThat(r.reason()).contains("no positive item");
  }

  @Test
  void classify_item4PositiveRecently_isHigh() {
    CssrsRisk r = classify(cssrs(days(-2), 1, 1, 1, 1, 0, 0));

    assertThat(r.level()).isEqualTo(Level.HIGH);
    assertThat(r.highestPositiveItem()).contains(4);
    assertThat(r.basedOn()).contains(days(-2));
    assertThat(r.reason()).contains("item 4 (ideation with some intent) positive within the past 30 days")
        .contains("CSSRS-T");
  }

  @Test
  void classify_item5PositiveRecently_isHigh() {
    CssrsRisk r = classify(cssrs(days(-2), 0, 0, 0, 0, 1, 0));

    assertThat(r.level()).isEqualTo(Level.HIGH);
    assertThat(r.highestPositiveItem()).contains(5);
    assertThat(r.reason()).contains("item 5 (plan and intent)");
  }

  @Test
  void classify_item6PositiveRecently_isHigh() {
    CssrsRisk r = classify(cssrs(days(-2), 0, 0, 0, 0, 0, 1));

    assertThat(r.level()).isEqualTo(Level.HIGH);
    assertThat(r.highestPositiveItem()).contains(6);
    assertThat(r.reason()).contains("item 6 (suicidal behaviour) positive within the past 90 days");
  }

  @Test
  void classify_items4To6Positive_namesEachHighRiskItem() {
    CssrsRisk r = classify(cssrs(days(-2), 0, 0, 0, 1, 1, 1));

    assertThat(r.reason()).contains("item 4 ", "item 5 ", "item 6 ");
  }

  @Test
  void classify_items1To3PositiveOnly_isNotHighWithHighestItemAndNoInventedLevel() {
    CssrsRisk r = classify(cssrs(days(-2), 1, 1, 1, 0, 0, 0));

    assertThat(r.level()).isEqualTo(Level.NOT_HIGH);
    assertThat(r.highestPositiveItem()).contains(3);
    assertThat(r.reason()).contains("highest positive item 3")
        .contains("no criteria for low or moderate risk");
  }

  @Test
  void classify_item4PositiveExactly30DaysAgo_isHigh() {
    assertThat(classify(cssrs(MONTH_AGO, 0, 0, 0, 1, 0, 0)).level()).isEqualTo(Level.HIGH);
  }

  @Test
  void classify_item4PositiveJustOver30DaysAgoWithRecentNegative_isNotHigh() {
    CssrsRisk r = classify(cssrs(MONTH_AGO.minus(SECOND), 0, 0, 0, 1, 0, 0), negative(days(-1)));

    assertThat(r.level()).isEqualTo(Level.NOT_HIGH);
    assertThat(r.highestPositiveItem()).contains(0);
  }

  @Test
  void classify_item4PositiveJustOver30DaysAgoAlone_isUnknown() {
    assertThat(classify(cssrs(MONTH_AGO.minus(SECOND), 0, 0, 0, 1, 0, 0)).level()).isEqualTo(Level.UNKNOWN);
  }

  @Test
  void classify_item6PositiveExactly90DaysAgo_isHigh() {
    CssrsRisk r = classify(cssrs(QUARTER_AGO, 0, 0, 0, 0, 0, 1), negative(days(-1)));

    assertThat(r.level()).isEqualTo(Level.HIGH);
    assertThat(r.basedOn()).contains(QUARTER_AGO);
  }

  @Test
  void classify_item6PositiveJustOver90DaysAgo_isNotHigh() {
    assertThat(classify(cssrs(QUARTER_AGO.minus(SECOND), 0, 0, 0, 0, 0, 1), negative(days(-1))).level())
        .isEqualTo(Level.NOT_HIGH);
  }

  @Test
  void classify_item6Positive60DaysAgo_isHighDespiteRecentNegative() {
    assertThat(classify(cssrs(days(-60), 0, 0, 0, 0, 0, 1), negative(days(-1))).level()).isEqualTo(Level.HIGH);
  }

  @Test
  void classify_item6Positive60DaysAgoWithoutRecentScreener_isStillHigh() {
    // A positive answer inside its window is never discarded for want of a newer screener.
    assertThat(classify(cssrs(days(-60), 0, 0, 0, 0, 0, 1)).level()).isEqualTo(Level.HIGH);
  }

  @Test
  void classify_items1To5Positive60DaysAgo_areOutsideTheirWindow() {
    CssrsRisk r = classify(cssrs(days(-60), 1, 1, 1, 1, 1, 0), negative(days(-1)));

    assertThat(r.level()).isEqualTo(Level.NOT_HIGH);
    assertThat(r.highestPositiveItem()).contains(0);
  }

  @Test
  void classify_item4PositiveThenLaterNegative_staysHigh() {
    CssrsRisk r = classify(negative(days(-2)), cssrs(days(-10), 0, 0, 0, 1, 0, 0));

    assertThat(r.level()).isEqualTo(Level.HIGH);
    assertThat(r.basedOn()).contains(days(-10));
  }

  @Test
  void classify_twoHighScreeners_namesTheMostRecent() {
    CssrsRisk r = classify(cssrs(days(-20), 0, 0, 0, 1, 0, 0), cssrs(days(-5), 0, 0, 0, 0, 1, 0));

    assertThat(r.basedOn()).contains(days(-5));
    assertThat(r.highestPositiveItem()).contains(5);
  }

  @Test
  void classify_negativeJustOver30DaysAgo_isStaleSoUnknown() {
    CssrsRisk r = classify(negative(MONTH_AGO.minus(SECOND)));

    assertThat(r.level()).isEqualTo(Level.UNKNOWN);
    assertThat(r.reason()).isEqualTo("no C-SSRS screener with item scores within the past 30 days");
  }

  @Test
  void classify_negativeExactly30DaysAgo_isNotHigh() {
    assertThat(classify(negative(MONTH_AGO)).level()).isEqualTo(Level.NOT_HIGH);
  }

  @Test
  void classify_negativeAtTheEvaluationInstant_isNotHigh() {
    assertThat(classify(negative(T0)).level()).isEqualTo(Level.NOT_HIGH);
  }

  @Test
  void classify_screenerAfterTheEvaluationInstant_isIgnored() {
    assertThat(classify(cssrs(T0.plus(SECOND), 0, 0, 0, 1, 0, 0)).level()).isEqualTo(Level.UNKNOWN);
    assertThat(classify(cssrs(T0.plus(SECOND), 0, 0, 0, 1, 0, 0), negative(days(-1))).level())
        .isEqualTo(Level.NOT_HIGH);
  }

  @Test
  void classify_totalOnlyScreenerInWindow_isUnknownEvenWithRecentNegative() {
    CssrsRisk r = classify(negative(days(-1)), total(Instrument.CSSRS_SCREENER, days(-3), 0));

    assertThat(r.level()).isEqualTo(Level.UNKNOWN);
    assertThat(r.basedOn()).contains(days(-3));
    assertThat(r.reason()).contains("has no item scores");
  }

  @Test
  void classify_totalOnlyScreener60DaysAgo_stillHidesItem6() {
    assertThat(classify(negative(days(-1)), total(Instrument.CSSRS_SCREENER, days(-60), 1)).level())
        .isEqualTo(Level.UNKNOWN);
  }

  @Test
  void classify_totalOnlyScreenerOutsideAllWindows_isIgnored() {
    assertThat(classify(negative(days(-1)), total(Instrument.CSSRS_SCREENER, days(-91), 6)).level())
        .isEqualTo(Level.NOT_HIGH);
  }

  @Test
  void classify_totalOnlyScreenerBesideAHighOne_isHigh() {
    assertThat(classify(total(Instrument.CSSRS_SCREENER, days(-1), 0), cssrs(days(-3), 0, 0, 0, 0, 1, 0)).level())
        .isEqualTo(Level.HIGH);
  }

  @Test
  void classify_otherInstruments_areIgnored() {
    AssessmentResult phq9 = OutcomeTesting.items(Instrument.PHQ9, days(-1), 0, 0, 0, 0, 0, 0, 0, 0, 3);

    assertThat(classify(phq9).level()).isEqualTo(Level.UNKNOWN);
  }

  @Test
  void classify_doesNotDependOnTheOrderOfResults() {
    List<AssessmentResult> results = new ArrayList<>(List.of(negative(days(-1)), cssrs(days(-12), 1, 1, 0, 0, 0, 0),
        cssrs(days(-45), 0, 0, 0, 0, 0, 0), negative(days(-29))));
    CssrsRisk first = CssrsRisk.classify(results, T0);
    Collections.reverse(results);

    assertThat(CssrsRisk.classify(results, T0)).isEqualTo(first);
    assertThat(first.level()).isEqualTo(Level.NOT_HIGH);
    assertThat(first.highestPositiveItem()).contains(2);
    assertThat(first.basedOn()).contains(days(-1));
  }

  @Test
  void classify_carriesTheSourceKey() {
    assertThat(classify(negative(days(-1))).source()).isEqualTo("CSSRS-T");
  }

  @Test
  void risk_roundTripsThroughJson() throws Exception {
    CssrsRisk r = classify(cssrs(days(-2), 1, 1, 1, 1, 0, 0));

    String json = Mappers.json().writeValueAsString(r);

    assertThat(Mappers.json().readValue(json, CssrsRisk.class)).isEqualTo(r);
  }

  @Test
  void builder_highestPositiveItemOutOfRange_isRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> CssrsRisk.builder().level(Level.HIGH).evaluatedAt(T0)
            .reason("r").highestPositiveItem(7).build())
        .isInstanceOf(org.kapsdk.core.validation.ValidationException.class)
        .hasMessageContaining("highestPositiveItem");
  }

  @Test
  void classify_optionalEmptyWhenNothingRead_notZero() {
    // Zero would claim "all negative"; nothing was read, so the item is empty.
    assertThat(classify(total(Instrument.CSSRS_SCREENER, days(-1), 0)).highestPositiveItem()).isEqualTo(Optional.empty());
  }
}
