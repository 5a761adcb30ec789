package org.kapsdk.core.course;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.kapsdk.core.facts.AssessmentResult;
import org.kapsdk.core.gate.ClinicianOverride;
import org.kapsdk.core.gate.Truth;
import org.kapsdk.core.model.AnchorPoint;
import org.kapsdk.core.model.AssessmentSpec;
import org.kapsdk.core.model.DecisionPoint;
import org.kapsdk.core.model.DoseRange;
import org.kapsdk.core.model.Instrument;
import org.kapsdk.core.model.IntegrationStep;
import org.kapsdk.core.model.LimitPeriod;
import org.kapsdk.core.model.Phase;
import org.kapsdk.core.model.ProtocolTemplate;
import org.kapsdk.core.model.Quantity;
import org.kapsdk.core.model.SessionTemplate;
import org.kapsdk.core.model.StepBack;
import org.kapsdk.core.model.Unit;
import org.kapsdk.core.outcome.CssrsRisk;
import org.kapsdk.core.outcome.DecisionItem;
import org.kapsdk.core.outcome.Decisions;
import org.kapsdk.core.outcome.ItemFlag;
import org.kapsdk.core.outcome.ItemFlags;
import org.kapsdk.core.outcome.OutcomeSeries;
import org.kapsdk.core.plan.ClinicCalendar;
import org.kapsdk.core.plan.CoursePlan;
import org.kapsdk.core.plan.CoursePlanner;
import org.kapsdk.core.plan.ItemKind;
import org.kapsdk.core.plan.ItemStatus;
import org.kapsdk.core.plan.PlanChange;
import org.kapsdk.core.plan.PlannedItem;
import org.kapsdk.core.plan.Replan;
import org.kapsdk.core.plan.ReplanInput;
import org.kapsdk.core.validation.Problem;
import org.kapsdk.core.validation.ValidationException;

/**
 * What a clinician needs to know about a course at one instant, derived from its events and its
 * template alone: the phase, what is due next and what is overdue (sessions, integration steps
 * such as the REMS Patient Monitoring Form due within 7 days of each session, assessments),
 * cumulative doses, deviations from the plan, monitored minutes per session, and the outcome
 * trend with the template's decision points.
 *
 * <p>The plan is made from the course's start date and calendar, then re-planned with the
 * sessions actually held and missed under the template's policies. A view recommends; it never
 * changes the course: decision items and step-backs are for the clinician to act on by
 * recording events. Nothing here reads the wall clock; the instant is given.
 *
 * <p>The view sees the course as it stood at its instant: a session started, completed, missed
 * or cancelled after it, a dose given, a score taken, an integration step done or a phase change
 * recorded after it has not happened yet, so a view of an earlier instant is the view a
 * clinician would have had then. Two things the state does not date are taken as they stand
 * now: the course's status (paused, discontinued) and which sessions are scheduled.
 */
public final class CourseView {
  /** How far ahead {@link #nextDue()} looks, beyond the next session. */
  static final Duration LOOK_AHEAD = Duration.ofDays(14);

  /** What a due item is. */
  public enum DueKind { SESSION, INTEGRATION_STEP, ASSESSMENT }

  /**
   * Something to do: a planned session, an integration step of a held session, or an
   * assessment the session template requires.
   *
   * @param id the plan item id for sessions, else {@code <session id>/<step id or instrument>}
   * @param title what it is, in words
   * @param sessionId the course's session it belongs to (for a planned session: its plan id)
   * @param dueFrom the start of its window
   * @param dueBy the end of its window (exclusive): after it, the item is overdue
   */
  public record DueItem(String id, DueKind kind, String title, String sessionId, Instant dueFrom, Instant dueBy, boolean required) {}

  /** A difference between what was planned and what happened. */
  public record Deviation(String sessionId, String description) {}

  /** One session of the course as it stands. */
  public record SessionSummary(
      String sessionId, String templateId, SessionStatus status, Optional<Instant> startedAt,
      Quantity totalDose, Optional<Long> monitoredMinutes) {}

  private final Instant at;
  private final java.time.ZoneId zone;
  private final CourseStatus status;
  private final String phaseId;
  private final Optional<CoursePlan> plan;
  private final List<PlanChange> planChanges;
  private final List<Problem> planProblems;
  private final List<DueItem> nextDue;
  private final List<DueItem> overdue;
  private final Map<LimitPeriod, Quantity> cumulativeDose;
  private final List<Deviation> deviations;
  private final List<SessionSummary> sessions;
  private final List<OutcomeSeries> outcomes;
  private final Optional<CssrsRisk> suicideRisk;
  private final List<ItemFlag> itemFlags;
  private final List<DecisionItem> decisions;
  private final List<String> notes;

  private CourseView(Builder b) {
    this.at = b.at;
    this.zone = b.zone;
    this.status = b.status;
    this.phaseId = b.phaseId;
    this.plan = Optional.ofNullable(b.plan);
    this.planChanges = List.copyOf(b.planChanges);
    this.planProblems = List.copyOf(b.planProblems);
    this.nextDue = List.copyOf(b.nextDue);
    this.overdue = List.copyOf(b.overdue);
    this.cumulativeDose = Collections.unmodifiableMap(new EnumMap<>(b.cumulativeDose));
    this.deviations = List.copyOf(b.deviations);
    this.sessions = List.copyOf(b.sessions);
    this.outcomes = List.copyOf(b.outcomes);
    this.suicideRisk = Optional.ofNullable(b.suicideRisk);
    this.itemFlags = List.copyOf(b.itemFlags);
    this.decisions = List.copyOf(b.decisions);
    this.notes = List.copyOf(b.notes);
  }

  /**
   * The view of a started course at an instant.
   *
   * @throws ValidationException when the course has not started
   */
  public static CourseView of(CourseState state, Instant at) {
    CourseStarted started = state.started().orElseThrow(
        () -> new ValidationException("the course has not started: its first event must be courseStarted"));
    return new Computation(state, started, at).run();
  }

  /** The instant the view describes. */
  public Instant at() {
    return at;
  }

  /** The clinic's time zone, from the course's start: the one dates in the plan are in. */
  public java.time.ZoneId zone() {
    return zone;
  }

  /** Where the course stands as a whole. */
  public CourseStatus status() {
    return status;
  }

  /** The current phase at {@link #at()} (see {@link CourseState#currentPhaseId()} for the rule). */
  public String phaseId() {
    return phaseId;
  }

  /** The plan in force, re-planned with what happened; empty when the template cannot be planned on the course's calendar. */
  public Optional<CoursePlan> plan() {
    return plan;
  }

  /** What re-planning moved, added or dropped compared with the original plan. */
  public List<PlanChange> planChanges() {
    return planChanges;
  }

  /** Why no plan could be made, when {@link #plan()} is empty. */
  public List<Problem> planProblems() {
    return planProblems;
  }

  /**
   * What is due now or soon, earliest {@link DueItem#dueFrom()} first: the next session and
   * anything whose window starts within the next 14 days. Items of the same instant are in plan
   * order.
   */
  public List<DueItem> nextDue() {
    return nextDue;
  }

  /** What is past its window and not done, earliest {@link DueItem#dueBy()} first; items of the same instant in plan order. */
  public List<DueItem> overdue() {
    return overdue;
  }

  /** The dose given in the 24 hours, the 7 days, and the whole course up to {@link #at()}, in that order (DAY, WEEK, COURSE). */
  public Map<LimitPeriod, Quantity> cumulativeDose() {
    return cumulativeDose;
  }

  /** Sessions held outside their planned window, missed or cancelled, held without a plan item, or dosed below the allowed range. */
  public List<Deviation> deviations() {
    return deviations;
  }

  /** Every session of the course as it stood at {@link #at()}, in the order it was scheduled. */
  public List<SessionSummary> sessions() {
    return sessions;
  }

  /** The outcome series of each outcome instrument with results, in instrument order. */
  public List<OutcomeSeries> outcomes() {
    return outcomes;
  }

  /** The C-SSRS screener risk, when the template or the record uses the screener. */
  public Optional<CssrsRisk> suicideRisk() {
    return suicideRisk;
  }

  /** Item-level review flags of the latest PHQ-9 and BDI-II results (item 9). */
  public List<ItemFlag> itemFlags() {
    return itemFlags;
  }

  /** Decision points whose phase is complete and not yet left: recommendations for the clinician. */
  public List<DecisionItem> decisions() {
    return decisions;
  }

  /** Other things the clinician should know, such as a step back the plan now proposes. */
  public List<String> notes() {
    return notes;
  }

  @Override
  public String toString() {
    return "CourseView{at=" + at + ", status=" + status + ", phase=" + phaseId + ", nextDue=" + nextDue.size()
        + ", overdue=" + overdue.size() + "}";
  }

  /** Mutable fields while the view is computed. */
  private static final class Builder {
    Instant at;
    java.time.ZoneId zone;
    CourseStatus status;
    String phaseId;
    CoursePlan plan;
    List<PlanChange> planChanges = new ArrayList<>();
    List<Problem> planProblems = new ArrayList<>();
    List<DueItem> nextDue = new ArrayList<>();
    List<DueItem> overdue = new ArrayList<>();
    Map<LimitPeriod, Quantity> cumulativeDose = new EnumMap<>(LimitPeriod.class);
    List<Deviation> deviations = new ArrayList<>();
    List<SessionSummary> sessions = new ArrayList<>();
    List<OutcomeSeries> outcomes = new ArrayList<>();
    CssrsRisk suicideRisk;
    List<ItemFlag> itemFlags = new ArrayList<>();
    List<DecisionItem> decisions = new ArrayList<>();
    List<String> notes = new ArrayList<>();
  }

  /** One computation of a view; holds the shared inputs so each part reads plainly. */
  private static final class Computation {
    private static final Set<Instrument> OUTCOME_INSTRUMENTS = EnumSet.of(
        Instrument.PHQ9, Instrument.GAD7, Instrument.MADRS, Instrument.QIDS_SR16, Instrument.BDI2, Instrument.PCL5);

    private final CourseState state;
    private final CourseStarted started;
    private final Instant at;
    private final ProtocolTemplate template;
    private final ClinicCalendar calendar;
    private final LocalDate today;
    private final Builder out = new Builder();
    /** The course's sessions as they stood at {@link #at}, in the order they were scheduled. */
    private final Map<String, SessionState> sessions = new LinkedHashMap<>();
    /** The current phase at {@link #at}. */
    private final String phaseId;
    /** Plan item ids with a completed session. */
    private final Set<String> completedItems = new HashSet<>();
    private final Map<Instrument, OutcomeSeries> series = new EnumMap<>(Instrument.class);
    /** Why the plan steps the current phase back, when it does. */
    private String stepBackCause = "";

    Computation(CourseState state, CourseStarted started, Instant at) {
      this.state = state;
      this.started = started;
      this.at = at;
      this.template = state.rules().template();
      this.calendar = ClinicCalendar.builder()
          .zone(started.zone())
          .closedWeekdays(started.closedWeekdays())
          .closedDates(started.closedDates())
          .build();
      this.today = calendar.dateOf(at);
      for (SessionState s : state.sessions().values()) {
        sessions.put(s.id(), asOf(s));
      }
      this.phaseId = phaseAsOf();
    }

    private boolean seen(Instant instant) {
      return !instant.isAfter(at);
    }

    /**
     * The session as it stood at {@link #at}: a start, completion, miss or cancellation after it
     * has not happened yet, nor has a dose, a gate check or an override after it. The session
     * itself when nothing of it lies after the instant.
     */
    private SessionState asOf(SessionState s) {
      boolean started = s.startedAt().map(this::seen).orElse(false);
      boolean completed = started && s.completedAt().map(this::seen).orElse(false);
      boolean missed = s.missedAt().map(this::seen).orElse(false);
      boolean cancelled = s.cancelledAt().map(this::seen).orElse(false);
      SessionStatus status = completed ? SessionStatus.COMPLETED : started ? SessionStatus.STARTED
          : missed ? SessionStatus.MISSED : cancelled ? SessionStatus.CANCELLED : SessionStatus.SCHEDULED;
      List<DoseAdministered> given = s.administrations().stream().filter(d -> seen(d.at())).toList();
      List<GateChecked> checks = s.preDoseChecks().stream().filter(g -> seen(g.at())).toList();
      List<ClinicianOverride> overrides = s.overrides().stream().filter(o -> seen(o.at())).toList();
      if (status == s.status() && given.size() == s.administrations().size() && checks.size() == s.preDoseChecks().size()
          && overrides.size() == s.overrides().size()) {
        return s;
      }
      BigDecimal total = BigDecimal.ZERO;
      for (DoseAdministered d : given) {
        if (d.amount().unit() == Unit.MG) {
          total = total.add(d.amount().value());
        }
      }
      return new SessionState(s.id(), s.templateId(), s.phaseId(), s.scheduledFor(), s.planItemId().orElse(null), status,
          started ? s.startedAt().get() : null, completed ? s.completedAt().get() : null,
          completed ? s.monitoringEndedAt().orElse(null) : null,
          missed ? s.missedAt().get() : null, missed ? s.missedReason().orElse(null) : null,
          cancelled ? s.cancelledAt().get() : null, cancelled ? s.cancelledReason().orElse(null) : null,
          given, total.signum() == 0 ? Quantity.of(0, Unit.MG) : Quantity.of(total, Unit.MG), checks, overrides);
    }

    /**
     * The phase at {@link #at}, by the rule of {@link CourseState#currentPhaseId()}: the target of
     * the last phase change recorded by then, else the phase of the session that had started last
     * (on a tie, the one scheduled last), else the template's first phase.
     */
    private String phaseAsOf() {
      String changed = null;
      for (PhaseChanged c : state.phaseChanges()) {
        if (seen(c.at())) {
          changed = c.toPhase();
        }
      }
      if (changed != null) {
        return changed;
      }
      String latestPhase = null;
      Instant latestStart = null;
      for (SessionState s : sessions.values()) {
        if (s.startedAt().isPresent() && (latestStart == null || !s.startedAt().get().isBefore(latestStart))) {
          latestStart = s.startedAt().get();
          latestPhase = s.phaseId();
        }
      }
      return latestPhase != null ? latestPhase : state.rules().firstPhaseId();
    }

    CourseView run() {
      out.at = at;
      out.zone = started.zone();
      out.status = state.status();
      out.phaseId = phaseId;
      for (LimitPeriod p : new LimitPeriod[] {LimitPeriod.DAY, LimitPeriod.WEEK, LimitPeriod.COURSE}) {
        out.cumulativeDose.put(p, state.cumulativeDose(p, at));
      }
      outcomes();
      plan();
      sessions();
      if (state.status() != CourseStatus.DISCONTINUED) {
        due();
        decisions();
      } else {
        out.notes.add("the course is discontinued: nothing is due");
      }
      if (state.status() == CourseStatus.PAUSED) {
        out.notes.add("the course is paused: no session may start and no dose may be given until it is resumed");
      }
      return new CourseView(out);
    }

    // ------------------------------------------------------------------------------ outcomes

    private Optional<Instant> firstDose() {
      Instant first = null;
      for (DoseAdministered d : state.administrations()) {
        if (!d.at().isAfter(at) && (first == null || d.at().isBefore(first))) {
          first = d.at();
        }
      }
      return Optional.ofNullable(first);
    }

    /** Results recorded up to the view's instant: a view at an earlier instant must not see later scores. */
    private List<AssessmentResult> results(Instrument instrument) {
      List<AssessmentResult> list = new ArrayList<>();
      for (AssessmentRecorded a : state.assessments()) {
        if (a.result().instrument() == instrument && !a.result().at().isAfter(at)) {
          list.add(a.result());
        }
      }
      return list;
    }

    private void outcomes() {
      Optional<Instant> firstDose = firstDose();
      for (Instrument instrument : OUTCOME_INSTRUMENTS) {
        List<AssessmentResult> results = results(instrument);
        boolean decided = template.phases().stream()
            .anyMatch(p -> p.decision().map(DecisionPoint::instrument).filter(instrument::equals).isPresent()
                || p.stepBack().map(StepBack::instrument).filter(instrument::equals).isPresent());
        if (results.isEmpty() && !decided) {
          continue;
        }
        OutcomeSeries s = OutcomeSeries.of(template, instrument, results, firstDose);
        series.put(instrument, s);
        if (!results.isEmpty()) {
          out.outcomes.add(s);
        }
        if (instrument == Instrument.PHQ9 || instrument == Instrument.BDI2) {
          results.stream().max(Comparator.comparing(AssessmentResult::at))
              .ifPresent(latest -> out.itemFlags.addAll(ItemFlags.of(latest)));
        }
      }
      boolean screener = template.sessions().stream().anyMatch(
          s -> s.assessments().stream().anyMatch(a -> a.instrument() == Instrument.CSSRS_SCREENER));
      List<AssessmentResult> cssrs = results(Instrument.CSSRS_SCREENER);
      if (screener || !cssrs.isEmpty()) {
        out.suicideRisk = CssrsRisk.classify(cssrs, at);
      }
    }

    // ---------------------------------------------------------------------------------- plan

    private void plan() {
      CoursePlan base;
      try {
        base = CoursePlanner.plan(template, started.startDate(), calendar);
      } catch (ValidationException e) {
        out.planProblems.addAll(e.problems());
        return;
      }
      Map<String, LocalDate> held = new TreeMap<>();
      // A plan item whose session was missed or cancelled is missed only when no other session
      // was held for it or is still booked for it: a cancelled visit booked again is not lost.
      Set<String> notHeld = new HashSet<>();
      Set<String> booked = new HashSet<>();
      for (SessionState s : sessions.values()) {
        String itemId = s.planItemId().orElse(s.id());
        Optional<PlannedItem> item = base.item(itemId).filter(i -> i.kind() == ItemKind.SESSION);
        if (item.isEmpty()) {
          if (s.status() == SessionStatus.STARTED || s.status() == SessionStatus.COMPLETED) {
            out.deviations.add(new Deviation(s.id(), "held without a matching item in the plan"));
          }
          continue;
        }
        PlannedItem planned = item.get();
        switch (s.status()) {
          case STARTED, COMPLETED -> {
            LocalDate on = calendar.dateOf(s.startedAt().orElseThrow());
            held.merge(itemId, on, (a, b) -> a.isBefore(b) ? a : b);
            if (s.status() == SessionStatus.COMPLETED) {
              completedItems.add(itemId);
            }
            if (on.isBefore(planned.earliest()) || on.isAfter(planned.latest())) {
              long days = on.isAfter(planned.latest())
                  ? ChronoUnit.DAYS.between(planned.latest(), on)
                  : ChronoUnit.DAYS.between(on, planned.earliest());
              out.deviations.add(new Deviation(s.id(), "held on " + on + ", " + days + " day" + (days == 1 ? "" : "s")
                  + (on.isAfter(planned.latest()) ? " after" : " before") + " its window " + planned.earliest()
                  + " .. " + planned.latest()));
            }
          }
          case MISSED -> {
            notHeld.add(itemId);
            out.deviations.add(new Deviation(s.id(), "missed" + s.missedReason().map(r -> ": " + r).orElse("")));
          }
          case CANCELLED -> {
            notHeld.add(itemId);
            out.deviations.add(new Deviation(s.id(), "cancelled" + s.cancelledReason().map(r -> ": " + r).orElse("")));
          }
          default -> booked.add(itemId);
        }
      }
      Set<String> missed = new HashSet<>(notHeld);
      missed.removeAll(held.keySet());
      missed.removeAll(booked);
      Optional<String> stepBack = stepBack(base, held, missed);
      if (stepBack.isPresent()) {
        try {
          replan(base, held, missed, stepBack);
          out.notes.add(stepBackCause + ": the plan steps the rest of the phase back to the schedule of phase "
              + toPhaseOf(stepBack.get()) + ", for the clinician to confirm");
          return;
        } catch (ValidationException e) {
          // Nothing of the phase is left to re-space: say so, and keep the plan without the step back.
          out.notes.add(stepBackCause + ", but the plan cannot step the phase back to the schedule of phase "
              + toPhaseOf(stepBack.get()) + " (" + e.problems().get(0).message() + "): for the clinician to decide");
        }
      }
      try {
        replan(base, held, missed, Optional.empty());
      } catch (ValidationException e) {
        out.planProblems.addAll(e.problems());
      }
    }

    private void replan(CoursePlan base, Map<String, LocalDate> held, Set<String> missed, Optional<String> stepBack) {
      Replan replan = CoursePlanner.replan(template, base,
          ReplanInput.builder().held(held).missed(missed).asOf(today).stepBackPhase(stepBack).build());
      out.plan = replan.plan();
      out.planChanges.addAll(replan.changes());
    }

    private String toPhaseOf(String phase) {
      return template.phases().stream().filter(p -> p.id().equals(phase)).findFirst()
          .flatMap(Phase::stepBack).map(StepBack::toPhase).orElseThrow();
    }

    /**
     * The phase whose rest steps back to an earlier schedule: the current phase, when its
     * template says so, a session of it was missed or held late, and its instrument's total rose
     * by the template's amount since the phase began. A rise that cannot be judged is a note,
     * never a silent "no".
     */
    private Optional<String> stepBack(CoursePlan base, Map<String, LocalDate> held, Set<String> missed) {
      Optional<Phase> current = template.phases().stream().filter(p -> p.id().equals(phaseId)).findFirst();
      if (current.isEmpty() || current.get().stepBack().isEmpty()) {
        return Optional.empty();
      }
      Phase phase = current.get();
      StepBack policy = phase.stepBack().get();
      boolean disrupted = false;
      Instant phaseStart = null;
      for (PlannedItem item : base.sessions()) {
        if (!item.phaseId().equals(phase.id())) {
          continue;
        }
        disrupted |= missed.contains(item.id());
        LocalDate on = held.get(item.id());
        disrupted |= on != null && on.isAfter(item.latest());
      }
      for (SessionState s : sessions.values()) {
        if (s.phaseId().equals(phase.id()) && s.startedAt().isPresent()
            && (phaseStart == null || s.startedAt().get().isBefore(phaseStart))) {
          phaseStart = s.startedAt().get();
        }
      }
      if (!disrupted || phaseStart == null) {
        return Optional.empty();
      }
      OutcomeSeries s = series.get(policy.instrument());
      Truth worse = s == null ? Truth.UNKNOWN : s.worsenedBy(policy.worsenedByAtLeast(), phaseStart);
      String name = policy.instrument().displayName();
      if (worse == Truth.TRUE) {
        stepBackCause = "a session of phase " + phase.id() + " was missed or late and the " + name + " total rose by at least "
            + policy.worsenedByAtLeast() + " since the phase began";
        return Optional.of(phase.id());
      }
      if (worse == Truth.UNKNOWN) {
        out.notes.add("a session of phase " + phase.id() + " was missed or late, and whether the " + name
            + " total worsened cannot be judged: record a " + name + " to decide on stepping back to phase " + policy.toPhase());
      }
      return Optional.empty();
    }

    // ------------------------------------------------------------------------------ sessions

    private void sessions() {
      for (SessionState s : sessions.values()) {
        out.sessions.add(new SessionSummary(s.id(), s.templateId(), s.status(), s.startedAt(), s.totalDose(), s.monitoredMinutes()));
        if (s.status() != SessionStatus.COMPLETED) {
          continue;
        }
        Optional<DoseRange> range = state.rules().sessionTemplate(s.templateId())
            .flatMap(SessionTemplate::dosing).flatMap(d -> d.allowedRange());
        if (range.isPresent() && range.get().min().unit() == Unit.MG && s.totalDose().unit() == Unit.MG
            && s.totalDose().value().compareTo(range.get().min().value()) < 0) {
          out.deviations.add(new Deviation(s.id(), "total dose " + s.totalDose() + " is below the allowed range "
              + range.get().min() + " .. " + range.get().max()));
        }
      }
    }

    // ----------------------------------------------------------------------------------- due

    private Instant startOf(LocalDate date) {
      return date.atStartOfDay(calendar.zone()).toInstant();
    }

    private void add(DueItem item) {
      if (!item.dueBy().isAfter(at)) {
        out.overdue.add(item);
      } else {
        out.nextDue.add(item);
      }
    }

    private void due() {
      List<DueItem> sessionsDue = new ArrayList<>();
      if (out.plan != null) {
        // Held and missed sessions are HELD and MISSED in the plan in force; the rest is to do.
        for (PlannedItem item : out.plan.sessions()) {
          if (item.status() != ItemStatus.PLANNED) {
            continue;
          }
          String title = state.rules().sessionTemplate(item.sessionTemplateId()).map(SessionTemplate::title).orElse(item.sessionTemplateId())
              + " #" + item.occurrence();
          sessionsDue.add(new DueItem(item.id(), DueKind.SESSION, title, item.id(), startOf(item.earliest()),
              startOf(item.latest().plusDays(1)), item.required()));
        }
      }
      for (DueItem d : sessionsDue) {
        add(d);
      }
      for (SessionState s : sessions.values()) {
        if (s.status() != SessionStatus.STARTED && s.status() != SessionStatus.COMPLETED) {
          continue;
        }
        SessionTemplate t = state.rules().sessionTemplate(s.templateId()).orElse(null);
        if (t == null) {
          continue;
        }
        for (IntegrationStep step : t.integrationSteps()) {
          Optional<Instant> anchor = step.from() == AnchorPoint.START ? s.startedAt() : s.completedAt();
          if (anchor.isEmpty() || state.completedAt(s.id(), step.id()).filter(this::seen).isPresent()) {
            continue;
          }
          add(new DueItem(s.id() + "/" + step.id(), DueKind.INTEGRATION_STEP, step.title(), s.id(),
              anchor.get().plus(step.earliest()), anchor.get().plus(step.latest()), step.required()));
        }
        for (AssessmentSpec spec : t.assessments()) {
          if (!spec.required() || recorded(s, spec.instrument())) {
            continue;
          }
          Instant from = s.startedAt().orElseThrow();
          // Due during the session; once it is completed without the score, it is overdue.
          Instant by = s.completedAt().orElse(from.plus(Duration.ofDays(1)));
          add(new DueItem(s.id() + "/" + spec.instrument().name(), DueKind.ASSESSMENT,
              spec.instrument().displayName() + " at " + t.title(), s.id(), from, by, true));
        }
      }
      // Stable sorts: items of the same instant stay in plan order (sessions in course order, so
      // the screening visit comes before the first dose planned on its day), then in the order
      // their sessions were scheduled, each session's steps before its assessments.
      out.overdue.sort(Comparator.comparing(DueItem::dueBy));
      out.nextDue.sort(Comparator.comparing(DueItem::dueFrom));
      // The next session always, and beyond it only what starts within the look-ahead.
      Instant horizon = at.plus(LOOK_AHEAD);
      boolean sessionShown = false;
      List<DueItem> shown = new ArrayList<>();
      for (DueItem d : out.nextDue) {
        boolean first = d.kind() == DueKind.SESSION && !sessionShown;
        if (d.dueFrom().isBefore(horizon) || first) {
          shown.add(d);
          sessionShown |= d.kind() == DueKind.SESSION;
        }
      }
      out.nextDue = shown;
    }

    /** Whether the session's assessment was recorded: linked to it, or taken while it ran. */
    private boolean recorded(SessionState s, Instrument instrument) {
      Instant from = s.startedAt().orElseThrow();
      Instant to = s.completedAt().orElse(at);
      for (AssessmentRecorded a : state.assessments()) {
        if (a.result().instrument() != instrument || a.result().at().isAfter(at)) {
          continue;
        }
        if (a.sessionId().map(s.id()::equals).orElse(false)) {
          return true;
        }
        if (a.sessionId().isEmpty() && !a.result().at().isBefore(from) && !a.result().at().isAfter(to)) {
          return true;
        }
      }
      return false;
    }

    // ----------------------------------------------------------------------------- decisions

    /**
     * A decision point is surfaced once every planned session of its phase is held or missed and
     * the course has not moved on to another phase: the clinician has not decided yet.
     */
    private void decisions() {
      if (out.plan == null) {
        return;
      }
      for (Phase phase : template.phases()) {
        if (phase.decision().isEmpty() || !phase.id().equals(phaseId)) {
          continue;
        }
        boolean complete = true;
        boolean any = false;
        for (PlannedItem item : out.plan.sessions()) {
          if (!item.phaseId().equals(phase.id())) {
            continue;
          }
          any = true;
          // Settled: held to its end, or missed (and not booked again).
          complete &= item.status() == ItemStatus.MISSED || completedItems.contains(item.id());
        }
        if (!any || !complete) {
          continue;
        }
        DecisionPoint d = phase.decision().get();
        OutcomeSeries s = series.get(d.instrument());
        if (s == null) {
          s = OutcomeSeries.of(template, d.instrument(), results(d.instrument()), firstDose());
        }
        out.decisions.add(Decisions.evaluate(template, phase, d, s));
      }
    }
  }
}
