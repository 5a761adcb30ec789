package org.kapsdk.core.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A decision the clinician takes at the end of a phase, such as judging the benefit of
 * esketamine induction at week 4 (PI): responders continue to the next phase, non-responders
 * get the recommended action. The course runtime surfaces it as an item for the clinician; it
 * never changes the course by itself.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableDecisionPoint.class)
@JsonDeserialize(builder = DecisionPoint.Builder.class)
public sealed interface DecisionPoint permits ImmutableDecisionPoint {

  /** The instrument response is judged on; its response definition comes from the template's {@code outcomes} or the reference. */
  Instrument instrument();

  /** The phase responders continue to; the next phase in the template when absent. */
  Optional<String> onResponse();

  /** What is recommended for a patient who has not responded. */
  NonResponseAction onNonResponse();

  /** Evidence keys for the decision. */
  List<String> evidence();

  /** Structural check run by the builder; throws {@link org.kapsdk.core.validation.ValidationException}. */
  @Value.Check
  default void checkStructure() {
    StructuralChecks.check(this);
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link DecisionPoint}; {@code build()} reports every structural problem at once. */
  final class Builder extends ImmutableDecisionPoint.Builder {
    public Builder() {}
  }
}
