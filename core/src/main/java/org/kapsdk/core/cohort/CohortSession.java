package org.kapsdk.core.cohort;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.kapsdk.core.course.CourseRecord;
import org.kapsdk.core.course.CourseRules;
import org.kapsdk.core.course.CourseStarted;
import org.kapsdk.core.course.CourseState;
import org.kapsdk.core.course.CourseStore;
import org.kapsdk.core.course.EventRejectedException;
import org.kapsdk.core.course.SessionState;
import org.kapsdk.core.course.SessionStatus;
import org.kapsdk.core.course.StaleVersionException;
import org.kapsdk.core.facts.PatientFacts;
import org.kapsdk.core.gate.GateRequest;
import org.kapsdk.core.gate.Verdict;
import org.kapsdk.core.model.Gate;
import org.kapsdk.core.model.GroupSpec;
import org.kapsdk.core.model.SessionTemplate;
import org.kapsdk.core.validation.Paths;
import org.kapsdk.core.validation.Problem;
import org.kapsdk.core.validation.Problems;
import org.kapsdk.core.validation.ValidationException;

/**
 * One scheduled group session: a session template marked {@code group}, a date, and a roster of
 * participants named by their course ids. Each participant keeps their own course record, facts
 * and safety record; the cohort never merges them.
 *
 * <pre>{@code
 * CohortSession cohort = CohortSession.of(rules, "dosing-session", date, List.of("c-1", "c-2", "c-3"));
 * CohortVerdict verdict = cohort.evaluate(Gate.PRE_DOSE, now, participants);
 * verdict.mayProceed();   // [c-1, c-3]
 * verdict.blocked();      // [c-2]: c-2's own reading, nobody else's
 * }</pre>
 *
 * <p>For a session gate, each participant's occurrence of the cohort session is the session of
 * that template their course schedules on the cohort's date (in the course's zone), unless it was
 * missed or cancelled; it must have been started before PRE_DOSE, DURING_SESSION or DISCHARGE is
 * asked, as for a single course.
 *
 * <p>Immutable and safe from any number of threads.
 */
public final class CohortSession {
  private static final List<Gate> SESSION_GATES = List.of(Gate.PRE_DOSE, Gate.DURING_SESSION, Gate.DISCHARGE);

  private final CourseRules rules;
  private final SessionTemplate session;
  private final GroupSpec group;
  private final LocalDate date;
  private final List<String> roster;

  private CohortSession(CourseRules rules, SessionTemplate session, GroupSpec group, LocalDate date, List<String> roster) {
    this.rules = rules;
    this.session = session;
    this.group = group;
    this.date = date;
    this.roster = roster;
  }

  /**
   * A cohort session of the given group session template on a date, with its roster.
   *
   * @throws ValidationException listing every problem: an unknown session template or one that
   *     is not a group session, an empty roster, a blank or repeated course id, or more
   *     participants than the template's {@code group.maxParticipants}
   */
  public static CohortSession of(CourseRules rules, String sessionTemplateId, LocalDate date, List<String> roster) {
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(sessionTemplateId, "sessionTemplateId");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(roster, "roster");
    Problems problems = new Problems();
    Optional<SessionTemplate> session = rules.sessionTemplate(sessionTemplateId);
    GroupSpec group = null;
    if (session.isEmpty()) {
      problems.add("sessionTemplateId", "protocol '" + rules.template().id() + "' has no session template '" + sessionTemplateId + "'");
    } else if (session.get().group().isEmpty()) {
      problems.add("sessionTemplateId", "session template '" + sessionTemplateId
          + "' is not a group session (it has no group block); each participant's sessions are their own course's");
    } else {
      group = session.get().group().get();
    }
    List<String> ids = List.copyOf(roster);
    if (ids.isEmpty()) {
      problems.add("roster", "a cohort needs at least one participant");
    }
    Map<String, Integer> seen = new LinkedHashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      String path = Paths.index("roster", i);
      if (id.isBlank()) {
        problems.add(path, "a course id must not be blank");
        continue;
      }
      Integer first = seen.putIfAbsent(id, i);
      if (first != null) {
        problems.add(path, "course '" + id + "' is already on the roster at roster[" + first
            + "]; a participant holds one place and has one safety record");
      }
    }
    if (group != null && group.maxParticipants().isPresent() && ids.size() > group.maxParticipants().get()) {
      problems.add("roster", ids.size() + " participants, but group session '" + sessionTemplateId + "' holds at most "
          + group.maxParticipants().get() + " (its group.maxParticipants)");
    }
    problems.throwIfAny();
    return new CohortSession(rules, session.get(), group, date, ids);
  }

  /**
   * This cohort with one more participant at the end of the roster.
   *
   * @throws ValidationException if the course is already on the roster or the roster would exceed
   *     {@code group.maxParticipants}
   */
  public CohortSession withParticipant(String courseId) {
    List<String> next = new ArrayList<>(roster);
    next.add(Objects.requireNonNull(courseId, "courseId"));
    return of(rules, session.id(), date, next);
  }

  /**
   * This cohort without the participant with this course id.
   *
   * @throws ValidationException if the course is not on the roster, or is its only participant
   */
  public CohortSession withoutParticipant(String courseId) {
    if (!roster.contains(courseId)) {
      throw new ValidationException(List.of(Problem.at("roster", "course '" + courseId + "' is not on the roster")));
    }
    List<String> next = new ArrayList<>(roster);
    next.remove(courseId);
    return of(rules, session.id(), date, next);
  }

  /** The course rules (template and compiled gate) every participant's course runs. */
  public CourseRules rules() {
    return rules;
  }

  /** The id of the group session template. */
  public String sessionTemplateId() {
    return session.id();
  }

  /** The date of the session. */
  public LocalDate date() {
    return date;
  }

  /** The participants' course ids, in roster order, each once. */
  public List<String> roster() {
    return roster;
  }

  /** The template's {@code group.maxParticipants}, when set. */
  public OptionalInt maxParticipants() {
    return group.maxParticipants().map(OptionalInt::of).orElse(OptionalInt.empty());
  }

  /** The template's {@code group.minParticipants}, when set. */
  public OptionalInt minParticipants() {
    return group.minParticipants().map(OptionalInt::of).orElse(OptionalInt.empty());
  }

  /**
   * Whether the roster is smaller than {@code group.minParticipants}: worth knowing when planning
   * the group, never a reason to refuse a participant's safety check.
   */
  public boolean belowMinimum() {
    return group.minParticipants().map(min -> roster.size() < min).orElse(false);
  }

  /**
   * Asks the gate for every participant on the roster, each with their own course and facts.
   *
   * <p>A participant on the roster without an entry in {@code participants}, whose course runs
   * another template, whose course has no session of this template on this date, whose session
   * has not started (for a session gate), or whose facts the gate refuses is BLOCKED on their own,
   * with the reason in {@link ParticipantVerdict#problems()}; the others are evaluated as usual.
   *
   * @param participants the participants' records and facts, in any order; at most one per course
   * @throws ValidationException if a participant is given twice or is not on the roster, before
   *     anyone is evaluated: facts for the wrong cohort must not be answered
   */
  public CohortVerdict evaluate(Gate gate, Instant at, List<Participant> participants) {
    Objects.requireNonNull(gate, "gate");
    Objects.requireNonNull(at, "at");
    Map<String, Participant> byId = new LinkedHashMap<>();
    Problems problems = new Problems();
    for (int i = 0; i < participants.size(); i++) {
      Participant p = Objects.requireNonNull(participants.get(i), "participant");
      String path = Paths.index("participants", i);
      if (!roster.contains(p.courseId())) {
        problems.add(path, "course '" + p.courseId() + "' is not on the roster of this cohort session");
      } else if (byId.putIfAbsent(p.courseId(), p) != null) {
        problems.add(path, "course '" + p.courseId() + "' is given more than once");
      }
    }
    problems.throwIfAny();
    List<ParticipantVerdict> out = new ArrayList<>(roster.size());
    for (String courseId : roster) {
      Participant p = byId.get(courseId);
      out.add(p == null
          ? ParticipantVerdict.notEvaluated(courseId, Optional.empty(),
              List.of(Problem.at("participants", "no course record and facts were given for course '" + courseId
                  + "': missing facts never pass")))
          : evaluateOne(gate, at, p));
    }
    return new CohortVerdict(session.id(), date, gate, at, out);
  }

  private ParticipantVerdict evaluateOne(Gate gate, Instant at, Participant p) {
    String courseId = p.courseId();
    CourseRecord record = p.record();
    Optional<CourseStarted> started = record.events().isEmpty() || !(record.events().get(0) instanceof CourseStarted s)
        ? Optional.empty() : Optional.of(s);
    if (started.isEmpty()) {
      return ParticipantVerdict.notEvaluated(courseId, Optional.empty(),
          List.of(Problem.at("record", "course '" + courseId + "' has not been started")));
    }
    if (!started.get().templateId().equals(rules.template().id())
        || !started.get().templateVersion().equals(rules.template().version())) {
      return ParticipantVerdict.notEvaluated(courseId, Optional.empty(), List.of(Problem.at("record", "course '" + courseId
          + "' runs template '" + started.get().templateId() + "' " + started.get().templateVersion() + ", not this cohort's '"
          + rules.template().id() + "' " + rules.template().version())));
    }
    try {
      CourseState state = record.state(rules);
      Optional<String> sessionId = Optional.empty();
      if (SESSION_GATES.contains(gate)) {
        List<SessionState> matches = occurrences(state, started.get().zone());
        if (matches.size() != 1) {
          String why = matches.isEmpty()
              ? "has no " + session.id() + " session on " + date + " that was not missed or cancelled"
              : "has " + matches.size() + " " + session.id() + " sessions on " + date + " ("
                  + String.join(", ", matches.stream().map(SessionState::id).toList()) + "); cancel the one that does not hold";
          return ParticipantVerdict.notEvaluated(courseId, Optional.empty(),
              List.of(Problem.at("session", "course '" + courseId + "' " + why)));
        }
        SessionState occurrence = matches.get(0);
        sessionId = Optional.of(occurrence.id());
        if (occurrence.startedAt().isEmpty()) {
          return ParticipantVerdict.notEvaluated(courseId, sessionId, List.of(Problem.at("session", "session '"
              + occurrence.id() + "' of course '" + courseId + "' has not been started; record its start before asking " + gate)));
        }
      }
      PatientFacts facts = state.facts(p.facts());
      GateRequest.Builder request = GateRequest.builder().gate(gate).at(at).facts(facts).overrides(p.overrides());
      sessionId.ifPresent(request::session);
      p.plannedDose().ifPresent(request::plannedDose);
      Verdict verdict = rules.gate().evaluate(request.build());
      return ParticipantVerdict.evaluated(courseId, sessionId, verdict);
    } catch (ValidationException e) {
      // Bad input for one participant (facts naming unknown sessions, an override the rule does
      // not allow) blocks that participant with the reason; it says nothing about the others.
      return ParticipantVerdict.notEvaluated(courseId, Optional.empty(), e.problems());
    }
  }

  private List<SessionState> occurrences(CourseState state, ZoneId zone) {
    List<SessionState> out = new ArrayList<>();
    for (SessionState s : state.sessions().values()) {
      if (s.templateId().equals(session.id())
          && s.status() != SessionStatus.MISSED && s.status() != SessionStatus.CANCELLED
          && s.scheduledFor().atZone(zone).toLocalDate().equals(date)) {
        out.add(s);
      }
    }
    return out;
  }

  /**
   * Appends each participant's event to that participant's own course in the store, each with
   * the store's optimistic concurrency. Every participant's append stands alone: a stale version
   * or a refused event is reported for that participant and changes no one else's course.
   *
   * @param events at most one event per participant; a host records several steps (start, dose,
   *     completion) as several calls, each decided on the version it saw
   * @throws ValidationException before anything is written, if an event names a course not on
   *     the roster or two events name the same course
   */
  public CohortRecording record(CourseStore store, List<ParticipantEvent> events) {
    Objects.requireNonNull(store, "store");
    Problems problems = new Problems();
    Map<String, Integer> seen = new LinkedHashMap<>();
    for (int i = 0; i < events.size(); i++) {
      ParticipantEvent e = Objects.requireNonNull(events.get(i), "event");
      String path = Paths.index("events", i);
      if (!roster.contains(e.courseId())) {
        problems.add(path, "course '" + e.courseId() + "' is not on the roster of this cohort session");
      } else {
        Integer first = seen.putIfAbsent(e.courseId(), i);
        if (first != null) {
          problems.add(path, "course '" + e.courseId() + "' already has an event at events[" + first
              + "]; append one event per participant per call, each on the version it was decided on");
        }
      }
    }
    problems.throwIfAny();
    List<RecordingResult> results = new ArrayList<>(events.size());
    for (ParticipantEvent e : events) {
      results.add(recordOne(store, e));
    }
    return new CohortRecording(results);
  }

  private RecordingResult recordOne(CourseStore store, ParticipantEvent e) {
    try {
      return RecordingResult.accepted(e.courseId(), store.append(e.courseId(), e.expectedVersion(), e.event(), rules));
    } catch (StaleVersionException x) {
      return RecordingResult.refused(e.courseId(), RecordingResult.Status.STALE, List.of(Problem.at("expectedVersion", x.getMessage())));
    } catch (EventRejectedException x) {
      return RecordingResult.refused(e.courseId(), RecordingResult.Status.REJECTED, x.problems());
    } catch (NoSuchElementException x) {
      return RecordingResult.refused(e.courseId(), RecordingResult.Status.NO_COURSE,
          List.of(Problem.at("courseId", "the store holds no course '" + e.courseId() + "'")));
    }
  }

  /** {@code CohortSession[template session-template DATE, n participants]}: course ids are not listed. */
  @Override
  public String toString() {
    return "CohortSession[" + rules.template().id() + " " + session.id() + " " + date + ", " + roster.size() + " participants]";
  }
}
