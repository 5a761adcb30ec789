package org.kapsdk.core.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.kapsdk.core.model.Instrument;

/**
 * Invariants of {@link Scoring} over random complete item lists: QIDS-SR16 totals are the sum of
 * the nine domain maxima (computed here independently of the implementation) and stay within
 * 0–27; every other total stays within its instrument's range and equals the plain sum (for
 * yes/no items, the count of positives is the same number).
 */
class ScoringProperties {

  @Property(tries = 2000)
  void total_qids_isSumOfDomainMaximaWithin0To27(@ForAll @Size(16) List<@IntRange(min = 0, max = 3) Integer> items) {
    int expected = Math.max(Math.max(items.get(0), items.get(1)), Math.max(items.get(2), items.get(3)))
        + items.get(4)
        + Math.max(Math.max(items.get(5), items.get(6)), Math.max(items.get(7), items.get(8)))
        + items.get(9) + items.get(10) + items.get(11) + items.get(12) + items.get(13)
        + Math.max(items.get(14), items.get(15));

    int total = Scoring.total(Instrument.QIDS_SR16, items);

    assertThat(total).isEqualTo(expected).isBetween(0, 27);
  }

  @Property(tries = 2000)
  void total_qids_liesBetweenHighestItemAndItemSum(@ForAll @Size(16) List<@IntRange(min = 0, max = 3) Integer> items) {
    int total = Scoring.total(Instrument.QIDS_SR16, items);

    assertThat(total)
        .isGreaterThanOrEqualTo(items.stream().mapToInt(Integer::intValue).max().orElseThrow())
        .isLessThanOrEqualTo(items.stream().mapToInt(Integer::intValue).sum());
  }

  @Provide
  Arbitrary<Tuple2<Instrument, List<Integer>>> nonQidsItems() {
    return Arbitraries.of(Instrument.class)
        .filter(i -> i != Instrument.QIDS_SR16)
        .flatMap(i -> Arbitraries.integers().between(i.itemMin(), i.itemMax()).list().ofSize(i.items())
            .map(items -> Tuple.of(i, items)));
  }

  @Property(tries = 2000)
  void total_otherInstruments_isItemSumWithinTotalRange(@ForAll("nonQidsItems") Tuple2<Instrument, List<Integer>> sample) {
    Instrument instrument = sample.get1();
    List<Integer> items = sample.get2();

    int total = Scoring.total(instrument, items);

    assertThat(total)
        .isEqualTo(items.stream().mapToInt(Integer::intValue).sum())
        .isBetween(instrument.totalMin(), instrument.totalMax());
  }

  @Property(tries = 500)
  void classify_everyScoredTotal_hasABandOnBandedInstruments(@ForAll("nonQidsItems") Tuple2<Instrument, List<Integer>> sample) {
    Instrument instrument = sample.get1();
    int total = Scoring.total(instrument, sample.get2());

    assertThat(SeverityBands.classify(instrument, total).isPresent()).isEqualTo(!SeverityBands.of(instrument).isEmpty());
    SeverityBands.classify(instrument, total).ifPresent(b -> assertThat(b.contains(total)).isTrue());
  }
}
