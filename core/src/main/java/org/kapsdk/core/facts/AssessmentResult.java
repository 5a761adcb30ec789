package org.kapsdk.core.facts;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import org.kapsdk.core.model.Code;
import org.kapsdk.core.model.Instrument;
import org.kapsdk.core.model.Quantity;

/**
 * A completed assessment: item scores in order, and the total when recorded.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableAssessmentResult.class)
@JsonDeserialize(builder = AssessmentResult.Builder.class)
public sealed interface AssessmentResult permits ImmutableAssessmentResult {

  /** The instrument. */
  Instrument instrument();

  /** When it was completed. */
  Instant at();

  /** Item scores, item 1 first; empty when only the total was recorded. */
  List<Integer> items();

  /** The total score, when recorded; otherwise scored from a complete item list. */
  Optional<Integer> total();

  /**
   * The total: as recorded, or scored from a complete item list by the instrument's own rule
   * ({@link org.kapsdk.core.outcome.Scoring#total}: a sum for most, domain maxima for QIDS-SR16);
   * empty when neither is known.
   */
  default Optional<Integer> effectiveTotal() {
    if (total().isPresent()) {
      return total();
    }
    if (items().size() == instrument().items()) {
      return Optional.of(org.kapsdk.core.outcome.Scoring.total(instrument(), items()));
    }
    return Optional.empty();
  }

  /** Structural check run by the builder; throws {@link org.kapsdk.core.validation.ValidationException}. */
  @Value.Check
  default void checkStructure() {
    FactChecks.check(this);
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link AssessmentResult}; {@code build()} reports every structural problem at once. */
  final class Builder extends ImmutableAssessmentResult.Builder {
    public Builder() {}
  }
}
