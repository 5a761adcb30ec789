package org.kapsdk.core.course;

import java.util.Objects;

/**
 * Names one integration step of one session: the session's occurrence id and the step's id in its
 * session template. The key of {@link CourseState#completedSteps()}.
 *
 * @param sessionId the occurrence id of the dosing session the step follows
 * @param stepId the id of the step in the session template's {@code integrationSteps}
 */
public record StepRef(String sessionId, String stepId) {
  /** Refuses nulls, so that a key always names a step. */
  public StepRef {
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(stepId, "stepId");
  }

  /** The step {@code stepId} of session {@code sessionId}. */
  public static StepRef of(String sessionId, String stepId) {
    return new StepRef(sessionId, stepId);
  }

  /** {@code sessionId#stepId}. */
  @Override
  public String toString() {
    return sessionId + "#" + stepId;
  }
}
