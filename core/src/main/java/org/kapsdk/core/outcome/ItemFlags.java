package org.kapsdk.core.outcome;

import java.util.List;
import java.util.Objects;
import org.kapsdk.core.facts.AssessmentResult;
import org.kapsdk.core.model.Instrument;

/**
 * Item-level review flags, raised whatever the total: item 9 of the PHQ-9 (thoughts of being
 * better off dead or of self-harm; FHIR-MII PRO IG) and item 9 of the BDI-II (suicidal thoughts
 * or wishes; BDI2 guidance) need review when above 0 ({@code CLINICAL-REFERENCE.md} §4). A low
 * total does not clear them: a PHQ-9 of 3 can be item 9 scored 3.
 *
 * <p>C-SSRS screener items are judged by {@link CssrsRisk}, not here.
 */
public final class ItemFlags {

  private ItemFlags() {}

  /**
   * The review flags of one assessment: empty when no item needs review; for PHQ-9 and BDI-II a
   * POSITIVE flag when item 9 scored above 0 and an UNKNOWN flag when the items were not
   * recorded (total only), never silence. Even a total of 0 gives UNKNOWN: the SDK never infers
   * item answers from a total, and the flag asks for the items to be recorded.
   */
  public static List<ItemFlag> of(AssessmentResult result) {
    Objects.requireNonNull(result, "result");
    return switch (result.instrument()) {
      case PHQ9 -> item9(result, "thoughts of being better off dead or of self-harm", "FHIR-MII");
      case BDI2 -> item9(result, "suicidal thoughts or wishes", "BDI2");
      default -> List.of();
    };
  }

  private static List<ItemFlag> item9(AssessmentResult result, String what, String source) {
    Instrument instrument = result.instrument();
    String name = instrument.displayName() + " item 9 (" + what + ")";
    ItemFlag.Builder flag = ItemFlag.builder().instrument(instrument).item(9).at(result.at()).source(source);
    if (result.items().isEmpty()) {
      return List.of(flag.status(ItemFlag.Status.UNKNOWN)
          .message(name + " was not recorded (total only); record the item or review it with the patient")
          .build());
    }
    int score = result.items().get(8);
    if (score <= 0) {
      return List.of();
    }
    return List.of(flag.status(ItemFlag.Status.POSITIVE).score(score)
        .message(name + " scored " + score + ": needs item-level review regardless of the total")
        .build());
  }
}
