package org.kapsdk.core.plan;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One difference between a plan and its re-plan: an item that moved, was added or dropped, a
 * session recorded as held or missed, or an interval history has already broken.
 */
@Value.Immutable
@JsonSerialize(as = ImmutablePlanChange.class)
@JsonDeserialize(builder = PlanChange.Builder.class)
@JsonPropertyOrder({"itemId", "kind", "from", "to", "reason"})
public sealed interface PlanChange permits ImmutablePlanChange {

  /** The id of the item concerned. */
  String itemId();

  /** What happened to it. */
  ChangeKind kind();

  /** Its date in the previous plan; absent when it was added. */
  Optional<LocalDate> from();

  /** Its date in the new plan; absent when it was dropped. */
  Optional<LocalDate> to();

  /** Why, in a plain sentence. */
  String reason();

  /** Structural check run by the builder; throws {@link org.kapsdk.core.validation.ValidationException}. */
  @Value.Check
  default void checkStructure() {
    PlanChecks.check(this);
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link PlanChange}. */
  final class Builder extends ImmutablePlanChange.Builder {
    public Builder() {}
  }
}
