package org.kapsdk.core.course;

import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.kapsdk.core.facts.Observation;
import org.immutables.value.Value;

/**
 * A coded reading (blood pressure, oxygen saturation, weight…), optionally tied to a session. The
 * reading's own instant is when it was measured; the unit must fit what the code measures.
 */
@JsonTypeName("observationRecorded")
@Value.Immutable
@JsonSerialize(as = ImmutableObservationRecorded.class)
@JsonDeserialize(builder = ObservationRecorded.Builder.class)
public sealed interface ObservationRecorded extends CourseEvent permits ImmutableObservationRecorded {

  /** The reading. */
  Observation observation();

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

  /** Builds a {@link ObservationRecorded}; {@code build()} reports every structural problem at once. */
  final class Builder extends ImmutableObservationRecorded.Builder {
    public Builder() {}
  }
}
