package org.kapsdk.core.outcome;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.kapsdk.core.model.Instrument;

/**
 * The published severity bands of each instrument, exactly as {@code CLINICAL-REFERENCE.md} §5
 * states them, each carrying the instrument's source key:
 *
 * <ul>
 *   <li>PHQ-9 (PHQ9): 0–4 none, 5–9 mild, 10–14 moderate, 15–19 moderately severe, 20–27 severe.
 *   <li>GAD-7 (GAD7): 0–4 none, 5–9 mild, 10–14 moderate, 15–21 severe (cut-points 5/10/15).
 *   <li>MADRS (MADRS): 0–6 none, 7–19 mild, 20–34 moderate, 35–60 severe.
 *   <li>QIDS-SR16 (QIDS): 0–5 none, 6–10 mild, 11–15 moderate, 16–20 severe, 21–27 very severe.
 *   <li>BDI-II (BDI2): 0–13 minimal, 14–19 mild, 20–28 moderate, 29–63 severe.
 * </ul>
 *
 * <p>No bands for PCL-5: the reference names provisional PTSD at 31–33, a range rather than one
 * cut-off, and no official severity bands, so the SDK offers no default a template could silently
 * rely on. None for the C-SSRS screener (its risk is by item and recency, see {@link CssrsRisk}),
 * CADSS or the Aldrete score, for which the reference gives no bands.
 */
public final class SeverityBands {

  private static final Map<Instrument, List<SeverityBand>> BANDS = Map.of(
      Instrument.PHQ9, bands(Instrument.PHQ9,
          0, 4, "none", 5, 9, "mild", 10, 14, "moderate", 15, 19, "moderately severe", 20, 27, "severe"),
      Instrument.GAD7, bands(Instrument.GAD7,
          0, 4, "none", 5, 9, "mild", 10, 14, "moderate", 15, 21, "severe"),
      Instrument.MADRS, bands(Instrument.MADRS,
          0, 6, "none", 7, 19, "mild", 20, 34, "moderate", 35, 60, "severe"),
      Instrument.QIDS_SR16, bands(Instrument.QIDS_SR16,
          0, 5, "none", 6, 10, "mild", 11, 15, "moderate", 16, 20, "severe", 21, 27, "very severe"),
      Instrument.BDI2, bands(Instrument.BDI2,
          0, 13, "minimal", 14, 19, "mild", 20, 28, "moderate", 29, 63, "severe"));

  private SeverityBands() {}

  /** The instrument's bands in ascending order; empty when the reference gives none. */
  public static List<SeverityBand> of(Instrument instrument) {
    Objects.requireNonNull(instrument, "instrument");
    return BANDS.getOrDefault(instrument, List.of());
  }

  /**
   * The band a total falls in; empty when the instrument has no bands.
   *
   * @throws IllegalArgumentException when the total lies outside the instrument's total range
   */
  public static Optional<SeverityBand> classify(Instrument instrument, int total) {
    Objects.requireNonNull(instrument, "instrument");
    if (total < instrument.totalMin() || total > instrument.totalMax()) {
      throw new IllegalArgumentException("a " + instrument.displayName() + " total must lie within "
          + instrument.totalMin() + " to " + instrument.totalMax());
    }
    return of(instrument).stream().filter(b -> b.contains(total)).findFirst();
  }

  private static List<SeverityBand> bands(Instrument instrument, Object... minMaxLabel) {
    List<SeverityBand> out = new ArrayList<>();
    for (int i = 0; i < minMaxLabel.length; i += 3) {
      out.add(SeverityBand.builder()
          .instrument(instrument)
          .min((Integer) minMaxLabel[i])
          .max((Integer) minMaxLabel[i + 1])
          .label((String) minMaxLabel[i + 2])
          .source(instrument.source())
          .build());
    }
    // The bands must tile the whole total range with no gap or overlap; fail at class load if not.
    int next = instrument.totalMin();
    for (SeverityBand b : out) {
      if (b.min() != next) {
        throw new AssertionError(instrument + " bands leave a gap or overlap at " + next);
      }
      next = b.max() + 1;
    }
    if (next != instrument.totalMax() + 1) {
      throw new AssertionError(instrument + " bands do not reach the top of the total range");
    }
    return List.copyOf(out);
  }
}
