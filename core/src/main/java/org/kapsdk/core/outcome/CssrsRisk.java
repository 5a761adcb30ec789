package org.kapsdk.core.outcome;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.immutables.value.Value;
import org.kapsdk.core.facts.AssessmentResult;
import org.kapsdk.core.model.Instrument;
import org.kapsdk.core.validation.Problems;

/**
 * Suicide risk from C-SSRS screener results, as the clinical triage guidelines (CSSRS-T) state
 * it in {@code CLINICAL-REFERENCE.md} §4: item 4 (ideation with some intent) or item 5 (plan and
 * intent) positive in the past month, or item 6 (suicidal behaviour) positive in the past three
 * months, is HIGH risk, calling for immediate review and precautions.
 *
 * <h2>Only HIGH, NOT_HIGH and UNKNOWN</h2>
 *
 * <p>The reference mentions low and moderate risk but gives no criteria for them, so the SDK does
 * not invent any: below HIGH it says only NOT_HIGH, and reports the highest positive item for the
 * clinician to weigh. Positive items 1–3 (wish to be dead, ideation, ideation with method) never
 * make HIGH, but they are not "no risk" either.
 *
 * <h2>Recency</h2>
 *
 * <ul>
 *   <li>Windows are measured back from the evaluation instant and are inclusive: a screener
 *       completed exactly {@link #PAST_MONTH} (30 days) before counts as in the past month, one
 *       second earlier does not; likewise for {@link #PAST_THREE_MONTHS} (90 days). Fixed day
 *       counts, not calendar months, because a month's length varies (decision 5 refuses months
 *       in durations for the same reason); 30 days matches the sample template's
 *       {@code CSSRS-SEVERE-RISK} rule.
 *   <li>Items 1–5 are read from screeners of the past month, because the screener asks them about
 *       the past month; item 6 from screeners of the past three months. So items 1–3 have the same
 *       recency as items 4 and 5; they feed {@link #highestPositiveItem()} only.
 *   <li>A screener completed after the evaluation instant is ignored: it did not exist yet.
 *   <li>A positive item anywhere in its window makes HIGH even when a later screener is negative:
 *       a recent negative answer does not undo intent reported within the month.
 * </ul>
 *
 * <h2>Fail-closed</h2>
 *
 * <p>NOT_HIGH needs at least one screener with item scores in the past month. Without one the
 * risk is UNKNOWN, never NOT_HIGH. A screener recorded with a total only cannot show which items
 * were positive (a total never stands in for items, as in the safety gate), so one inside the
 * three-month window makes the answer UNKNOWN unless another screener already makes it HIGH.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableCssrsRisk.class)
@JsonDeserialize(builder = CssrsRisk.Builder.class)
public sealed interface CssrsRisk permits ImmutableCssrsRisk {

  /** The past month of the guidelines: 30 days, inclusive. */
  Duration PAST_MONTH = Duration.ofDays(30);

  /** The past three months of the guidelines: 90 days, inclusive. */
  Duration PAST_THREE_MONTHS = Duration.ofDays(90);

  /** The source key of the rule. */
  String SOURCE = "CSSRS-T";

  /** The risk level. */
  enum Level {
    /** Item 4 or 5 positive in the past month, or item 6 positive in the past three months. */
    HIGH,
    /**
     * A screener with item scores in the past month and nothing that makes HIGH. Not "low": the
     * reference gives no criteria for low or moderate risk.
     */
    NOT_HIGH,
    /** No screener with item scores in the past month, or one whose items were not recorded. */
    UNKNOWN
  }

  /** The risk level. */
  Level level();

  /** The instant the risk was judged at. */
  Instant evaluatedAt();

  /** Why, in a sentence for the clinician: which item, when, or what is missing. */
  String reason();

  /**
   * The highest positive item within its window (items 1–5 in the past month, item 6 in the past
   * three months) over the screeners read; 0 when they were all negative; empty when no screener
   * with item scores was read.
   */
  Optional<Integer> highestPositiveItem();

  /** When the screener that decided the level was completed: the one that made HIGH, the latest one read for NOT_HIGH, the unreadable one for UNKNOWN. */
  Optional<Instant> basedOn();

  /** The source key, {@value #SOURCE}. */
  @Value.Default
  default String source() {
    return SOURCE;
  }

  /**
   * Classifies the C-SSRS screener results among {@code results} (other instruments are ignored,
   * any order) at the instant {@code at}. See the class documentation for the rules.
   */
  static CssrsRisk classify(List<AssessmentResult> results, Instant at) {
    Objects.requireNonNull(results, "results");
    Objects.requireNonNull(at, "at");
    Instant monthStart = at.minus(PAST_MONTH);
    Instant quarterStart = at.minus(PAST_THREE_MONTHS);
    List<AssessmentResult> window = new ArrayList<>();
    for (AssessmentResult r : results) {
      if (r.instrument() == Instrument.CSSRS_SCREENER && !r.at().isAfter(at) && !r.at().isBefore(quarterStart)) {
        window.add(r);
      }
    }
    // Newest first, so the reason names the most recent screener that decided.
    window.sort(Comparator.comparing(AssessmentResult::at).reversed());

    int highest = -1;
    AssessmentResult high = null;
    List<Integer> highItems = List.of();
    AssessmentResult unreadable = null;
    AssessmentResult latestInMonth = null;
    for (AssessmentResult r : window) {
      if (r.items().isEmpty()) {
        if (unreadable == null) {
          unreadable = r;
        }
        continue;
      }
      boolean inMonth = !r.at().isBefore(monthStart);
      if (inMonth && latestInMonth == null) {
        latestInMonth = r;
      }
      // Items 1-5 count within the past month, item 6 within the past three months.
      List<Integer> positiveHighItems = new ArrayList<>();
      highest = Math.max(highest, 0);
      for (int item = inMonth ? 1 : 6; item <= 6; item++) {
        if (r.items().get(item - 1) > 0) {
          highest = Math.max(highest, item);
          if (item >= 4) {
            positiveHighItems.add(item);
          }
        }
      }
      if (high == null && !positiveHighItems.isEmpty()) {
        high = r;
        highItems = positiveHighItems;
      }
    }
    Builder b = builder().evaluatedAt(at);
    if (highest >= 0) {
      b.highestPositiveItem(highest);
    }
    if (high != null) {
      return b.level(Level.HIGH).basedOn(high.at())
          .reason("C-SSRS screener of " + high.at() + ": " + describe(highItems) + " - high risk (CSSRS-T)")
          .build();
    }
    if (unreadable != null) {
      return b.level(Level.UNKNOWN).basedOn(unreadable.at())
          .reason("the C-SSRS screener of " + unreadable.at()
              + " has no item scores, so whether items 4-6 were positive is unknown")
          .build();
    }
    if (latestInMonth == null) {
      return b.level(Level.UNKNOWN)
          .reason("no C-SSRS screener with item scores within the past 30 days")
          .build();
    }
    String items = highest > 0
        ? "highest positive item " + highest + "; the reference gives no criteria for low or moderate risk, review clinically"
        : "no positive item";
    return b.level(Level.NOT_HIGH).basedOn(latestInMonth.at())
        .reason("no high-risk answer in C-SSRS screeners of the past 30 days (item 6: 90 days); " + items)
        .build();
  }

  private static String describe(List<Integer> items) {
    List<String> parts = new ArrayList<>();
    for (int item : items) {
      parts.add(item == 6
          ? "item 6 (suicidal behaviour) positive within the past 90 days"
          : "item " + item + (item == 4 ? " (ideation with some intent)" : " (plan and intent)")
              + " positive within the past 30 days");
    }
    return String.join(", ", parts);
  }

  /** Structural check run by the builder. */
  @Value.Check
  default void checkStructure() {
    Problems p = new Problems();
    p.require(!reason().isBlank(), "reason", "must not be blank");
    highestPositiveItem().ifPresent(i -> p.require(i >= 0 && i <= 6, "highestPositiveItem", "must be between 0 and 6"));
    p.throwIfAny();
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link CssrsRisk}; {@code build()} reports every structural problem at once. */
  final class Builder extends ImmutableCssrsRisk.Builder {
    public Builder() {}
  }
}
