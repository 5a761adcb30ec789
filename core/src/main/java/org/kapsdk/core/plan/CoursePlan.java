package org.kapsdk.core.plan;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A concrete plan of one course: every session, integration step and assessment with its date,
 * in date order. Made by {@link CoursePlanner#plan}, renewed by {@link CoursePlanner#replan};
 * written and read by {@link org.kapsdk.core.io.PlanFiles}.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableCoursePlan.class)
@JsonDeserialize(builder = CoursePlan.Builder.class)
@JsonPropertyOrder({"templateId", "templateVersion", "start", "horizonEnd", "calendar", "items"})
public sealed interface CoursePlan permits ImmutableCoursePlan {

  /** The id of the template planned. */
  String templateId();

  /** The version of the template planned. */
  String templateVersion();

  /** The course start: the start of the first phase. */
  LocalDate start();

  /** The first date open-ended repeats were not planned for: {@code start + horizon}. */
  LocalDate horizonEnd();

  /** The clinic calendar the plan respects. */
  ClinicCalendar calendar();

  /**
   * Every item in date order; on one date, sessions in course order, each followed by its
   * assessments and steps due that day.
   */
  List<PlannedItem> items();

  /** The item with the given id. */
  default Optional<PlannedItem> item(String id) {
    for (PlannedItem item : items()) {
      if (item.id().equals(id)) {
        return Optional.of(item);
      }
    }
    return Optional.empty();
  }

  /** The session items, in date order. */
  @JsonIgnore
  default List<PlannedItem> sessions() {
    return items().stream().filter(i -> i.kind() == ItemKind.SESSION).toList();
  }

  /** Structural check run by the builder; throws {@link org.kapsdk.core.validation.ValidationException}. */
  @Value.Check
  default void checkStructure() {
    PlanChecks.check(this);
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link CoursePlan}; {@code build()} checks ids, order and references. */
  final class Builder extends ImmutableCoursePlan.Builder {
    public Builder() {}
  }
}
