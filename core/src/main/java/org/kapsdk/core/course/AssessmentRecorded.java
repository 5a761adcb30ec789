package org.kapsdk.core.course;

import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.kapsdk.core.facts.AssessmentResult;
import org.immutables.value.Value;

/** A completed assessment (PHQ-9, MADRS, C-SSRS…), optionally tied to a session. */
@JsonTypeName("assessmentRecorded")
@Value.Immutable
@JsonSerialize(as = ImmutableAssessmentRecorded.class)
@JsonDeserialize(builder = AssessmentRecorded.Builder.class)
public sealed interface AssessmentRecorded extends CourseEvent permits ImmutableAssessmentRecorded {

  /** The result, with item scores and/or the total. */
  AssessmentResult result();

  /** The occurrence id of the session it was taken at, when it was taken at one. */
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

  /** Builds a {@link AssessmentRecorded}; {@code build()} reports every structural problem at once. */
  final class Builder extends ImmutableAssessmentRecorded.Builder {
    public Builder() {}
  }
}
