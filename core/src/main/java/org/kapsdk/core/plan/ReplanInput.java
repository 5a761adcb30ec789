package org.kapsdk.core.plan;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * What happened since the current plan was made, for {@link CoursePlanner#replan}. Only the news
 * needs reporting: sessions already HELD or MISSED in the current plan stay so.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableReplanInput.class)
@JsonDeserialize(builder = ReplanInput.Builder.class)
@JsonPropertyOrder({"asOf", "held", "missed", "stepBackPhase"})
public sealed interface ReplanInput permits ImmutableReplanInput {

  /** Session item id to the date (in the calendar's zone) the session was actually held, on or before {@link #asOf()}. */
  Map<String, LocalDate> held();

  /** Ids of session items that were missed and will not be made up. */
  Set<String> missed();

  /** Today: nothing is re-planned before this date. */
  LocalDate asOf();

  /**
   * A phase whose remaining sessions step back to the schedule of its
   * {@link org.kapsdk.core.model.Phase#stepBack()} phase. The caller decides that scores
   * worsened; the planner only applies it.
   */
  Optional<String> stepBackPhase();

  /** Structural check run by the builder; throws {@link org.kapsdk.core.validation.ValidationException}. */
  @Value.Check
  default void checkStructure() {
    PlanChecks.check(this);
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ReplanInput}; {@code build()} refuses a session reported both held and missed. */
  final class Builder extends ImmutableReplanInput.Builder {
    public Builder() {}
  }
}
