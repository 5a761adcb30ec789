package org.kapsdk.core.course;

import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.kapsdk.core.gate.ClinicianOverride;
import org.immutables.value.Value;

/**
 * A clinician decided to proceed despite a failed or unknown rule. Only rules the template marks
 * overridable accept one; for session-gate rules the override names the session it covers.
 * Hosts pass a session's overrides to the safety gate with {@link CourseState#overrides()}.
 */
@JsonTypeName("overrideRecorded")
@Value.Immutable
@JsonSerialize(as = ImmutableOverrideRecorded.class)
@JsonDeserialize(builder = OverrideRecorded.Builder.class)
public sealed interface OverrideRecorded extends CourseEvent permits ImmutableOverrideRecorded {

  /** The override, with rule, clinician, role, reason, instant and session. */
  ClinicianOverride override();

  /** Structural check run by the builder; throws {@link org.kapsdk.core.validation.ValidationException}. */
  @Value.Check
  default void checkStructure() {
    CourseChecks.check(this);
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link OverrideRecorded}; {@code build()} reports every structural problem at once. */
  final class Builder extends ImmutableOverrideRecorded.Builder {
    public Builder() {}
  }
}
