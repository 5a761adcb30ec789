package org.kapsdk.core.outcome;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;
import org.kapsdk.core.model.Instrument;
import org.kapsdk.core.validation.Problems;

/** One scored assessment in an {@link OutcomeSeries}: when, the total, its band and its change from baseline. */
@Value.Immutable
@JsonSerialize(as = ImmutableScorePoint.class)
@JsonDeserialize(builder = ScorePoint.Builder.class)
public sealed interface ScorePoint permits ImmutableScorePoint {

  /** The instrument. */
  Instrument instrument();

  /** When the assessment was completed. */
  Instant at();

  /** The total, scored as {@link Scoring} defines it. */
  int total();

  /** The severity band of the total; empty for an instrument without bands (see {@link SeverityBands}). */
  Optional<SeverityBand> band();

  /**
   * The change from the course baseline in percent, rounded half-up to one decimal: negative is a
   * drop (improvement on every instrument a series accepts), so a 50% drop is {@code -50.0}.
   * Empty when there is no baseline or the baseline total is 0 (a change from 0 has no percent).
   * For display only: statuses compare exact values, never this rounded one.
   */
  Optional<BigDecimal> percentChange();

  /** Structural check run by the builder. */
  @Value.Check
  default void checkStructure() {
    Problems p = new Problems();
    p.require(total() >= instrument().totalMin() && total() <= instrument().totalMax(), "total",
        "must lie within the " + instrument().displayName() + " total range " + instrument().totalMin() + " to "
            + instrument().totalMax());
    band().ifPresent(b -> p.require(b.instrument() == instrument() && b.contains(total()), "band",
        "must be the band of the total"));
    p.throwIfAny();
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ScorePoint}; {@code build()} reports every structural problem at once. */
  final class Builder extends ImmutableScorePoint.Builder {
    public Builder() {}
  }
}
