package org.kapsdk.core.course;

import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/**
 * A scheduled session did not happen because the patient did not come. The reason is a short
 * coded or free text (for example {@code no-show} or {@code transport}) that must not identify the
 * patient.
 */
@JsonTypeName("sessionMissed")
@Value.Immutable
@JsonSerialize(as = ImmutableSessionMissed.class)
@JsonDeserialize(builder = SessionMissed.Builder.class)
public sealed interface SessionMissed extends CourseEvent permits ImmutableSessionMissed {

  /** The occurrence id of the session. */
  String sessionId();

  /** Why, as a short code or text; never patient-identifying, never a clinical note. */
  String reason();

  /** Structural check run by the builder; throws {@link org.kapsdk.core.validation.ValidationException}. */
  @Value.Check
  default void checkStructure() {
    CourseChecks.check(this);
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link SessionMissed}; {@code build()} reports every structural problem at once. */
  final class Builder extends ImmutableSessionMissed.Builder {
    public Builder() {}
  }
}
