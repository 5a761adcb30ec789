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
 * A problem list as reviewed at a given instant; an empty list means "reviewed, none".
 */
@Value.Immutable
@JsonSerialize(as = ImmutableConditionList.class)
@JsonDeserialize(builder = ConditionList.Builder.class)
public sealed interface ConditionList permits ImmutableConditionList {

  /** When the list was last reviewed. */
  Instant reviewedAt();

  /** The coded conditions present. */
  List<Code> codes();

  /** Structural check run by the builder; throws {@link org.kapsdk.core.validation.ValidationException}. */
  @Value.Check
  default void checkStructure() {
    FactChecks.check(this);
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ConditionList}; {@code build()} reports every structural problem at once. */
  final class Builder extends ImmutableConditionList.Builder {
    public Builder() {}
  }
}
