package org.kapsdk.core.course;

import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.kapsdk.core.model.Code;
import org.immutables.value.Value;

/**
 * An adverse event, coded, with its severity, optionally tied to a session. The code says what
 * happened; there is no free-text description, because course events carry no clinical notes.
 */
@JsonTypeName("adverseEventRecorded")
@Value.Immutable
@JsonSerialize(as = ImmutableAdverseEventRecorded.class)
@JsonDeserialize(builder = AdverseEventRecorded.Builder.class)
public sealed interface AdverseEventRecorded extends CourseEvent permits ImmutableAdverseEventRecorded {

  /** What happened, coded (for example a local code for dissociation or a SNOMED CT concept). */
  Code code();

  /** How severe it was. */
  AdverseEventSeverity severity();

  /** The occurrence id of the session it happened at or after, when there is one. */
  Optional<String> sessionId();

  /** Structural check run by the builder; throws {@link org.kapsdk.core.validation.ValidationException}. */
  @Value.Check
  default void checkStructure() {
    CourseChecks.check(this);
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link AdverseEventRecorded}; {@code build()} reports every structural problem at once. */
  final class Builder extends ImmutableAdverseEventRecorded.Builder {
    public Builder() {}
  }
}
