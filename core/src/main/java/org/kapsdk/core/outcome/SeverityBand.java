package org.kapsdk.core.outcome;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;
import org.kapsdk.core.model.Instrument;
import org.kapsdk.core.validation.Problems;

/**
 * One severity band of an instrument's total, such as PHQ-9 10–14 "moderate". The bounds are
 * inclusive; {@link SeverityBands} holds the published bands.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableSeverityBand.class)
@JsonDeserialize(builder = SeverityBand.Builder.class)
public sealed interface SeverityBand permits ImmutableSeverityBand {

  /** The instrument. */
  Instrument instrument();

  /** The band's label as the source words it, for example {@code moderately severe}. */
  String label();

  /** The lowest total in the band, inclusive. */
  int min();

  /** The highest total in the band, inclusive. */
  int max();

  /** The source key in {@code CLINICAL-REFERENCE.md} for the cut-points, for example {@code PHQ9}. */
  String source();

  /** Whether the total lies in this band. */
  default boolean contains(int total) {
    return total >= min() && total <= max();
  }

  /** Structural check run by the builder: bounds in order and within the instrument's total range. */
  @Value.Check
  default void checkStructure() {
    Problems p = new Problems();
    p.require(!label().isBlank(), "label", "must not be blank");
    p.require(!source().isBlank(), "source", "must not be blank");
    p.require(min() <= max(), "max", "must not be below min");
    p.require(min() >= instrument().totalMin() && max() <= instrument().totalMax(), "min",
        "min and max must lie within the " + instrument().displayName() + " total range "
            + instrument().totalMin() + " to " + instrument().totalMax());
    p.throwIfAny();
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link SeverityBand}; {@code build()} reports every structural problem at once. */
  final class Builder extends ImmutableSeverityBand.Builder {
    public Builder() {}
  }
}
