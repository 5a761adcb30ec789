package org.kapsdk.core.course;

import java.util.List;
import java.util.Optional;
import org.kapsdk.core.validation.Problem;
import org.kapsdk.core.validation.ValidationException;

/**
 * Thrown when a course refuses an event: it does not fit what was recorded before it (a dose in a
 * session that never started, a session started twice, a dose over a limit, no PRE_DOSE gate
 * check). Every problem names the event's field ({@code amount}, {@code sessionId},
 * {@code override.ruleId}; under {@code events[i]} when a whole list is validated) and says why.
 * A refused event changes nothing.
 *
 * <p>A {@link ValidationException}, so that a host catching bad input with one type catches this
 * too; catch this type to tell "the course said no" apart from malformed input.
 */
public final class EventRejectedException extends ValidationException {
  private static final long serialVersionUID = 1L;

  private final String eventType;
  private final int index;

  EventRejectedException(String eventType, int index, List<Problem> problems) {
    super(problems);
    this.eventType = eventType;
    this.index = index;
  }

  /** The type name of the refused event, for example {@code doseAdministered}. */
  public String eventType() {
    return eventType;
  }

  /** The refused event's position in the list, when a list was validated; empty for a single append. */
  public Optional<Integer> index() {
    return index < 0 ? Optional.empty() : Optional.of(index);
  }
}
