package org.kapsdk.core.cohort;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.kapsdk.core.gate.Verdict;
import org.kapsdk.core.gate.VerdictOutcome;
import org.kapsdk.core.validation.Problem;

/**
 * One participant's answer in a {@link CohortVerdict}: the gate's own {@link Verdict} for them,
 * or, when they could not be evaluated, the problems that stopped it, in which case the outcome
 * is BLOCKED. Not evaluated never means "passed".
 */
public final class ParticipantVerdict {
  private final String courseId;
  private final Optional<String> sessionId;
  private final Optional<Verdict> verdict;
  private final List<Problem> problems;

  private ParticipantVerdict(String courseId, Optional<String> sessionId, Optional<Verdict> verdict, List<Problem> problems) {
    this.courseId = courseId;
    this.sessionId = sessionId;
    this.verdict = verdict;
    this.problems = List.copyOf(problems);
  }

  static ParticipantVerdict evaluated(String courseId, Optional<String> sessionId, Verdict verdict) {
    return new ParticipantVerdict(courseId, sessionId, Optional.of(Objects.requireNonNull(verdict)), List.of());
  }

  static ParticipantVerdict notEvaluated(String courseId, Optional<String> sessionId, List<Problem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a participant left unevaluated needs a reason");
    }
    return new ParticipantVerdict(courseId, sessionId, Optional.empty(), problems);
  }

  /** The participant's course id. */
  public String courseId() {
    return courseId;
  }

  /** The occurrence id of the cohort session in this participant's course, when one was found. */
  public Optional<String> sessionId() {
    return sessionId;
  }

  /** The gate's verdict for this participant; empty when they could not be evaluated. */
  public Optional<Verdict> verdict() {
    return verdict;
  }

  /** Whether the gate was asked for this participant. */
  public boolean evaluated() {
    return verdict.isPresent();
  }

  /** The verdict's outcome; BLOCKED when the participant could not be evaluated. */
  public VerdictOutcome outcome() {
    return verdict.map(Verdict::outcome).orElse(VerdictOutcome.BLOCKED);
  }

  /** Whether this participant may proceed (PROCEED or PROCEED_WITH_WARNINGS). */
  public boolean mayProceed() {
    return outcome() != VerdictOutcome.BLOCKED;
  }

  /** Why the participant could not be evaluated; empty when they were. */
  public List<Problem> problems() {
    return problems;
  }

  /** {@code course-id OUTCOME}, with the blocking rule ids or the reason it was not evaluated. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(courseId).append(' ').append(outcome());
    if (verdict.isPresent()) {
      List<String> blocking = verdict.get().blockingFindings().stream().map(f -> f.ruleId()).toList();
      if (!blocking.isEmpty()) {
        out.append(" by ").append(String.join(", ", blocking));
      }
    } else {
      out.append(" (not evaluated: ").append(problems.get(0).message()).append(')');
    }
    return out.toString();
  }
}
