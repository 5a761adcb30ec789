package org.kapsdk.core.course;

import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/** A scheduled session started: the patient is in the clinic and the session is under way. */
@JsonTypeName("sessionStarted")
@Value.Immutable
@JsonSerialize(as = ImmutableSessionStarted.class)
@JsonDeserialize(builder = SessionStarted.Builder.class)
public sealed interface SessionStarted extends CourseEvent permits ImmutableSessionStarted {

  /** The occurrence id of the session. */
  String sessionId();

  /** Structural check run by the builder; throws {@link org.kapsdk.core.validation.ValidationException}. */
  @Value.Check
  default void checkStructure() {
    CourseChecks.check(this);
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link SessionStarted}; {@code build()} reports every structural problem at once. */
  final class Builder extends ImmutableSessionStarted.Builder {
    public Builder() {}
  }
}
