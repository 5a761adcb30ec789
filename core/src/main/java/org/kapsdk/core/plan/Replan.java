package org.kapsdk.core.plan;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import org.immutables.value.Value;

/** The result of re-planning: the new plan and every change from the previous one. */
@Value.Immutable
@JsonSerialize(as = ImmutableReplan.class)
@JsonDeserialize(builder = Replan.Builder.class)
@JsonPropertyOrder({"plan", "changes"})
public sealed interface Replan permits ImmutableReplan {

  /** The new plan. */
  CoursePlan plan();

  /**
   * Every item that moved, was added or dropped, every session newly recorded as held or missed,
   * and every interval history has broken, in date order (the new date, or the old one for a
   * dropped item), then by item id.
   */
  List<PlanChange> changes();

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Replan}. */
  final class Builder extends ImmutableReplan.Builder {
    public Builder() {}
  }
}
