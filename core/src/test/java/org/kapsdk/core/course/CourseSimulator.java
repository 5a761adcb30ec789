package org.kapsdk.core.course;

import static org.kapsdk.core.course.CourseFixtures.T0;
import static org.kapsdk.core.course.CourseFixtures.q;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.kapsdk.core.facts.AssessmentResult;
import org.kapsdk.core.facts.Observation;
import org.kapsdk.core.gate.VerdictOutcome;
import org.kapsdk.core.model.Code;
import org.kapsdk.core.model.Codes;
import org.kapsdk.core.model.Instrument;

/**
 * Random courses that the fixture template ({@link CourseFixtures#RULES}) must accept: an
 * independent model of the rules (session life cycle, pause, 28 mg doses within the per-session,
 * 24 h, 7 d and course limits, PRE_DOSE checks, waste with a second witness, overrides, steps,
 * phases) picks, at each step, one event that is allowed. Time moves forward by minutes or days,
 * so the rolling limits are reached now and then.
 */
final class CourseSimulator {
  private static final String[] TEMPLATES = {"screen", "dose", "review", "maint", "dose", "dose"};
  private static final String[] PHASES = {"screening", "induction", "maintenance"};

  private final Random random;
  private Instant now = T0;
  private final List<CourseEvent> out = new ArrayList<>();
  private final Map<String, Session> sessions = new LinkedHashMap<>();
  private final List<Instant[]> doses = new ArrayList<>();
  private final Set<String> overrides = new HashSet<>();
  private final Set<String> steps = new HashSet<>();
  private boolean paused;
  private boolean discontinued;
  private String phase = "screening";
  private boolean phaseChanged;
  private int serial;

  private static final class Session {
    final String id;
    final String template;
    SessionStatus status = SessionStatus.SCHEDULED;
    Instant startedAt;
    int mg;
    final List<GateChecked> checks = new ArrayList<>();

    Session(String id, String template) {
      this.id = id;
      this.template = template;
    }

    boolean dosing() {
      return template.equals("dose") || template.equals("maint");
    }
  }

  private CourseSimulator(Random random) {
    this.random = random;
  }

  /** A started course followed by up to {@code maxEvents - 1} accepted events. */
  static List<CourseEvent> course(Random random, int maxEvents) {
    CourseSimulator s = new CourseSimulator(random);
    s.out.add(CourseFixtures.started());
    int n = random.nextInt(Math.max(1, maxEvents));
    for (int i = 1; i < n && !s.discontinued; i++) {
      s.step();
    }
    return s.out;
  }

  private void step() {
    now = now.plus(random.nextInt(5) == 0 ? Duration.ofHours(1 + random.nextInt(60)) : Duration.ofMinutes(1 + random.nextInt(20)));
    // Favour the flow of a real session: a started dosing session is checked, then dosed.
    if (random.nextInt(3) > 0 && (dose() || (random.nextBoolean() && check()))) {
      return;
    }
    for (int attempt = 0; attempt < 50; attempt++) {
      if (tryOne(random.nextInt(20))) {
        return;
      }
    }
    observation();
  }

  private boolean tryOne(int choice) {
    switch (choice) {
      case 0:
        return pickSession(SessionStatus.SCHEDULED) == null && schedule();
      case 1:
        return sessions.size() < 60 && schedule();
      case 2:
      case 3:
        return start();
      case 4:
      case 5:
        return check();
      case 6:
      case 7:
      case 8:
        return dose();
      case 9:
      case 10:
        return complete();
      case 11:
        return missOrCancel();
      case 12:
        return observation();
      case 13:
        return assessment();
      case 14:
        return adverseEvent();
      case 15:
        return step(pickSession(SessionStatus.COMPLETED));
      case 16:
        return override();
      case 17:
        return pauseOrResume();
      case 18:
        return phaseChange();
      default:
        if (random.nextInt(40) == 0) {
          emit(CourseDiscontinued.builder().at(now).reason("withdrew").build());
          discontinued = true;
          return true;
        }
        return false;
    }
  }

  private boolean schedule() {
    String template = TEMPLATES[random.nextInt(TEMPLATES.length)];
    String id = template + "/" + (++serial);
    sessions.put(id, new Session(id, template));
    emit(SessionScheduled.builder().at(now).by("staff-01").sessionId(id).template(template)
        .scheduledFor(now.plus(Duration.ofHours(random.nextInt(100)))).build());
    return true;
  }

  private boolean start() {
    Session s = pickSession(SessionStatus.SCHEDULED);
    if (s == null || paused) {
      return false;
    }
    s.status = SessionStatus.STARTED;
    s.startedAt = now;
    emit(CourseFixtures.sessionStarted(s.id, now));
    if (!phaseChanged) {
      phase = s.template.equals("screen") ? "screening" : s.template.equals("maint") ? "maintenance" : "induction";
    }
    return true;
  }

  private boolean check() {
    Session s = pickDosing();
    if (s == null) {
      return false;
    }
    int r = random.nextInt(6);
    GateChecked g = r == 0 ? CourseFixtures.preDose(s.id, now, VerdictOutcome.BLOCKED, "COURSE-CAP")
        : CourseFixtures.preDose(s.id, now, r == 1 ? VerdictOutcome.PROCEED_WITH_WARNINGS : VerdictOutcome.PROCEED);
    s.checks.add(g);
    emit(g);
    return true;
  }

  private boolean dose() {
    Session s = pickDosing();
    if (s == null || paused || s.checks.isEmpty() || s.checks.get(s.checks.size() - 1).outcome() == VerdictOutcome.BLOCKED) {
      return false;
    }
    int mg = 28;
    if (s.mg + mg > 84 || given(Duration.ofDays(1)) + mg > 84 || given(Duration.ofDays(7)) + mg > 168
        || (given(null) + mg > 224 && !overrides.contains("COURSE-CAP@" + s.id))) {
      return false;
    }
    DoseAdministered.Builder b = CourseFixtures.doseBuilder(s.id, mg + " mg", now);
    if (random.nextInt(3) == 0) {
      b.lot("LOT-" + random.nextInt(100)).medication(CourseFixtures.ESKETAMINE);
    }
    if (random.nextInt(4) == 0) {
      b.wasted(q("1 mg")).witness("nurse-02").drawn(q("29 mg"));
    }
    s.mg += mg;
    doses.add(new Instant[] {now});
    emit(b.build());
    return true;
  }

  private int given(Duration window) {
    int total = 0;
    for (Instant[] d : doses) {
      if (window == null || !d[0].isBefore(now.minus(window))) {
        total += 28;
      }
    }
    return total;
  }

  private boolean complete() {
    Session s = pickSession(SessionStatus.STARTED);
    if (s == null) {
      return false;
    }
    s.status = SessionStatus.COMPLETED;
    SessionCompleted.Builder b = SessionCompleted.builder().at(now).sessionId(s.id);
    if (random.nextBoolean()) {
      b.monitoringEndedAt(s.startedAt.plus(Duration.between(s.startedAt, now).dividedBy(2)));
    }
    emit(b.build());
    return true;
  }

  private boolean missOrCancel() {
    Session s = pickSession(SessionStatus.SCHEDULED);
    if (s == null) {
      return false;
    }
    if (random.nextBoolean()) {
      s.status = SessionStatus.MISSED;
      emit(SessionMissed.builder().at(now).sessionId(s.id).reason("no-show").build());
    } else {
      s.status = SessionStatus.CANCELLED;
      emit(SessionCancelled.builder().at(now).sessionId(s.id).reason("clinic-closed").build());
    }
    return true;
  }

  private boolean observation() {
    Session s = random.nextBoolean() ? anySession() : null;
    Observation o = random.nextBoolean()
        ? Observation.builder().code(Codes.SYSTOLIC_BP).value(q((100 + random.nextInt(80)) + " mmHg")).at(now).build()
        : Observation.builder().code(Codes.BODY_WEIGHT).value(q((50 + random.nextInt(60)) + " kg")).at(now).build();
    emit(ObservationRecorded.builder().at(now).observation(o).sessionId(java.util.Optional.ofNullable(s == null ? null : s.id))
        .build());
    return true;
  }

  private boolean assessment() {
    AssessmentResult.Builder r = AssessmentResult.builder().instrument(Instrument.PHQ9).at(now);
    for (int i = 0; i < 9; i++) {
      r.addItems(random.nextInt(4));
    }
    Session s = random.nextBoolean() ? anySession() : null;
    emit(AssessmentRecorded.builder().at(now).result(r.build())
        .sessionId(java.util.Optional.ofNullable(s == null ? null : s.id)).build());
    return true;
  }

  private boolean adverseEvent() {
    Session s = anySession();
    emit(AdverseEventRecorded.builder().at(now).code(Code.of("urn:clinic:ae", "nausea", "Nausea"))
        .severity(AdverseEventSeverity.values()[random.nextInt(4)])
        .sessionId(java.util.Optional.ofNullable(s == null ? null : s.id)).build());
    return true;
  }

  private boolean step(Session s) {
    if (s == null || !s.dosing()) {
      return false;
    }
    String step = s.template + (random.nextBoolean() ? "-form" : "-journal");
    if (!steps.add(s.id + "#" + step)) {
      return false;
    }
    emit(IntegrationStepCompleted.builder().at(now).sessionId(s.id).stepId(step).build());
    return true;
  }

  private boolean override() {
    int r = random.nextInt(3);
    if (r == 0) {
      if (!overrides.add("AGE-WARN")) {
        return false;
      }
      emit(CourseFixtures.overrideRecorded(CourseFixtures.override("AGE-WARN", now).build()));
      return true;
    }
    Session s = pickDosing();
    if (s == null) {
      return false;
    }
    String rule = r == 1 ? "COURSE-CAP" : "DISCHARGE-2H";
    if (!overrides.add(rule + "@" + s.id)) {
      return false;
    }
    emit(CourseFixtures.overrideRecorded(CourseFixtures.override(rule, now).session(s.id).build()));
    return true;
  }

  private boolean pauseOrResume() {
    if (paused) {
      emit(CourseResumed.builder().at(now).build());
    } else {
      emit(CoursePaused.builder().at(now).reason("hold").build());
    }
    paused = !paused;
    return true;
  }

  private boolean phaseChange() {
    String to = PHASES[random.nextInt(PHASES.length)];
    if (to.equals(phase)) {
      return false;
    }
    phase = to;
    phaseChanged = true;
    emit(PhaseChanged.builder().at(now).toPhase(to).reason("clinician-decision").build());
    return true;
  }

  private Session pickSession(SessionStatus status) {
    List<Session> candidates = new ArrayList<>();
    for (Session s : sessions.values()) {
      if (s.status == status) {
        candidates.add(s);
      }
    }
    return candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
  }

  private Session pickDosing() {
    List<Session> candidates = new ArrayList<>();
    for (Session s : sessions.values()) {
      if (s.status == SessionStatus.STARTED && s.dosing()) {
        candidates.add(s);
      }
    }
    return candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
  }

  private Session anySession() {
    List<Session> all = new ArrayList<>(sessions.values());
    return all.isEmpty() ? null : all.get(random.nextInt(all.size()));
  }

  private void emit(CourseEvent e) {
    out.add(e);
  }
}
