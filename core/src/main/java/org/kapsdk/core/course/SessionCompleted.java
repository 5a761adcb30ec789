package org.kapsdk.core.course;

import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A started session ended. For a dosing session {@link #monitoringEndedAt()} records when
 * post-dose monitoring ended, which with the first administration gives the monitored minutes the
 * REMS patient monitoring form asks for.
 */
@JsonTypeName("sessionCompleted")
@Value.Immutable
@JsonSerialize(as = ImmutableSessionCompleted.class)
@JsonDeserialize(builder = SessionCompleted.Builder.class)
public sealed interface SessionCompleted extends CourseEvent permits ImmutableSessionCompleted {

  /** The occurrence id of the session. */
  String sessionId();

  /** When post-dose monitoring ended, when it differs from the end of the session or matters. */
  Optional<Instant> monitoringEndedAt();

  /** Structural check run by the builder; throws {@link org.kapsdk.core.validation.ValidationException}. */
  @Value.Check
  default void checkStructure() {
    CourseChecks.check(this);
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link SessionCompleted}; {@code build()} reports every structural problem at once. */
  final class Builder extends ImmutableSessionCompleted.Builder {
    public Builder() {}
  }
}
