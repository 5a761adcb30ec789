package org.kapsdk.core.plan;

import java.util.List;
import org.kapsdk.core.validation.Problem;
import org.kapsdk.core.validation.ValidationException;

/**
 * Thrown when no plan satisfies a template's timing, its repeat patterns, its interval
 * constraints and the clinic calendar. Never a plan that breaks one of them instead.
 *
 * <p>Each {@link Problem}'s path points into the template, at the constraint that could not be
 * met: {@code phases[1].sessions[0].repeat} for a pattern window,
 * {@code phases[1].sessions[0].timing} for a timing window,
 * {@code phases[2].sessions[0].timing.intervals[0]} for an interval. Its message names the session
 * and occurrence, the constraint and the dates concerned, for example {@code session
 * induction-dose #3: target 2026-01-15, the only day of its window, is closed (2026-01-15 closed
 * date)}.
 */
public final class PlanningException extends ValidationException {
  private static final long serialVersionUID = 1L;

  /** An exception carrying the given problems; there must be at least one. */
  public PlanningException(List<Problem> problems) {
    super(problems);
  }
}
