package org.kapsdk.core.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.kapsdk.core.model.Instrument;
import org.kapsdk.core.validation.ValidationException;

class SeverityBandsTest {

  /** Every edge of every band: the lowest and highest total and both sides of each boundary. */
  @ParameterizedTest(name = "{0} {1} is {2}")
  @CsvSource({
    "PHQ9, 0, none", "PHQ9, 4, none", "PHQ9, 5, mild", "PHQ9, 9, mild", "PHQ9, 10, moderate",
    "PHQ9, 14, moderate", "PHQ9, 15, moderately severe", "PHQ9, 19, moderately severe",
    "PHQ9, 20, severe", "PHQ9, 27, severe",
    "GAD7, 0, none", "GAD7, 4, none", "GAD7, 5, mild", "GAD7, 9, mild", "GAD7, 10, moderate",
    "GAD7, 14, moderate", "GAD7, 15, severe", "GAD7, 21, severe",
    "MADRS, 0, none", "MADRS, 6, none", "MADRS, 7, mild", "MADRS, 19, mild", "MADRS, 20, moderate",
    "MADRS, 34, moderate", "MADRS, 35, severe", "MADRS, 60, severe",
    "QIDS_SR16, 0, none", "QIDS_SR16, 5, none", "QIDS_SR16, 6, mild", "QIDS_SR16, 10, mild",
    "QIDS_SR16, 11, moderate", "QIDS_SR16, 15, moderate", "QIDS_SR16, 16, severe", "QIDS_SR16, 20, severe",
    "QIDS_SR16, 21, very severe", "QIDS_SR16, 27, very severe",
    "BDI2, 0, minimal", "BDI2, 13, minimal", "BDI2, 14, mild", "BDI2, 19, mild", "BDI2, 20, moderate",
    "BDI2, 28, moderate", "BDI2, 29, severe", "BDI2, 63, severe",
  })
  void classify_bandEdges_giveTheReferenceLabel(Instrument instrument, int total, String label) {
    SeverityBand band = SeverityBands.classify(instrument, total).orElseThrow();

    assertThat(band.label()).isEqualTo(label);
    assertThat(band.instrument()).isEqualTo(instrument);
    assertThat(band.contains(total)).isTrue();
  }

  @Test
  void of_phq9_isTheReferenceTable() {
    assertThat(SeverityBands.of(Instrument.PHQ9)).extracting(SeverityBand::min, SeverityBand::max, SeverityBand::label)
        .containsExactly(tuple(0, 4, "none"), tuple(5, 9, "mild"), tuple(10, 14, "moderate"),
            tuple(15, 19, "moderately severe"), tuple(20, 27, "severe"));
  }

  @Test
  void of_gad7_isTheReferenceTable() {
    assertThat(SeverityBands.of(Instrument.GAD7)).extracting(SeverityBand::min, SeverityBand::max, SeverityBand::label)
        .containsExactly(tuple(0, 4, "none"), tuple(5, 9, "mild"), tuple(10, 14, "moderate"), tuple(15, 21, "severe"));
  }

  @Test
  void of_madrs_isTheReferenceTable() {
    assertThat(SeverityBands.of(Instrument.MADRS)).extracting(SeverityBand::min, SeverityBand::max, SeverityBand::label)
        .containsExactly(tuple(0, 6, "none"), tuple(7, 19, "mild"), tuple(20, 34, "moderate"), tuple(35, 60, "severe"));
  }

  @Test
  void of_qids_isTheReferenceTable() {
    assertThat(SeverityBands.of(Instrument.QIDS_SR16)).extracting(SeverityBand::min, SeverityBand::max, SeverityBand::label)
        .containsExactly(tuple(0, 5, "none"), tuple(6, 10, "mild"), tuple(11, 15, "moderate"), tuple(16, 20, "severe"),
            tuple(21, 27, "very severe"));
  }

  @Test
  void of_bdi2_isTheReferenceTable() {
    assertThat(SeverityBands.of(Instrument.BDI2)).extracting(SeverityBand::min, SeverityBand::max, SeverityBand::label)
        .containsExactly(tuple(0, 13, "minimal"), tuple(14, 19, "mild"), tuple(20, 28, "moderate"), tuple(29, 63, "severe"));
  }

  @ParameterizedTest
  @EnumSource(value = Instrument.class, names = {"PHQ9", "GAD7", "MADRS", "QIDS_SR16", "BDI2"})
  void of_bandedInstrument_carriesTheInstrumentsSourceKey(Instrument instrument) {
    assertThat(SeverityBands.of(instrument)).isNotEmpty()
        .allSatisfy(b -> assertThat(b.source()).isEqualTo(instrument.source()));
  }

  @ParameterizedTest
  @EnumSource(value = Instrument.class, names = {"PHQ9", "GAD7", "MADRS", "QIDS_SR16", "BDI2"})
  void classify_everyTotalInRange_fallsInExactlyOneBand(Instrument instrument) {
    List<Integer> unbanded = new ArrayList<>();
    for (int total = instrument.totalMin(); total <= instrument.totalMax(); total++) {
      int t = total;
      long containing = SeverityBands.of(instrument).stream().filter(b -> b.contains(t)).count();
      if (containing != 1 || !SeverityBands.classify(instrument, t).orElseThrow().contains(t)) {
        unbanded.add(t);
      }
    }

    assertThat(unbanded).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(value = Instrument.class, names = {"PCL5", "CSSRS_SCREENER", "CADSS", "ALDRETE"})
  void of_instrumentWithoutReferenceBands_isEmpty(Instrument instrument) {
    assertThat(SeverityBands.of(instrument)).isEmpty();
    assertThat(SeverityBands.classify(instrument, instrument.totalMin())).isEmpty();
    assertThat(SeverityBands.classify(instrument, instrument.totalMax())).isEmpty();
  }

  @Test
  void classify_pcl5AtTheProvisionalPtsdRange_offersNoCutOff() {
    assertThat(List.of(SeverityBands.classify(Instrument.PCL5, 30), SeverityBands.classify(Instrument.PCL5, 31),
            SeverityBands.classify(Instrument.PCL5, 33), SeverityBands.classify(Instrument.PCL5, 34)))
        .allSatisfy(b -> assertThat(b).isEmpty());
  }

  @ParameterizedTest
  @EnumSource(Instrument.class)
  void classify_totalBelowRange_isRefused(Instrument instrument) {
    assertThatThrownBy(() -> SeverityBands.classify(instrument, instrument.totalMin() - 1))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("a " + instrument.displayName() + " total must lie within " + instrument.totalMin() + " to "
            + instrument.totalMax());
  }

  @ParameterizedTest
  @EnumSource(Instrument.class)
  void classify_totalAboveRange_isRefused(Instrument instrument) {
    assertThatThrownBy(() -> SeverityBands.classify(instrument, instrument.totalMax() + 1))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(instrument.displayName());
  }

  @Test
  void of_returnsAnUnmodifiableList() {
    assertThatThrownBy(() -> SeverityBands.of(Instrument.PHQ9).clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void band_minAboveMax_isRefused() {
    assertThatThrownBy(() -> SeverityBand.builder().instrument(Instrument.PHQ9).label("x").min(5).max(4).source("PHQ9")
            .build())
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessageContaining("max: must not be below min");
  }

  @Test
  void band_outsideTotalRange_isRefused() {
    assertThatThrownBy(() -> SeverityBand.builder().instrument(Instrument.GAD7).label("x").min(15).max(27).source("GAD7")
            .build())
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessageContaining("must lie within the GAD-7 total range 0 to 21");
  }
}
