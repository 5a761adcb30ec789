package org.kapsdk.core.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kapsdk.core.outcome.OutcomeTesting.zerosWith;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.kapsdk.core.model.Instrument;

class ScoringTest {

  private static List<Integer> list(Integer... items) {
    return Arrays.asList(items);
  }

  @Test
  void total_phq9_isSumOfItems() {
    assertThat(Scoring.total(Instrument.PHQ9, list(0, 1, 2, 3, 0, 1, 2, 3, 1))).isEqualTo(13);
  }

  @Test
  void total_madrs_isSumOfItems() {
    assertThat(Scoring.total(Instrument.MADRS, list(6, 5, 4, 3, 2, 1, 0, 6, 6, 1))).isEqualTo(34);
  }

  @ParameterizedTest
  @EnumSource(Instrument.class)
  void total_allItemsAtMinimum_isTotalMin(Instrument instrument) {
    assertThat(Scoring.total(instrument, Collections.nCopies(instrument.items(), instrument.itemMin())))
        .isEqualTo(instrument.totalMin());
  }

  @ParameterizedTest
  @EnumSource(Instrument.class)
  void total_allItemsAtMaximum_isTotalMax(Instrument instrument) {
    assertThat(Scoring.total(instrument, Collections.nCopies(instrument.items(), instrument.itemMax())))
        .isEqualTo(instrument.totalMax());
  }

  @Test
  void total_qidsMixedExample_isSumOfDomainMaxima() {
    // sleep max(3,0,1,2)=3, sad 2, appetite max(0,3,1,0)=3, concentration 1, self-view 2,
    // suicidal ideation 0, interest 1, energy 2, psychomotor max(0,3)=3: 17 (the items add to 21).
    assertThat(Scoring.total(Instrument.QIDS_SR16, list(3, 0, 1, 2, 2, 0, 3, 1, 0, 1, 2, 0, 1, 2, 0, 3)))
        .isEqualTo(17);
  }

  @Test
  void total_qidsAllSleepItemsAtMaximum_countsSleepOnce() {
    assertThat(Scoring.total(Instrument.QIDS_SR16, list(zerosWith(16, 1, 3, 2, 3, 3, 3, 4, 3)))).isEqualTo(3);
  }

  @Test
  void total_qidsAllAppetiteItemsAtMaximum_countsAppetiteOnce() {
    assertThat(Scoring.total(Instrument.QIDS_SR16, list(zerosWith(16, 6, 3, 7, 3, 8, 3, 9, 3)))).isEqualTo(3);
  }

  @Test
  void total_qidsBothPsychomotorItems_takesTheHigher() {
    assertThat(Scoring.total(Instrument.QIDS_SR16, list(zerosWith(16, 15, 1, 16, 2)))).isEqualTo(2);
  }

  @Test
  void total_qidsItems4And5_areDifferentDomains() {
    // Item 4 ends the sleep domain, item 5 is sad mood on its own.
    assertThat(Scoring.total(Instrument.QIDS_SR16, list(zerosWith(16, 4, 2, 5, 1)))).isEqualTo(3);
  }

  @Test
  void total_qidsItems9And10_areDifferentDomains() {
    // Item 9 ends the appetite/weight domain, item 10 is concentration.
    assertThat(Scoring.total(Instrument.QIDS_SR16, list(zerosWith(16, 9, 3, 10, 3)))).isEqualTo(6);
  }

  @Test
  void total_qidsItems14And15_areDifferentDomains() {
    // Item 14 is energy, item 15 starts psychomotor.
    assertThat(Scoring.total(Instrument.QIDS_SR16, list(zerosWith(16, 14, 2, 15, 1)))).isEqualTo(3);
  }

  @Test
  void total_qidsSingleItemDomains_eachCountInFull() {
    assertThat(Scoring.total(Instrument.QIDS_SR16, list(zerosWith(16, 5, 1, 10, 2, 11, 3, 12, 1, 13, 2, 14, 3))))
        .isEqualTo(12);
  }

  @Test
  void total_cssrs_countsPositiveItems() {
    assertThat(Scoring.total(Instrument.CSSRS_SCREENER, list(1, 0, 1, 0, 0, 1))).isEqualTo(3);
  }

  @Test
  void total_tooFewItems_isRefused() {
    assertThatThrownBy(() -> Scoring.total(Instrument.PHQ9, list(0, 0, 0, 0, 0, 0, 0, 0)))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("PHQ-9 needs exactly 9 item scores, got 8");
  }

  @Test
  void total_tooManyItems_isRefused() {
    assertThatThrownBy(() -> Scoring.total(Instrument.QIDS_SR16, list(zerosWith(17))))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("QIDS-SR16 needs exactly 16 item scores, got 17");
  }

  @Test
  void total_itemAboveRange_isRefusedWithoutEchoingTheScore() {
    assertThatThrownBy(() -> Scoring.total(Instrument.PHQ9, list(0, 0, 0, 0, 0, 0, 0, 0, 7)))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("PHQ-9 item 9 must lie within the item range 0 to 3")
        .message().doesNotContain("7");
  }

  @Test
  void total_itemBelowRange_isRefused() {
    assertThatThrownBy(() -> Scoring.total(Instrument.GAD7, list(0, -1, 0, 0, 0, 0, 0)))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("GAD-7 item 2 must lie within the item range 0 to 3");
  }

  @Test
  void total_yesNoItemAboveOne_isRefused() {
    assertThatThrownBy(() -> Scoring.total(Instrument.CSSRS_SCREENER, list(0, 0, 0, 2, 0, 0)))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("C-SSRS screener item 4 must lie within the item range 0 to 1");
  }

  @Test
  void total_nullItem_isRefused() {
    assertThatThrownBy(() -> Scoring.total(Instrument.ALDRETE, list(2, 2, null, 2, 2)))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("Aldrete item 3 must lie within the item range 0 to 2");
  }

  @Test
  void method_namesTheRuleOfEachKindOfInstrument() {
    assertThat(List.of(Scoring.method(Instrument.PHQ9), Scoring.method(Instrument.QIDS_SR16),
            Scoring.method(Instrument.CSSRS_SCREENER)))
        .containsExactly("the sum of the items",
            "the sum of the 9 domain maxima of the items (QIDS-SR16 scoring)",
            "the number of positive items");
  }
}
