package org.kapsdk.core.course;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.kapsdk.core.facts.Administration;
import org.kapsdk.core.facts.PatientFacts;
import org.kapsdk.core.facts.SessionRecord;
import org.kapsdk.core.gate.ClinicianOverride;
import org.kapsdk.core.model.Code;
import org.kapsdk.core.model.LimitPeriod;
import org.kapsdk.core.model.Quantity;
import org.kapsdk.core.model.Unit;

/**
 * What a course's events add up to: its status, current phase, sessions, doses, readings,
 * assessments, adverse events, completed integration steps, overrides and gate checks. Computed
 * from the events alone (and the rules, for the phase of each session template), never stored
 * on its own, so it can always be recomputed and never drifts from the record.
 *
 * <p>An immutable value with value equality: {@code replay(rules, events)} equals folding the
 * same events one by one with {@link #apply}. The rules are the lens the events are read through
 * and are not part of equality.
 *
 * <p>Replay is one pass with no validation (a record's events were validated when appended);
 * see {@link CourseRecord#validated} to replay untrusted events with every check.
 */
public final class CourseState {
  private final CourseRules rules;
  private final CourseStarted started;
  private final CourseStatus status;
  private final String statusReason;
  private final String currentPhaseId;
  private final Map<String, SessionState> sessions;
  private final List<DoseAdministered> administrations;
  private final List<ObservationRecorded> observations;
  private final List<AssessmentRecorded> assessments;
  private final List<AdverseEventRecorded> adverseEvents;
  private final Map<StepRef, Instant> completedSteps;
  private final List<ClinicianOverride> overrides;
  private final List<GateChecked> gateChecks;
  private final List<PhaseChanged> phaseChanges;
  private final int eventCount;

  CourseState(CourseRules rules, CourseStarted started, CourseStatus status, String statusReason,
      String currentPhaseId, Map<String, SessionState> sessions, List<DoseAdministered> administrations,
      List<ObservationRecorded> observations, List<AssessmentRecorded> assessments,
      List<AdverseEventRecorded> adverseEvents, Map<StepRef, Instant> completedSteps,
      List<ClinicianOverride> overrides, List<GateChecked> gateChecks, List<PhaseChanged> phaseChanges,
      int eventCount) {
    this.rules = rules;
    this.started = started;
    this.status = status;
    this.statusReason = statusReason;
    this.currentPhaseId = currentPhaseId;
    this.sessions = sessions;
    this.administrations = administrations;
    this.observations = observations;
    this.assessments = assessments;
    this.adverseEvents = adverseEvents;
    this.completedSteps = completedSteps;
    this.overrides = overrides;
    this.gateChecks = gateChecks;
    this.phaseChanges = phaseChanges;
    this.eventCount = eventCount;
  }

  /** The state of a course with no events: NOT_STARTED, in the template's first phase. */
  public static CourseState initial(CourseRules rules) {
    return new CourseFold(Objects.requireNonNull(rules, "rules"), 0).freeze();
  }

  /**
   * Folds the events in order, in one pass and without validation.
   *
   * @see CourseRecord#validated for the same with every check
   */
  public static CourseState replay(CourseRules rules, List<CourseEvent> events) {
    CourseFold fold = new CourseFold(Objects.requireNonNull(rules, "rules"), events.size());
    for (int i = 0, n = events.size(); i < n; i++) {
      fold.add(events.get(i));
    }
    return fold.freeze();
  }

  /** The state after one more event, without validation; this state is unchanged. */
  public CourseState apply(CourseEvent event) {
    CourseFold fold = CourseFold.from(this);
    fold.add(Objects.requireNonNull(event, "event"));
    return fold.freeze();
  }

  /** The rules the events were read with. */
  public CourseRules rules() {
    return rules;
  }

  /** The course's id; empty before {@link CourseStarted}. */
  public Optional<String> courseId() {
    return started == null ? Optional.empty() : Optional.of(started.courseId());
  }

  /** The first event: patient, template and clinic calendar; empty before the course started. */
  public Optional<CourseStarted> started() {
    return Optional.ofNullable(started);
  }

  /** Where the course stands. */
  public CourseStatus status() {
    return status;
  }

  /** The reason given for the current PAUSED or DISCONTINUED status; empty otherwise. */
  public Optional<String> statusReason() {
    return Optional.ofNullable(statusReason);
  }

  /**
   * The current phase: the target of the last {@link PhaseChanged}, else the phase of the session
   * that started last (by its start instant; on a tie, the one scheduled last), else the
   * template's first phase.
   */
  public String currentPhaseId() {
    return currentPhaseId;
  }

  /** Every scheduled session by occurrence id, in the order they were scheduled. */
  public Map<String, SessionState> sessions() {
    return sessions;
  }

  /** The session with the given occurrence id. */
  public Optional<SessionState> session(String sessionId) {
    return Optional.ofNullable(sessions.get(sessionId));
  }

  /** Every administration in the course, in the order recorded. */
  public List<DoseAdministered> administrations() {
    return administrations;
  }

  /** Every reading, in the order recorded. */
  public List<ObservationRecorded> observations() {
    return observations;
  }

  /** Every assessment, in the order recorded. */
  public List<AssessmentRecorded> assessments() {
    return assessments;
  }

  /** Every adverse event, in the order recorded. */
  public List<AdverseEventRecorded> adverseEvents() {
    return adverseEvents;
  }

  /** Completed integration steps: session and step to the instant the step was done. */
  public Map<StepRef, Instant> completedSteps() {
    return completedSteps;
  }

  /** When the step of the session was done; empty while it is still due. */
  public Optional<Instant> completedAt(String sessionId, String stepId) {
    return Optional.ofNullable(completedSteps.get(new StepRef(sessionId, stepId)));
  }

  /** Every override, in the order recorded; what a host passes to the gate's request. */
  public List<ClinicianOverride> overrides() {
    return overrides;
  }

  /** Every recorded gate check, in the order recorded. */
  public List<GateChecked> gateChecks() {
    return gateChecks;
  }

  /** Every phase change, in the order recorded. */
  public List<PhaseChanged> phaseChanges() {
    return phaseChanges;
  }

  /** How many events were folded. */
  public int eventCount() {
    return eventCount;
  }

  /**
   * The total given in a period ending at {@code at}, in mg, with the safety gate's windows: DAY
   * is the 24 h up to and including {@code at}, WEEK the 7 days, COURSE everything. A dose given
   * exactly 24 h (or 7 d) before {@code at} counts, the cautious edge; a dose after {@code at}
   * never does. Every medication counts; amounts not in mg (which appending refuses) do not.
   *
   * @throws IllegalArgumentException for SESSION, which has no course-wide meaning; use
   *     {@link SessionState#totalDose()}
   */
  public Quantity cumulativeDose(LimitPeriod period, Instant at) {
    return Quantity.of(sum(period, at, null), Unit.MG);
  }

  /**
   * Like {@link #cumulativeDose} but counting only the given medication, as the gate's dose
   * limits do: an administration counts when its own medication, else its session template's, is
   * the same concept, or when neither is known (over-counting is the safe error).
   */
  BigDecimal sum(LimitPeriod period, Instant at, Code medication) {
    if (period == LimitPeriod.SESSION) {
      throw new IllegalArgumentException("SESSION has no course-wide total; use SessionState.totalDose()");
    }
    Instant from = period == LimitPeriod.DAY ? at.minus(Duration.ofDays(1))
        : period == LimitPeriod.WEEK ? at.minus(Duration.ofDays(7)) : null;
    BigDecimal total = BigDecimal.ZERO;
    for (int i = 0, n = administrations.size(); i < n; i++) {
      DoseAdministered d = administrations.get(i);
      if (d.at().isAfter(at) || (from != null && d.at().isBefore(from)) || d.amount().unit() != Unit.MG) {
        continue;
      }
      if (medication != null) {
        Code given = d.medication().orElse(null);
        if (given == null) {
          SessionState s = sessions.get(d.sessionId());
          given = s == null ? null : rules.sessionTemplate(s.templateId())
              .flatMap(t -> t.dosing()).map(spec -> spec.medication()).orElse(null);
        }
        if (given != null && !given.sameConcept(medication)) {
          continue;
        }
      }
      total = total.add(d.amount().value());
    }
    return total;
  }

  /**
   * The patient's facts as far as the course knows them: every started session (with its
   * administrations), every reading and every assessment, under the given opaque patient id.
   * Demographics, problem and medication lists and attestations are the host's; merge them with
   * {@link #facts(PatientFacts)}.
   *
   * @throws org.kapsdk.core.validation.ValidationException if the id is blank
   */
  public PatientFacts facts(String patientId) {
    return facts(PatientFacts.builder().patientId(patientId).build());
  }

  /**
   * The host's facts with the course's added: the base's own readings, assessments and sessions
   * stay, and every started session of the course, every reading and every assessment is
   * appended. A session id present in both is refused as a duplicate.
   *
   * @throws org.kapsdk.core.validation.ValidationException if the result is structurally invalid
   */
  public PatientFacts facts(PatientFacts base) {
    PatientFacts.Builder b = PatientFacts.builder();
    b.from(base);
    for (ObservationRecorded o : observations) {
      b.addObservation(o.observation());
    }
    for (AssessmentRecorded a : assessments) {
      b.addAssessment(a.result());
    }
    for (SessionState s : sessions.values()) {
      if (s.startedAt().isEmpty()) {
        continue;
      }
      SessionRecord.Builder r = SessionRecord.builder().id(s.id()).template(s.templateId())
          .start(s.startedAt().get()).end(s.completedAt());
      for (DoseAdministered d : s.administrations()) {
        r.addAdministration(Administration.builder().at(d.at()).amount(d.amount()).medication(d.medication()).build());
      }
      b.addSession(r.build());
    }
    return b.build();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CourseState s
        && eventCount == s.eventCount
        && status == s.status
        && Objects.equals(started, s.started)
        && Objects.equals(statusReason, s.statusReason)
        && currentPhaseId.equals(s.currentPhaseId)
        && sessions.equals(s.sessions)
        && administrations.equals(s.administrations)
        && observations.equals(s.observations)
        && assessments.equals(s.assessments)
        && adverseEvents.equals(s.adverseEvents)
        && completedSteps.equals(s.completedSteps)
        && overrides.equals(s.overrides)
        && gateChecks.equals(s.gateChecks)
        && phaseChanges.equals(s.phaseChanges);
  }

  @Override
  public int hashCode() {
    return Objects.hash(started, status, statusReason, currentPhaseId, sessions, administrations, observations,
        assessments, adverseEvents, completedSteps, overrides, gateChecks, phaseChanges, eventCount);
  }

  /** {@code CourseState[course-id STATUS, phase p, n sessions, m events]}; never the patient id. */
  @Override
  public String toString() {
    return "CourseState[" + courseId().orElse("(not started)") + " " + status + ", phase " + currentPhaseId + ", "
        + sessions.size() + " sessions, " + eventCount + " events]";
  }
}
