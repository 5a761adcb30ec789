package org.kapsdk.core.course;

import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/**
 * A scheduled session was called off before it started (by the clinic or the patient). The reason
 * is a short coded or free text that must not identify the patient.
 */
@JsonTypeName("sessionCancelled")
@Value.Immutable
@JsonSerialize(as = ImmutableSessionCancelled.class)
@JsonDeserialize(builder = SessionCancelled.Builder.class)
public sealed interface SessionCancelled extends CourseEvent permits ImmutableSessionCancelled {

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

  /** Builds a {@link SessionCancelled}; {@code build()} reports every structural problem at once. */
  final class Builder extends ImmutableSessionCancelled.Builder {
    public Builder() {}
  }
}
