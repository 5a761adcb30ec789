package org.kapsdk.core.course;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.Optional;

/**
 * One fact in a course's history, from a closed list of types named by the {@code type} field in
 * files (never by class name): the course started, a session was scheduled, started, completed,
 * missed or cancelled, a dose was given, a reading, assessment or adverse event was recorded, an
 * integration step was done, a clinician overrode a rule, the safety gate was asked, the course
 * was paused, resumed or discontinued, or it moved to another phase.
 *
 * <p>Every event says when it happened ({@link #at()}) and, when known, who recorded it
 * ({@link #by()}, an opaque staff id). Events are immutable values with value equality; they are
 * checked structurally when built (blank ids, over-long reasons) and against the course when
 * appended to a {@link CourseRecord}.
 *
 * <p>The list is closed on purpose: a course file must mean the same thing to every reader, and
 * an unknown type is an error, never skipped. Reasons are short coded or free texts (at most
 * {@value CourseChecks#MAX_REASON_LENGTH} characters, one line); they must never hold
 * patient-identifying text or clinical notes.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = CourseStarted.class, name = "courseStarted"),
  @JsonSubTypes.Type(value = SessionScheduled.class, name = "sessionScheduled"),
  @JsonSubTypes.Type(value = SessionStarted.class, name = "sessionStarted"),
  @JsonSubTypes.Type(value = SessionCompleted.class, name = "sessionCompleted"),
  @JsonSubTypes.Type(value = SessionMissed.class, name = "sessionMissed"),
  @JsonSubTypes.Type(value = SessionCancelled.class, name = "sessionCancelled"),
  @JsonSubTypes.Type(value = DoseAdministered.class, name = "doseAdministered"),
  @JsonSubTypes.Type(value = ObservationRecorded.class, name = "observationRecorded"),
  @JsonSubTypes.Type(value = AssessmentRecorded.class, name = "assessmentRecorded"),
  @JsonSubTypes.Type(value = AdverseEventRecorded.class, name = "adverseEventRecorded"),
  @JsonSubTypes.Type(value = IntegrationStepCompleted.class, name = "integrationStepCompleted"),
  @JsonSubTypes.Type(value = OverrideRecorded.class, name = "overrideRecorded"),
  @JsonSubTypes.Type(value = GateChecked.class, name = "gateChecked"),
  @JsonSubTypes.Type(value = CoursePaused.class, name = "coursePaused"),
  @JsonSubTypes.Type(value = CourseResumed.class, name = "courseResumed"),
  @JsonSubTypes.Type(value = CourseDiscontinued.class, name = "courseDiscontinued"),
  @JsonSubTypes.Type(value = PhaseChanged.class, name = "phaseChanged")
})
public sealed interface CourseEvent
    permits CourseStarted,
        SessionScheduled,
        SessionStarted,
        SessionCompleted,
        SessionMissed,
        SessionCancelled,
        DoseAdministered,
        ObservationRecorded,
        AssessmentRecorded,
        AdverseEventRecorded,
        IntegrationStepCompleted,
        OverrideRecorded,
        GateChecked,
        CoursePaused,
        CourseResumed,
        CourseDiscontinued,
        PhaseChanged {

  /** When it happened (not when it was typed in). */
  Instant at();

  /** The opaque id of the staff member who recorded it, when known; never a name. */
  Optional<String> by();

  /** The type name used in files, for example {@code doseAdministered}. */
  @JsonIgnore
  default String typeName() {
    return CourseEventTypes.nameOf(this);
  }
}
