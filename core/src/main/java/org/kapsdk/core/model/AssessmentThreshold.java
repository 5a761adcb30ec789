package org.kapsdk.core.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Holds when the latest completed assessment on an instrument, no older than
 * {@link #maxAge()}, has a score that compares with {@link #value()} as stated. The score is the
 * total, one item (PHQ-9 item 9), or the highest positive item (C-SSRS screener).
 */
@JsonTypeName("assessment")
@Value.Immutable
@JsonSerialize(as = ImmutableAssessmentThreshold.class)
@JsonDeserialize(builder = AssessmentThreshold.Builder.class)
public sealed interface AssessmentThreshold extends Condition permits ImmutableAssessmentThreshold {

  /** The instrument. */
  Instrument instrument();

  /** Which score is read; the total unless stated. */
  @Value.Default
  default ScoreMeasure measure() {
    return ScoreMeasure.TOTAL;
  }

  /** The 1-based item number; set exactly when {@link #measure()} is {@code ITEM}. */
  Optional<Integer> item();

  /** How the score is compared: {@code score COMPARATOR value}. */
  Comparator comparator();

  /** The threshold score, within the instrument's range. */
  int value();

  /** How old the assessment may be at evaluation time (the recency window). */
  Duration maxAge();

  /** Structural check run by the builder; throws {@link org.kapsdk.core.validation.ValidationException}. */
  @Value.Check
  default void checkStructure() {
    StructuralChecks.check(this);
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link AssessmentThreshold}; {@code build()} reports every structural problem at once. */
  final class Builder extends ImmutableAssessmentThreshold.Builder {
    public Builder() {}
  }
}
