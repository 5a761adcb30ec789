package org.kapsdk.core.course;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.kapsdk.core.validation.Paths;
import org.kapsdk.core.validation.Problem;
import org.kapsdk.core.validation.ValidationException;

/**
 * One course's append-only history: its id and its events, in the order they were accepted. The
 * {@link #version()} is the number of events, the token of optimistic concurrency: an append
 * names the version it was decided on, and a course that moved on since is refused with a
 * {@link StaleVersionException} instead of being silently overwritten.
 *
 * <p>Immutable: {@link #append} returns a new record and leaves this one as it was, whether the
 * event is accepted or refused. Value equality over the id and the events.
 *
 * <pre>{@code
 * CourseRules rules = CourseRules.compile(template);
 * CourseRecord course = CourseRecord.empty("course-0001");
 * course = course.append(course.version(), started, rules);
 * course = course.append(course.version(), scheduled, rules);
 * CourseState state = course.state(rules);
 * }</pre>
 */
public final class CourseRecord {
  private final String courseId;
  private final List<CourseEvent> events;
  /** The state last computed for this record, with the rules it was computed with; not part of equality. */
  private volatile Cached cached;

  private record Cached(CourseRules rules, CourseState state) {}

  private CourseRecord(String courseId, List<CourseEvent> events, Cached cached) {
    this.courseId = courseId;
    this.events = events;
    this.cached = cached;
  }

  /**
   * A course with no events yet, version 0; its first event must be {@link CourseStarted} with
   * this id.
   *
   * @throws ValidationException if the id is blank
   */
  public static CourseRecord empty(String courseId) {
    return new CourseRecord(requireId(courseId), List.of(), null);
  }

  /**
   * A record holding the given events as they are, without checking them: what a reader returns,
   * and what a host holds before calling {@link #validated}. Appending to it checks each new event
   * against the state its events fold into.
   *
   * @throws ValidationException if the id is blank
   */
  public static CourseRecord unvalidated(String courseId, List<CourseEvent> events) {
    return new CourseRecord(requireId(courseId), List.copyOf(events), null);
  }

  /**
   * The record of the given events, each checked in order exactly as {@link #append} would check
   * it.
   *
   * @throws EventRejectedException for the first event refused, its problems under
   *     {@code events[i]}, with {@link EventRejectedException#index()} set
   * @throws ValidationException if the id is blank
   */
  public static CourseRecord validated(CourseRules rules, String courseId, List<CourseEvent> events) {
    requireId(courseId);
    List<CourseEvent> copy = List.copyOf(events);
    CourseState state = CourseState.initial(rules);
    for (int i = 0; i < copy.size(); i++) {
      CourseEvent e = copy.get(i);
      List<Problem> problems = EventValidator.check(rules, courseId, state, e);
      if (!problems.isEmpty()) {
        String at = Paths.index("events", i);
        throw new EventRejectedException(e.typeName(), i, problems.stream().map(p -> p.under(at)).toList());
      }
      state = state.apply(e);
    }
    return new CourseRecord(courseId, copy, new Cached(rules, state));
  }

  /** The course's id. */
  public String courseId() {
    return courseId;
  }

  /** The events, oldest first. */
  public List<CourseEvent> events() {
    return events;
  }

  /** The number of events: 0 for an empty course, 1 after {@link CourseStarted}. */
  public long version() {
    return events.size();
  }

  /** What the events add up to, read with these rules; computed once per record and rules. */
  public CourseState state(CourseRules rules) {
    Cached c = cached;
    if (c != null && c.rules() == rules) {
      return c.state();
    }
    CourseState state = CourseState.replay(rules, events);
    cached = new Cached(rules, state);
    return state;
  }

  /**
   * This record with one more event, if the event fits the course so far.
   *
   * @param expectedVersion the version the caller decided on, usually {@code record.version()}
   *     of the record it read
   * @throws StaleVersionException if {@code expectedVersion} is not this record's version
   * @throws EventRejectedException if the event does not fit; every problem names the event's
   *     field and says why. This record is unchanged either way.
   */
  public CourseRecord append(long expectedVersion, CourseEvent event, CourseRules rules) {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(rules, "rules");
    if (expectedVersion != version()) {
      throw new StaleVersionException(expectedVersion, version());
    }
    CourseState state = state(rules);
    List<Problem> problems = EventValidator.check(rules, courseId, state, event);
    if (!problems.isEmpty()) {
      throw new EventRejectedException(event.typeName(), -1, problems);
    }
    List<CourseEvent> next = new ArrayList<>(events.size() + 1);
    next.addAll(events);
    next.add(event);
    return new CourseRecord(courseId, Collections.unmodifiableList(next), new Cached(rules, state.apply(event)));
  }

  private static String requireId(String courseId) {
    if (courseId == null || courseId.isBlank()) {
      throw new ValidationException(List.of(Problem.at("courseId", "must not be blank")));
    }
    return courseId;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CourseRecord r && courseId.equals(r.courseId) && events.equals(r.events);
  }

  @Override
  public int hashCode() {
    return Objects.hash(courseId, events);
  }

  /** {@code CourseRecord[course-id, version n]}; never the patient id or the events. */
  @Override
  public String toString() {
    return "CourseRecord[" + courseId + ", version " + version() + "]";
  }
}
