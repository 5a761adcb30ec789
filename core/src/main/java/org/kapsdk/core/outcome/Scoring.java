package org.kapsdk.core.outcome;

import java.util.List;
import java.util.Objects;
import org.kapsdk.core.model.Instrument;

/**
 * An instrument's total from its item scores, as the instrument's source defines it. Most
 * instruments sum their items; two do not:
 *
 * <ul>
 *   <li>QIDS-SR16 (QIDS, Rush 2003): 16 items in 9 domains, each domain scoring its highest item,
 *       so the total is 0–27 although the items add up to 48. Sleep = max(items 1–4), sad mood =
 *       item 5, appetite/weight = max(items 6–9), concentration = item 10, self-view = item 11,
 *       suicidal ideation = item 12, interest = item 13, energy = item 14, psychomotor =
 *       max(items 15–16). Summing the items would overstate severity and distort every
 *       baseline-relative outcome.
 *   <li>C-SSRS screener (CSSRS-T): yes/no items; the total is the number of "yes" answers. Its
 *       risk is read from which items are positive ({@link CssrsRisk}), never from the total.
 * </ul>
 *
 * <p>Exception messages name the item and the allowed range but never echo the score, so they
 * are safe to log.
 */
public final class Scoring {

  /** QIDS-SR16 domains as 1-based inclusive item ranges, in the order the scale lists them. */
  private static final int[][] QIDS_DOMAINS = {
    {1, 4}, {5, 5}, {6, 9}, {10, 10}, {11, 11}, {12, 12}, {13, 13}, {14, 14}, {15, 16}
  };

  private Scoring() {}

  /**
   * The instrument's total from a complete list of item scores, item 1 first.
   *
   * @throws IllegalArgumentException when the list does not hold exactly {@link
   *     Instrument#items()} scores or a score lies outside the item range
   */
  public static int total(Instrument instrument, List<Integer> items) {
    Objects.requireNonNull(instrument, "instrument");
    Objects.requireNonNull(items, "items");
    if (items.size() != instrument.items()) {
      throw new IllegalArgumentException(instrument.displayName() + " needs exactly " + instrument.items()
          + " item scores, got " + items.size());
    }
    for (int i = 0; i < items.size(); i++) {
      Integer score = items.get(i);
      if (score == null || score < instrument.itemMin() || score > instrument.itemMax()) {
        throw new IllegalArgumentException(instrument.displayName() + " item " + (i + 1)
            + " must lie within the item range " + instrument.itemMin() + " to " + instrument.itemMax());
      }
    }
    if (instrument == Instrument.QIDS_SR16) {
      int total = 0;
      for (int[] domain : QIDS_DOMAINS) {
        int max = 0;
        for (int item = domain[0]; item <= domain[1]; item++) {
          max = Math.max(max, items.get(item - 1));
        }
        total += max;
      }
      return total;
    }
    if (instrument.hasYesNoItems()) {
      return (int) items.stream().filter(s -> s > 0).count();
    }
    return items.stream().mapToInt(Integer::intValue).sum();
  }

  /**
   * How the total is computed, in words that complete "the total does not equal …"; used in
   * messages so a refused record says which rule it broke.
   */
  public static String method(Instrument instrument) {
    if (instrument == Instrument.QIDS_SR16) {
      return "the sum of the 9 domain maxima of the items (QIDS-SR16 scoring)";
    }
    if (instrument.hasYesNoItems()) {
      return "the number of positive items";
    }
    return "the sum of the items";
  }
}
