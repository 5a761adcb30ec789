package org.kapsdk.core.model;

/**
 * Assessment instruments from {@code CLINICAL-REFERENCE.md} §5 and §4, with their item counts and
 * score ranges. Severity bands and response definitions belong to the course runtime.
 */
public enum Instrument {
  /** PHQ-9: 9 items scored 0–3, total 0–27 (PHQ9). */
  PHQ9("PHQ-9", 9, 0, 3, 0, 27, false, "PHQ9"),
  /** GAD-7: 7 items scored 0–3, total 0–21 (GAD7). */
  GAD7("GAD-7", 7, 0, 3, 0, 21, false, "GAD7"),
  /** MADRS: 10 clinician-rated items scored 0–6, total 0–60 (MADRS). */
  MADRS("MADRS", 10, 0, 6, 0, 60, false, "MADRS"),
  /** QIDS-SR16: 16 items scored 0–3 in 9 domains, total 0–27 (QIDS). */
  QIDS_SR16("QIDS-SR16", 16, 0, 3, 0, 27, false, "QIDS"),
  /** BDI-II: 21 items scored 0–3, total 0–63 (BDI2). */
  BDI2("BDI-II", 21, 0, 3, 0, 63, false, "BDI2"),
  /** PCL-5: 20 items scored 0–4, total 0–80 (PCL5). */
  PCL5("PCL-5", 20, 0, 4, 0, 80, false, "PCL5"),
  /** C-SSRS screener: 6 yes/no items; risk is the highest positive item (CSSRS-T). */
  CSSRS_SCREENER("C-SSRS screener", 6, 0, 1, 0, 6, true, "CSSRS-T"),
  /** CADSS: 23 items scored 0–4, total 0–92, clinician-administered (CADSS). */
  CADSS("CADSS", 23, 0, 4, 0, 92, false, "CADSS"),
  /** Aldrete score: 5 items scored 0–2, total 0–10 (ALD). */
  ALDRETE("Aldrete", 5, 0, 2, 0, 10, false, "ALD");

  private final String displayName;
  private final int items;
  private final int itemMin;
  private final int itemMax;
  private final int totalMin;
  private final int totalMax;
  private final boolean yesNoItems;
  private final String source;

  Instrument(
      String displayName,
      int items,
      int itemMin,
      int itemMax,
      int totalMin,
      int totalMax,
      boolean yesNoItems,
      String source) {
    this.displayName = displayName;
    this.items = items;
    this.itemMin = itemMin;
    this.itemMax = itemMax;
    this.totalMin = totalMin;
    this.totalMax = totalMax;
    this.yesNoItems = yesNoItems;
    this.source = source;
  }

  /** The name clinicians use, for example {@code PHQ-9}. */
  public String displayName() {
    return displayName;
  }

  /** The number of scored items. */
  public int items() {
    return items;
  }

  /** The lowest score of one item. */
  public int itemMin() {
    return itemMin;
  }

  /** The highest score of one item. */
  public int itemMax() {
    return itemMax;
  }

  /** The lowest total score. */
  public int totalMin() {
    return totalMin;
  }

  /** The highest total score. */
  public int totalMax() {
    return totalMax;
  }

  /** Whether items are yes/no, so that "highest positive item" is meaningful. */
  public boolean hasYesNoItems() {
    return yesNoItems;
  }

  /**
   * Response as the clinical reference confirms it for this instrument: a drop of at least this
   * many percent from baseline. PHQ-9, MADRS and QIDS-SR16 (≥50%: PHQ9, MADRS, ELEKT) and
   * BDI-II (≥50% by convention, BDI2). Empty where the reference confirms none: GAD-7's 50% is
   * marked UNCONFIRMED, PCL-5 is judged by points, not percent, and the others are not outcome
   * scales.
   */
  public java.util.Optional<Integer> referenceResponseDropPercent() {
    return switch (this) {
      case PHQ9, MADRS, QIDS_SR16, BDI2 -> java.util.Optional.of(50);
      default -> java.util.Optional.empty();
    };
  }

  /**
   * Remission as the clinical reference confirms it: a total of at most this. PHQ-9 below 5
   * (PHQ9), QIDS-SR16 at most 5 (QIDS). Empty where the reference gives none or two: MADRS is
   * at most 10 (KETECT) or at most 12 (SUS3), so the template author must choose.
   */
  public java.util.Optional<Integer> referenceRemissionAtMost() {
    return switch (this) {
      case PHQ9 -> java.util.Optional.of(4);
      case QIDS_SR16 -> java.util.Optional.of(5);
      default -> java.util.Optional.empty();
    };
  }

  /** The source key in {@code CLINICAL-REFERENCE.md} for the ranges above. */
  public String source() {
    return source;
  }
}
