package org.kapsdk.core.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * How a template judges response and remission on one instrument. A field left out falls back
 * to the value the clinical reference confirms for the instrument ({@link
 * Instrument#referenceResponseDropPercent()}, {@link Instrument#referenceRemissionAtMost()});
 * where the reference confirms none (GAD-7's 50% is an UNCONFIRMED convention; MADRS remission
 * is 10 in one source and 12 in another), the author must set it, or the runtime reports the
 * outcome as not classifiable.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableOutcomeDefinition.class)
@JsonDeserialize(builder = OutcomeDefinition.Builder.class)
public sealed interface OutcomeDefinition permits ImmutableOutcomeDefinition {

  /** The instrument. */
  Instrument instrument();

  /** Response: the total has dropped from the course baseline by at least this many percent (1 to 100). */
  Optional<Integer> responseDropPercent();

  /** Remission: the total is at most this (PHQ-9 remission, "below 5", is 4). */
  Optional<Integer> remissionAtMost();

  /** Evidence keys for the definition. */
  List<String> evidence();

  /** The response threshold in force: this definition's, else the reference's. */
  @JsonIgnore
  default Optional<Integer> effectiveResponseDropPercent() {
    return responseDropPercent().or(() -> instrument().referenceResponseDropPercent());
  }

  /** The remission cut-off in force: this definition's, else the reference's. */
  @JsonIgnore
  default Optional<Integer> effectiveRemissionAtMost() {
    return remissionAtMost().or(() -> instrument().referenceRemissionAtMost());
  }

  /** Structural check run by the builder; throws {@link org.kapsdk.core.validation.ValidationException}. */
  @Value.Check
  default void checkStructure() {
    StructuralChecks.check(this);
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link OutcomeDefinition}; {@code build()} reports every structural problem at once. */
  final class Builder extends ImmutableOutcomeDefinition.Builder {
    public Builder() {}
  }
}
