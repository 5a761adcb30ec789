package org.kapsdk.core.course;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kapsdk.core.gate.ClinicianOverride;
import org.kapsdk.core.model.Gate;
import org.kapsdk.core.model.Quantity;
import org.kapsdk.core.model.Unit;

/**
 * The mutable accumulator behind {@link CourseState}: one pass over the events, each folded in
 * constant time (a class comparison, a map lookup and a list append), then frozen once. Freezing
 * hands the fold's lists to the state as unmodifiable views rather than copying them, so a fold
 * must be frozen at most once and dropped afterwards; it never escapes the package.
 * {@link CourseState#apply} starts a fresh fold from a state's contents, never from its lists.
 *
 * <p>Replay does not validate. An event that {@link CourseRecord#append} would refuse is folded
 * as far as it makes sense: course-wide lists always receive it; an event for a session that was
 * never scheduled (or whose template the rules do not know) changes no session; a session
 * scheduled twice keeps its first scheduling; every other field takes the last value recorded.
 */
final class CourseFold {
  private static final Quantity ZERO_MG = Quantity.of(0, Unit.MG);

  private final CourseRules rules;
  private CourseStarted started;
  private CourseStatus status = CourseStatus.NOT_STARTED;
  private String statusReason;
  private final LinkedHashMap<String, Session> sessions;
  private final ArrayList<DoseAdministered> administrations;
  private final ArrayList<ObservationRecorded> observations;
  private final ArrayList<AssessmentRecorded> assessments;
  private final ArrayList<AdverseEventRecorded> adverseEvents;
  private final LinkedHashMap<StepRef, Instant> steps;
  private final ArrayList<ClinicianOverride> overrides;
  private final ArrayList<GateChecked> gateChecks;
  private final ArrayList<PhaseChanged> phaseChanges;
  private int eventCount;

  CourseFold(CourseRules rules, int expectedEvents) {
    this.rules = rules;
    int lists = Math.max(10, expectedEvents / 4);
    this.sessions = new LinkedHashMap<>(Math.max(16, expectedEvents / 6));
    this.administrations = new ArrayList<>(lists);
    this.observations = new ArrayList<>(lists);
    this.assessments = new ArrayList<>();
    this.adverseEvents = new ArrayList<>();
    this.steps = new LinkedHashMap<>();
    this.overrides = new ArrayList<>();
    this.gateChecks = new ArrayList<>();
    this.phaseChanges = new ArrayList<>();
  }

  /** A fold that continues from a state, as if its events had just been folded. */
  static CourseFold from(CourseState state) {
    CourseFold f = new CourseFold(state.rules(), state.eventCount() + 1);
    f.started = state.started().orElse(null);
    f.status = state.status();
    f.statusReason = state.statusReason().orElse(null);
    for (SessionState s : state.sessions().values()) {
      f.sessions.put(s.id(), Session.from(s));
    }
    f.administrations.addAll(state.administrations());
    f.observations.addAll(state.observations());
    f.assessments.addAll(state.assessments());
    f.adverseEvents.addAll(state.adverseEvents());
    f.steps.putAll(state.completedSteps());
    f.overrides.addAll(state.overrides());
    f.gateChecks.addAll(state.gateChecks());
    f.phaseChanges.addAll(state.phaseChanges());
    f.eventCount = state.eventCount();
    return f;
  }

  void add(CourseEvent e) {
    eventCount++;
    // Most frequent first: a course is mostly doses, readings and gate checks. The event types
    // are sealed to their generated classes, so an exact class comparison decides the type; it
    // avoids the interface instanceof chain, which is slow on the JVM for a miss.
    Class<?> type = e.getClass();
    if (type == ImmutableDoseAdministered.class) {
      DoseAdministered x = (DoseAdministered) e;
      administrations.add(x);
      Session s = sessions.get(x.sessionId());
      if (s != null) {
        s.administrations.add(x);
        if (x.amount().unit() == Unit.MG) {
          s.totalMg = s.totalMg.add(x.amount().value());
        }
      }
    } else if (type == ImmutableObservationRecorded.class) {
      ObservationRecorded x = (ObservationRecorded) e;
      observations.add(x);
    } else if (type == ImmutableGateChecked.class) {
      GateChecked x = (GateChecked) e;
      gateChecks.add(x);
      if (x.gate() == Gate.PRE_DOSE && x.sessionId().isPresent()) {
        Session s = sessions.get(x.sessionId().get());
        if (s != null) {
          s.preDoseChecks.add(x);
        }
      }
    } else if (type == ImmutableSessionScheduled.class) {
      SessionScheduled x = (SessionScheduled) e;
      String phase = rules.phaseOfOrNull(x.template());
      if (phase != null && !sessions.containsKey(x.sessionId())) {
        Session s = new Session(x.sessionId(), x.template(), phase, x.scheduledFor(), x.planItemId().orElse(null));
        sessions.put(s.id, s);
      }
    } else if (type == ImmutableSessionStarted.class) {
      SessionStarted x = (SessionStarted) e;
      Session s = sessions.get(x.sessionId());
      if (s != null) {
        s.status = SessionStatus.STARTED;
        s.startedAt = x.at();
      }
    } else if (type == ImmutableSessionCompleted.class) {
      SessionCompleted x = (SessionCompleted) e;
      Session s = sessions.get(x.sessionId());
      if (s != null) {
        s.status = SessionStatus.COMPLETED;
        s.completedAt = x.at();
        s.monitoringEndedAt = x.monitoringEndedAt().orElse(null);
      }
    } else if (type == ImmutableAssessmentRecorded.class) {
      AssessmentRecorded x = (AssessmentRecorded) e;
      assessments.add(x);
    } else if (type == ImmutableIntegrationStepCompleted.class) {
      IntegrationStepCompleted x = (IntegrationStepCompleted) e;
      steps.put(new StepRef(x.sessionId(), x.stepId()), x.at());
    } else if (type == ImmutableOverrideRecorded.class) {
      OverrideRecorded x = (OverrideRecorded) e;
      ClinicianOverride o = x.override();
      overrides.add(o);
      if (o.session().isPresent()) {
        Session s = sessions.get(o.session().get());
        if (s != null) {
          s.overrides.add(o);
        }
      }
    } else if (type == ImmutableSessionMissed.class) {
      SessionMissed x = (SessionMissed) e;
      Session s = sessions.get(x.sessionId());
      if (s != null) {
        s.status = SessionStatus.MISSED;
        s.missedAt = x.at();
        s.missedReason = x.reason();
      }
    } else if (type == ImmutableSessionCancelled.class) {
      SessionCancelled x = (SessionCancelled) e;
      Session s = sessions.get(x.sessionId());
      if (s != null) {
        s.status = SessionStatus.CANCELLED;
        s.cancelledAt = x.at();
        s.cancelledReason = x.reason();
      }
    } else if (type == ImmutableAdverseEventRecorded.class) {
      AdverseEventRecorded x = (AdverseEventRecorded) e;
      adverseEvents.add(x);
    } else if (type == ImmutablePhaseChanged.class) {
      PhaseChanged x = (PhaseChanged) e;
      phaseChanges.add(x);
    } else if (type == ImmutableCourseStarted.class) {
      CourseStarted x = (CourseStarted) e;
      if (started == null) {
        started = x;
        status = CourseStatus.ACTIVE;
      }
    } else if (type == ImmutableCoursePaused.class) {
      CoursePaused x = (CoursePaused) e;
      status = CourseStatus.PAUSED;
      statusReason = x.reason();
    } else if (type == ImmutableCourseResumed.class) {
      status = CourseStatus.ACTIVE;
      statusReason = null;
    } else if (type == ImmutableCourseDiscontinued.class) {
      CourseDiscontinued x = (CourseDiscontinued) e;
      status = CourseStatus.DISCONTINUED;
      statusReason = x.reason();
    } else {
      throw new AssertionError("unknown course event class " + type.getName());
    }
  }

  /**
   * The immutable state. The fold's lists are handed over as unmodifiable views instead of being
   * copied: a fold is frozen once and then dropped, so nothing else can reach them.
   */
  CourseState freeze() {
    Map<String, SessionState> frozen = new LinkedHashMap<>((int) (sessions.size() / 0.75f) + 1);
    String latestPhase = null;
    Instant latestStart = null;
    for (Session s : sessions.values()) {
      frozen.put(s.id, s.freeze());
      // The latest started session; among equal starts, the one scheduled last.
      if (s.startedAt != null && (latestStart == null || !s.startedAt.isBefore(latestStart))) {
        latestStart = s.startedAt;
        latestPhase = s.phaseId;
      }
    }
    String phase = !phaseChanges.isEmpty() ? phaseChanges.get(phaseChanges.size() - 1).toPhase()
        : latestPhase != null ? latestPhase : rules.firstPhaseId();
    return new CourseState(rules, started, status, statusReason, phase, Collections.unmodifiableMap(frozen),
        view(administrations), view(observations), view(assessments), view(adverseEvents),
        Collections.unmodifiableMap(steps), view(overrides), view(gateChecks), view(phaseChanges), eventCount);
  }

  private static <T> List<T> view(ArrayList<T> list) {
    return Collections.unmodifiableList(list);
  }

  /** One session while folding. */
  private static final class Session {
    final String id;
    final String template;
    final String phaseId;
    final Instant scheduledFor;
    final String planItemId;
    SessionStatus status = SessionStatus.SCHEDULED;
    Instant startedAt;
    Instant completedAt;
    Instant monitoringEndedAt;
    Instant missedAt;
    String missedReason;
    Instant cancelledAt;
    String cancelledReason;
    final ArrayList<DoseAdministered> administrations = new ArrayList<>(4);
    BigDecimal totalMg = BigDecimal.ZERO;
    final ArrayList<GateChecked> preDoseChecks = new ArrayList<>(2);
    final ArrayList<ClinicianOverride> overrides = new ArrayList<>(0);

    Session(String id, String template, String phaseId, Instant scheduledFor, String planItemId) {
      this.id = id;
      this.template = template;
      this.phaseId = phaseId;
      this.scheduledFor = scheduledFor;
      this.planItemId = planItemId;
    }

    static Session from(SessionState s) {
      Session x = new Session(s.id(), s.templateId(), s.phaseId(), s.scheduledFor(), s.planItemId().orElse(null));
      x.status = s.status();
      x.startedAt = s.startedAt().orElse(null);
      x.completedAt = s.completedAt().orElse(null);
      x.monitoringEndedAt = s.monitoringEndedAt().orElse(null);
      x.missedAt = s.missedAt().orElse(null);
      x.missedReason = s.missedReason().orElse(null);
      x.cancelledAt = s.cancelledAt().orElse(null);
      x.cancelledReason = s.cancelledReason().orElse(null);
      x.administrations.addAll(s.administrations());
      x.totalMg = s.totalDose().value();
      x.preDoseChecks.addAll(s.preDoseChecks());
      x.overrides.addAll(s.overrides());
      return x;
    }

    SessionState freeze() {
      return new SessionState(id, template, phaseId, scheduledFor, planItemId, status, startedAt, completedAt,
          monitoringEndedAt, missedAt, missedReason, cancelledAt, cancelledReason, view(administrations),
          totalMg.signum() == 0 ? ZERO_MG : Quantity.of(totalMg, Unit.MG), view(preDoseChecks), view(overrides));
    }
  }
}
