package org.kapsdk.core.course;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import org.kapsdk.core.facts.PatientFacts;
import org.kapsdk.core.gate.ClinicianOverride;
import org.kapsdk.core.gate.Finding;
import org.kapsdk.core.gate.GateRequest;
import org.kapsdk.core.gate.Outcome;
import org.kapsdk.core.gate.Verdict;
import org.kapsdk.core.gate.VerdictOutcome;
import org.kapsdk.core.model.CumulativeLimit;
import org.kapsdk.core.model.Codes;
import org.kapsdk.core.model.Dimension;
import org.kapsdk.core.model.DoseRange;
import org.kapsdk.core.model.DosingSpec;
import org.kapsdk.core.model.Gate;
import org.kapsdk.core.model.IntegrationStep;
import org.kapsdk.core.model.LimitPeriod;
import org.kapsdk.core.model.Quantity;
import org.kapsdk.core.model.Rule;
import org.kapsdk.core.model.SessionKind;
import org.kapsdk.core.model.SessionTemplate;
import org.kapsdk.core.model.Severity;
import org.kapsdk.core.model.Unit;
import org.kapsdk.core.validation.Paths;
import org.kapsdk.core.validation.Problem;
import org.kapsdk.core.validation.Problems;
import org.kapsdk.core.validation.ValidationException;

/**
 * Whether one event fits the course so far. Returns every problem of the event, each at the
 * event's field it concerns; empty when the event is accepted. Never changes anything.
 *
 * <p>Paths: {@code type} when the kind of event is not allowed now (before the course started,
 * after it was discontinued, while it is paused), otherwise the field concerned.
 */
final class EventValidator {
  private static final Set<Gate> SESSION_GATES = Set.of(Gate.PRE_DOSE, Gate.DURING_SESSION, Gate.DISCHARGE);

  private final CourseRules rules;
  private final String courseId;
  private final CourseState state;
  private final Problems p = new Problems();

  private EventValidator(CourseRules rules, String courseId, CourseState state) {
    this.rules = rules;
    this.courseId = courseId;
    this.state = state;
  }

  static List<Problem> check(CourseRules rules, String courseId, CourseState state, CourseEvent event) {
    EventValidator v = new EventValidator(rules, courseId, state);
    v.check(event);
    return v.p.toList();
  }

  private void check(CourseEvent event) {
    // Built events checked themselves; this catches values built while checks were deferred.
    for (Problem problem : CourseChecks.problemsOf(event)) {
      p.add(problem.path(), problem.message());
    }
    if (!p.isEmpty()) {
      return;
    }
    CourseStarted started = state.started().orElse(null);
    if (started == null) {
      if (event instanceof CourseStarted x) {
        courseStarted(x);
      } else {
        p.add("type", "the first event of a course must be courseStarted, not " + event.typeName());
      }
      return;
    }
    if (event instanceof CourseStarted) {
      p.add("type", "the course has already started; courseStarted is recorded once");
      return;
    }
    if (!rules.template().id().equals(started.templateId()) || !rules.template().version().equals(started.templateVersion())) {
      p.add("type", "the course runs template '" + started.templateId() + "' " + started.templateVersion()
          + ", but the rules are compiled from '" + rules.template().id() + "' " + rules.template().version());
      return;
    }
    if (state.status() == CourseStatus.DISCONTINUED) {
      p.add("type", "the course was discontinued; nothing may be recorded after courseDiscontinued");
      return;
    }
    if (event.at().isBefore(started.at())) {
      p.add("at", "lies before the course started (" + started.at() + ")");
    }
    if (event instanceof SessionScheduled x) {
      scheduled(x);
    } else if (event instanceof SessionStarted x) {
      sessionStarted(x);
    } else if (event instanceof SessionCompleted x) {
      completed(x);
    } else if (event instanceof SessionMissed x) {
      notHappened(x.sessionId(), "missed");
    } else if (event instanceof SessionCancelled x) {
      notHappened(x.sessionId(), "cancelled");
    } else if (event instanceof DoseAdministered x) {
      dose(x, started);
    } else if (event instanceof ObservationRecorded x) {
      observation(x);
    } else if (event instanceof AssessmentRecorded x) {
      x.sessionId().ifPresent(id -> known("sessionId", id));
    } else if (event instanceof AdverseEventRecorded x) {
      x.sessionId().ifPresent(id -> known("sessionId", id));
    } else if (event instanceof IntegrationStepCompleted x) {
      step(x);
    } else if (event instanceof OverrideRecorded x) {
      override(x);
    } else if (event instanceof GateChecked x) {
      gateChecked(x);
    } else if (event instanceof CoursePaused) {
      p.require(state.status() == CourseStatus.ACTIVE, "type", "the course is already paused");
    } else if (event instanceof CourseResumed) {
      p.require(state.status() == CourseStatus.PAUSED, "type", "the course is not paused; only a paused course can be resumed");
    } else if (event instanceof PhaseChanged x) {
      phaseChanged(x);
    }
    // CourseDiscontinued: allowed whenever the course is running or paused.
  }

  private void courseStarted(CourseStarted x) {
    p.require(x.courseId().equals(courseId), "courseId", "must be the record's course id '" + courseId + "'");
    p.require(x.templateId().equals(rules.template().id()), "templateId",
        "names template '" + x.templateId() + "', but the rules are compiled from '" + rules.template().id() + "'");
    p.require(x.templateVersion().equals(rules.template().version()), "templateVersion",
        "names version " + x.templateVersion() + ", but the rules are compiled from version " + rules.template().version()
            + " of '" + rules.template().id() + "'");
  }

  /* ------------------------------------------------------------------ sessions */

  private void scheduled(SessionScheduled x) {
    p.require(!state.sessions().containsKey(x.sessionId()), "sessionId", "session '" + x.sessionId() + "' is already scheduled; session ids are unique within a course");
    p.require(rules.sessionTemplate(x.template()).isPresent(), "template",
        "protocol '" + rules.template().id() + "' has no session template '" + x.template() + "'");
  }

  private void sessionStarted(SessionStarted x) {
    if (state.status() == CourseStatus.PAUSED) {
      p.add("type", "the course is paused; resume it before starting a session");
      return;
    }
    SessionState s = known("sessionId", x.sessionId());
    if (s != null && s.status() != SessionStatus.SCHEDULED) {
      p.add("sessionId", "only a scheduled session can start; session '" + s.id() + "' " + describe(s));
    }
  }

  private void completed(SessionCompleted x) {
    SessionState s = known("sessionId", x.sessionId());
    if (s == null) {
      return;
    }
    if (s.status() != SessionStatus.STARTED) {
      p.add("sessionId", "only a started session can be completed; session '" + s.id() + "' " + describe(s));
      return;
    }
    Instant start = s.startedAt().orElseThrow();
    p.require(!x.at().isBefore(start), "at", "lies before the session started (" + start + ")");
    x.monitoringEndedAt().ifPresent(end -> {
      p.require(!end.isBefore(start), "monitoringEndedAt", "lies before the session started (" + start + ")");
      p.require(!end.isAfter(x.at()), "monitoringEndedAt", "lies after the session was completed (" + x.at() + ")");
    });
  }

  private void notHappened(String sessionId, String what) {
    SessionState s = known("sessionId", sessionId);
    if (s != null && s.status() != SessionStatus.SCHEDULED) {
      p.add("sessionId", "only a scheduled session that has not started can be " + what + "; session '" + s.id() + "' "
          + describe(s));
    }
  }

  private static String describe(SessionState s) {
    switch (s.status()) {
      case SCHEDULED:
        return "has not started";
      case STARTED:
        return "has already started";
      case COMPLETED:
        return "has already been completed";
      case MISSED:
        return "was recorded as missed";
      case CANCELLED:
        return "was cancelled";
      default:
        throw new AssertionError(s.status());
    }
  }

  private SessionState known(String path, String sessionId) {
    SessionState s = state.sessions().get(sessionId);
    p.require(s != null, path, "session '" + sessionId + "' is not scheduled in this course");
    return s;
  }

  /* ------------------------------------------------------------------ doses */

  private void dose(DoseAdministered x, CourseStarted started) {
    if (state.status() == CourseStatus.PAUSED) {
      p.add("type", "the course is paused; no dose may be given until it is resumed");
      return;
    }
    SessionState s = known("sessionId", x.sessionId());
    if (s == null) {
      return;
    }
    if (s.status() != SessionStatus.STARTED) {
      p.add("sessionId", "a dose is given only in a started session that is not completed; session '" + s.id() + "' "
          + describe(s));
      return;
    }
    SessionTemplate template = rules.sessionTemplateOrNull(s.templateId());
    if (template == null || template.kind() != SessionKind.DOSING || template.dosing().isEmpty()) {
      p.add("sessionId", "session '" + s.id() + "' is not a dosing session (" + (template == null ? "unknown template"
          : template.kind().toString()) + "); doses are given only in dosing sessions");
      return;
    }
    DosingSpec spec = template.dosing().get();
    Instant start = s.startedAt().orElseThrow();
    p.require(!x.at().isBefore(start), "at", "lies before the session started (" + start + ")");
    p.require(x.route() == spec.route(), "route", "must be the dosing spec's route " + spec.route() + ", not " + x.route());
    x.medication().ifPresent(m -> p.require(m.sameConcept(spec.medication()), "medication",
        "must be the dosing spec's medication " + spec.medication().system() + "|" + spec.medication().code()));
    boolean amountOk = mass("amount", x.amount(), true);
    if (amountOk) {
      limits(x, s, spec, started);
    }
    wasteAndDrawn(x, amountOk);
    preDoseCheck(x, s);
  }

  /** Whether the quantity is a mass in mg (and positive, or at least not negative). */
  private boolean mass(String path, Quantity q, boolean positive) {
    if (q.unit() != Unit.MG) {
      p.add(path, "must be a mass in mg, not in " + q.unit().symbol());
      return false;
    }
    if (positive) {
      return p.require(q.isPositive(), path, "must be positive");
    }
    return p.require(q.value().signum() >= 0, path, "must not be negative");
  }

  private void limits(DoseAdministered x, SessionState s, DosingSpec spec, CourseStarted started) {
    BigDecimal sessionTotal = s.totalDose().value().add(x.amount().value());
    Quantity total = Quantity.of(sessionTotal, Unit.MG);
    spec.maxPerSession().ifPresent(max -> p.require(total.compareTo(max) <= 0, "amount",
        "brings the session total to " + total + ", above the dosing spec's maxPerSession of " + max));
    Optional<DoseRange> range = spec.allowedRange().filter(r -> r.max().unit() == Unit.MG);
    range.ifPresent(r -> p.require(total.compareTo(r.max()) <= 0, "amount",
        "brings the session total to " + total + ", above the allowed range's maximum of " + r.max()));
    for (CumulativeLimit limit : spec.cumulativeLimits()) {
      if (limit.period() == LimitPeriod.SESSION || limit.maximum().unit() != Unit.MG) {
        continue;
      }
      Quantity inPeriod = Quantity.of(state.sum(limit.period(), x.at(), spec.medication()).add(x.amount().value()), Unit.MG);
      p.require(inPeriod.compareTo(limit.maximum()) <= 0, "amount", "brings the total in " + periodText(limit.period())
          + " to " + inPeriod + ", above the dosing spec's " + limit.period() + " limit of " + limit.maximum());
    }
    doseLimitRules(x, s, started);
  }

  private static String periodText(LimitPeriod period) {
    return period == LimitPeriod.DAY ? "24 h" : period == LimitPeriod.WEEK ? "7 d" : "the course";
  }

  /**
   * The template's authored PRE_DOSE rules that limit doses, evaluated by the safety gate on
   * the course's facts with this dose planned; only their findings count here.
   */
  private void doseLimitRules(DoseAdministered x, SessionState s, CourseStarted started) {
    Set<String> ids = rules.doseLimitRuleIds(s.templateId());
    if (ids.isEmpty()) {
      return;
    }
    Verdict verdict;
    try {
      PatientFacts facts = state.facts(started.patientId());
      verdict = rules.gate().evaluate(GateRequest.builder().gate(Gate.PRE_DOSE).at(x.at()).facts(facts)
          .session(s.id()).plannedDose(x.amount()).build());
    } catch (ValidationException e) {
      // Facts the gate cannot read never pass: the dose is refused with the gate's reason.
      p.add("amount", "the template's dose limits cannot be evaluated: " + e.problems().get(0).message());
      return;
    }
    for (Finding f : verdict.findings()) {
      if (!ids.contains(f.ruleId()) || f.severity() != Severity.BLOCK
          || (f.outcome() != Outcome.FAIL && f.outcome() != Outcome.UNKNOWN)) {
        continue;
      }
      boolean overridable = rules.rule(f.ruleId()).map(Rule::overridable).orElse(false);
      if (overridable && overridden(f.ruleId(), s.id(), x.at())) {
        continue;
      }
      p.add("amount", "rule " + f.ruleId() + " refuses this dose" + (f.outcome() == Outcome.UNKNOWN ? " (not evaluable)" : "")
          + ": " + f.message());
    }
  }

  private boolean overridden(String ruleId, String sessionId, Instant at) {
    for (ClinicianOverride o : state.overrides()) {
      if (o.ruleId().equals(ruleId) && o.session().filter(sessionId::equals).isPresent() && !o.at().isAfter(at)) {
        return true;
      }
    }
    return false;
  }

  private void wasteAndDrawn(DoseAdministered x, boolean amountOk) {
    BigDecimal wasted = BigDecimal.ZERO;
    boolean wastedOk = true;
    if (x.wasted().isPresent()) {
      wastedOk = mass("wasted", x.wasted().get(), false);
      if (wastedOk) {
        wasted = x.wasted().get().value();
      }
      if (x.witness().isEmpty()) {
        p.add("witness", "a wasted amount of a controlled substance must be witnessed; name the witness");
      } else if (x.by().isEmpty()) {
        p.add("by", "a dose with a wasted amount must name who recorded it, so that the witness is someone else");
      } else if (x.witness().get().equals(x.by().get())) {
        p.add("witness", "must be someone other than the person recording the dose (by)");
      }
    }
    if (x.drawn().isPresent() && mass("drawn", x.drawn().get(), true) && amountOk && wastedOk) {
      Quantity needed = Quantity.of(x.amount().value().add(wasted), Unit.MG);
      p.require(x.drawn().get().compareTo(needed) >= 0, "drawn", "must be at least amount + wasted (" + needed + ")");
    }
  }

  /** Missing or stale data never passes: no check, or a blocking latest check, refuses the dose. */
  private void preDoseCheck(DoseAdministered x, SessionState s) {
    GateChecked latest = null;
    for (GateChecked g : s.preDoseChecks()) {
      if (!g.at().isAfter(x.at()) && (latest == null || !g.at().isBefore(latest.at()))) {
        latest = g;
      }
    }
    if (latest == null) {
      p.add("sessionId", "no PRE_DOSE gate check is recorded for session '" + s.id()
          + "' at or before the dose; check the gate and record its verdict first");
    } else if (latest.outcome() == VerdictOutcome.BLOCKED) {
      p.add("sessionId", "the latest PRE_DOSE gate check for session '" + s.id() + "' (" + latest.at() + ") was BLOCKED by "
          + String.join(", ", latest.blockingRuleIds()) + "; record a check that does not block before dosing");
    }
  }

  /* ------------------------------------------------------------------ readings, steps */

  private void observation(ObservationRecorded x) {
    x.sessionId().ifPresent(id -> known("sessionId", id));
    Optional<Dimension> dimension = Codes.dimensionOf(x.observation().code());
    if (dimension.isPresent() && x.observation().value().unit().dimension() != dimension.get()) {
      StringJoiner units = new StringJoiner(", ");
      for (Unit u : Unit.values()) {
        if (u.dimension() == dimension.get()) {
          units.add(u.symbol());
        }
      }
      p.add("observation.value", "a " + Codes.nameOf(x.observation().code()) + " reading must be in " + units
          + ", not in " + x.observation().value().unit().symbol());
    }
  }

  private void step(IntegrationStepCompleted x) {
    SessionState s = known("sessionId", x.sessionId());
    if (s == null) {
      return;
    }
    if (s.status() != SessionStatus.COMPLETED) {
      p.add("sessionId", "integration steps follow a completed session; session '" + s.id() + "' " + describe(s));
      return;
    }
    SessionTemplate template = rules.sessionTemplateOrNull(s.templateId());
    boolean has = false;
    if (template != null) {
      for (IntegrationStep step : template.integrationSteps()) {
        has |= step.id().equals(x.stepId());
      }
    }
    if (!has) {
      p.add("stepId", "session template '" + s.templateId() + "' has no integration step '" + x.stepId() + "'");
      return;
    }
    state.completedAt(x.sessionId(), x.stepId()).ifPresent(at ->
        p.add("stepId", "step '" + x.stepId() + "' of session '" + x.sessionId() + "' was already completed (" + at + ")"));
  }

  /* ------------------------------------------------------------------ overrides, gate checks, phases */

  private void override(OverrideRecorded x) {
    ClinicianOverride o = x.override();
    Optional<Rule> rule = rules.rule(o.ruleId());
    if (rule.isEmpty()) {
      p.add("override.ruleId", rules.gateKnows(o.ruleId()) ? "rule '" + o.ruleId() + "' is not overridable"
          : "protocol '" + rules.template().id() + "' has no rule '" + o.ruleId() + "'");
      return;
    }
    if (!rule.get().overridable()) {
      p.add("override.ruleId", "rule '" + o.ruleId() + "' is not overridable");
      return;
    }
    p.require(!o.at().isAfter(x.at()), "override.at", "lies after the event's own instant (" + x.at() + ")");
    boolean sessionGate = SESSION_GATES.contains(rule.get().gate());
    if (sessionGate && o.session().isEmpty()) {
      p.add("override.session", "an override of a " + rule.get().gate() + " rule must name the session it covers");
      return;
    }
    if (o.session().isPresent()) {
      SessionState s = known("override.session", o.session().get());
      if (s != null && sessionGate && !rules.appliesAt(o.ruleId(), s.templateId())) {
        p.add("override.session", "rule '" + o.ruleId() + "' is not evaluated at session '" + s.id() + "' (session template '"
            + s.templateId() + "')");
      }
    }
    for (ClinicianOverride earlier : state.overrides()) {
      if (earlier.ruleId().equals(o.ruleId()) && earlier.session().equals(o.session())) {
        p.add("override.ruleId", "rule '" + o.ruleId() + "' is already overridden"
            + o.session().map(id -> " for session '" + id + "'").orElse(""));
        break;
      }
    }
  }

  private void gateChecked(GateChecked x) {
    if (SESSION_GATES.contains(x.gate()) && x.sessionId().isEmpty()) {
      p.add("sessionId", "a " + x.gate() + " check must name the session it was asked for");
    }
    x.sessionId().ifPresent(id -> known("sessionId", id));
    ruleIds("blockingRuleIds", x.blockingRuleIds());
    ruleIds("overriddenRuleIds", x.overriddenRuleIds());
  }

  private void ruleIds(String path, List<String> ids) {
    for (int i = 0; i < ids.size(); i++) {
      p.require(rules.gateKnows(ids.get(i)), Paths.index(path, i),
          "protocol '" + rules.template().id() + "' has no rule '" + ids.get(i) + "'");
    }
  }

  private void phaseChanged(PhaseChanged x) {
    if (!rules.hasPhase(x.toPhase())) {
      p.add("toPhase", "protocol '" + rules.template().id() + "' has no phase '" + x.toPhase() + "'");
    } else {
      p.require(!x.toPhase().equals(state.currentPhaseId()), "toPhase", "the course is already in phase '" + x.toPhase() + "'");
    }
  }
}
