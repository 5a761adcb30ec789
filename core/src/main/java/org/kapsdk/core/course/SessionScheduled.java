package org.kapsdk.core.course;

import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A session was put on the course schedule: its occurrence id, the session template it
 * instantiates and when it is planned. The occurrence id is the host's, usually the plan item id
 * of the planner ({@code <phaseId>/<sessionTemplateId>/<occurrence>}, such as
 * {@code induction/induction-dose/3}); it is unique within the course and names the session in
 * every later event.
 */
@JsonTypeName("sessionScheduled")
@Value.Immutable
@JsonSerialize(as = ImmutableSessionScheduled.class)
@JsonDeserialize(builder = SessionScheduled.Builder.class)
public sealed interface SessionScheduled extends CourseEvent permits ImmutableSessionScheduled {

  /** The occurrence id, unique within the course, for example {@code induction/induction-dose/3}. */
  String sessionId();

  /** The id of the session template this session instantiates. */
  String template();

  /** When the session is planned to start. */
  Instant scheduledFor();

  /** The id of the plan item this session was scheduled from, when it came from a plan. */
  Optional<String> planItemId();

  /** Structural check run by the builder; throws {@link org.kapsdk.core.validation.ValidationException}. */
  @Value.Check
  default void checkStructure() {
    CourseChecks.check(this);
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link SessionScheduled}; {@code build()} reports every structural problem at once. */
  final class Builder extends ImmutableSessionScheduled.Builder {
    public Builder() {}
  }
}
