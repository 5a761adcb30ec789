package org.kapsdk.cli.timeline;

import static org.kapsdk.cli.timeline.Markup.num;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kapsdk.core.course.AssessmentRecorded;
import org.kapsdk.core.course.CourseState;
import org.kapsdk.core.course.CourseView;
import org.kapsdk.core.course.GateChecked;
import org.kapsdk.core.course.SessionState;
import org.kapsdk.core.course.SessionStatus;
import org.kapsdk.core.course.StepRef;
import org.kapsdk.core.gate.VerdictOutcome;
import org.kapsdk.core.model.Instrument;
import org.kapsdk.core.model.IntegrationStep;
import org.kapsdk.core.model.LimitPeriod;
import org.kapsdk.core.model.Phase;
import org.kapsdk.core.model.ProtocolTemplate;
import org.kapsdk.core.model.SessionKind;
import org.kapsdk.core.model.SessionTemplate;
import org.kapsdk.core.outcome.OutcomeSeries;
import org.kapsdk.core.outcome.ScorePoint;
import org.kapsdk.core.outcome.SeverityBand;
import org.kapsdk.core.outcome.SeverityBands;
import org.kapsdk.core.plan.CoursePlan;
import org.kapsdk.core.plan.ItemKind;
import org.kapsdk.core.plan.PlannedItem;

/**
 * Draws one page. Single use: build, {@link #render()}, discard.
 */
final class TimelineRenderer {

  /** What a course adds to its plan: the state and view as of one instant. */
  record Course(String courseId, CourseState state, CourseView view, Instant asOf) {}

  /*
   * Layout. One horizontal scale for the whole page: a day is a column of `dayWidth` pixels,
   * starting after the label column, and every SVG (the timeline and each score chart) uses the
   * same scale, so a score sits straight under the session it was taken at. Lanes are rows: one per
   * session template, one per integration step under it, one per assessed instrument, and for a
   * course one for the safety gate. Coordinates are written with at most one decimal (Markup.num),
   * which keeps the text deterministic across platforms.
   */
  private static final double LABEL_WIDTH = 230;
  private static final double RIGHT_PAD = 16;
  private static final double AXIS_HEIGHT = 40;
  private static final double PHASE_ROW = 32;
  private static final double LANE = 26;
  private static final double GATE_ROW = 14;
  private static final double CHART_PLOT = 130;
  private static final double CHART_TOP = 18;
  private static final double CHART_BOTTOM = 22;

  private static final String[] MONTHS = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
  };

  private final ProtocolTemplate template;
  private final CoursePlan plan;
  private final @Nullable Course course;
  private final ZoneId zone;
  private final Markup m = new Markup();

  private final LocalDate first;
  private final LocalDate last;
  private final double dayWidth;
  private final double width;
  private final double markSize;

  /** Lane key (session:ID, step:SESSION/STEP, assessment:INSTRUMENT, gate) to the lane's top y. */
  private final Map<String, Double> laneTop = new LinkedHashMap<>();
  private final Map<String, String> laneLabel = new LinkedHashMap<>();
  private final Map<String, Double> laneHeight = new LinkedHashMap<>();
  private double lanesTop;
  private double lanesBottom;

  TimelineRenderer(ProtocolTemplate template, CoursePlan plan, @Nullable Course course) {
    this.template = template;
    this.plan = plan;
    this.course = course;
    this.zone = plan.calendar().zone();

    LocalDate from = plan.start();
    LocalDate to = plan.start();
    for (PlannedItem item : plan.items()) {
      from = min(from, item.earliest());
      to = max(to, max(item.latest(), item.target()));
    }
    if (course != null) {
      for (LocalDate d : courseDates(course)) {
        from = min(from, d);
        to = max(to, d);
      }
    }
    this.first = from;
    this.last = to;
    long days = ChronoUnit.DAYS.between(first, last) + 1;
    // Wide enough to tell days apart, narrow enough that half a year fits a landscape page.
    this.dayWidth = Math.max(5, Math.min(28, Math.floor(1100.0 / days)));
    this.width = LABEL_WIDTH + days * dayWidth + RIGHT_PAD;
    this.markSize = Math.max(4, Math.min(7, dayWidth * 0.5));
  }

  private List<LocalDate> courseDates(Course c) {
    List<LocalDate> dates = new ArrayList<>();
    dates.add(date(c.asOf()));
    for (SessionState s : c.state().sessions().values()) {
      s.startedAt().ifPresent(t -> dates.add(date(t)));
      s.missedAt().ifPresent(t -> dates.add(date(t)));
      s.cancelledAt().ifPresent(t -> dates.add(date(t)));
    }
    c.state().gateChecks().forEach(g -> dates.add(date(g.at())));
    c.state().assessments().forEach(a -> dates.add(date(a.result().at())));
    c.state().completedSteps().values().forEach(t -> dates.add(date(t)));
    return dates;
  }

  // ------------------------------------------------------------------------------------ page

  String render() {
    String title = course == null
        ? "Plan: " + template.title()
        : "Course " + course.courseId() + ": " + template.title();
    m.raw("<!DOCTYPE html>\n");
    m.open("html", "xmlns", "http://www.w3.org/1999/xhtml", "lang", "en");
    m.open("head");
    m.empty("meta", "charset", "utf-8");
    m.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1");
    m.empty("meta", "name", "generator", "content", "kapsdk timeline");
    m.element("title", title);
    m.open("style").raw(CSS).close("style");
    m.close("head");
    m.open("body");
    m.open("header");
    m.element("h1", title);
    m.element("p", template.id() + " " + template.version() + " (" + template.status() + ")", "class", "meta");
    m.element("p", planLine(), "class", "meta");
    if (course != null) {
      m.element("p", courseLine(course), "class", "meta");
    }
    for (String note : notes()) {
      m.element("p", note, "class", "note");
    }
    m.close("header");

    legend();
    m.open("section", "aria-labelledby", "h-timeline");
    m.element("h2", course == null ? "Plan" : "Plan and course", "id", "h-timeline");
    timeline();
    m.close("section");
    if (course != null) {
      scores(course);
    }
    table();
    m.close("body");
    m.close("html");
    return m.finish();
  }

  private String planLine() {
    StringBuilder b = new StringBuilder("Planned from ").append(plan.start()).append(" in ").append(zone.getId());
    List<String> closed = new ArrayList<>();
    plan.calendar().closedWeekdays().forEach(d -> closed.add(d.name().substring(0, 3)));
    plan.calendar().closedDates().forEach(d -> closed.add(d.toString()));
    b.append(closed.isEmpty() ? "; open every day" : "; closed " + String.join(", ", closed));
    long sessions = plan.items().stream().filter(i -> i.kind() == ItemKind.SESSION).count();
    long steps = plan.items().stream().filter(i -> i.kind() == ItemKind.INTEGRATION_STEP).count();
    long assessments = plan.items().stream().filter(i -> i.kind() == ItemKind.ASSESSMENT).count();
    return b.append("; ").append(sessions).append(" sessions, ").append(steps).append(" integration steps, ")
        .append(assessments).append(" assessments").toString();
  }

  private String courseLine(Course c) {
    CourseView v = c.view();
    return "As of " + c.asOf() + " (" + localTime(c.asOf()) + " " + zone.getId() + "): status " + v.status()
        + ", phase " + v.phaseId() + ", " + c.state().sessions().size() + " sessions recorded, "
        + c.state().gateChecks().size() + " gate checks, " + v.cumulativeDose().get(LimitPeriod.COURSE)
        + " given in the course";
  }

  /** What the picture leaves out: phases after an open-ended one, and where the plan stops. */
  private List<String> notes() {
    List<String> notes = new ArrayList<>();
    List<String> unplanned = template.phases().stream()
        .filter(p -> plan.items().stream().noneMatch(i -> i.phaseId().equals(p.id())))
        .map(p -> p.title() + " (" + p.id() + ")").toList();
    if (!unplanned.isEmpty()) {
      notes.add("Not planned, as they follow an open-ended phase or have no sessions: " + String.join(", ", unplanned)
          + ". Open-ended repeats are shown up to " + plan.horizonEnd().minusDays(1) + ".");
    }
    if (course != null && !course.view().planProblems().isEmpty()) {
      notes.add("The course could not be re-planned: " + course.view().planProblems().stream()
          .map(p -> p.message()).collect(Collectors.joining("; ")));
    }
    return notes;
  }

  // ---------------------------------------------------------------------------------- legend

  private void legend() {
    m.open("section", "class", "legend", "aria-labelledby", "h-legend");
    m.element("h2", "Legend", "id", "h-legend");
    m.open("ul");
    for (SessionKind kind : SessionKind.values()) {
      legendItem(kindShape(kind), "k-" + kind.name() + (course == null ? "" : " planned"),
          label(kind) + " session" + (course == null ? "" : ", planned (hollow)"));
    }
    if (course != null) {
      legendItem("diamond", "k-DOSING", "held session (filled), at the date it was held");
      legendItem("cross", "missed", "missed or cancelled session");
    }
    legendItem("whisker", "whisker", "window: the days a session may move to, or a step's due window");
    legendItem("circle-small", "step", "integration step, planned (hollow)" + (course == null ? "" : "; done (filled)"));
    legendItem("circle-small", "assessment", "assessment" + (course == null ? "" : "; taken (filled)"));
    if (course != null) {
      legendItem("circle", "g-PROCEED", "gate check: PROCEED");
      legendItem("triangle", "g-WARN", "gate check: PROCEED_WITH_WARNINGS");
      legendItem("diamond-dot", "g-OVERRIDDEN", "gate check: a clinician overrode a rule");
      legendItem("square-x", "g-BLOCKED", "gate check: BLOCKED");
      legendItem("line-score", "score", "score, baseline ringed");
      legendItem("line-response", "response", "response line: the score a response needs");
      legendItem("line-remission", "remission", "remission line: the score remission needs");
    }
    legendItem("closed", "closed", "clinic closed");
    m.close("ul");
    m.close("section");
  }

  private void legendItem(String shape, String cls, String text) {
    m.open("li");
    m.open("svg", "xmlns", "http://www.w3.org/2000/svg", "width", "22", "height", "16", "viewBox", "0 0 22 16",
        "aria-hidden", "true", "focusable", "false");
    switch (shape) {
      case "whisker" -> whisker(2, 20, 8, "whisker");
      case "circle-small" -> m.empty("circle", "cx", "11", "cy", "8", "r", "4", "class", cls + " planned");
      case "line-score" -> {
        m.empty("polyline", "points", "2,12 11,6 20,9", "class", "score-line");
        m.empty("circle", "cx", "11", "cy", "6", "r", "2.5", "class", "score-point");
      }
      case "line-response" -> m.empty("line", "x1", "1", "y1", "8", "x2", "21", "y2", "8", "class", "response-line");
      case "line-remission" -> m.empty("line", "x1", "1", "y1", "8", "x2", "21", "y2", "8", "class", "remission-line");
      case "closed" -> m.empty("rect", "x", "5", "y", "1", "width", "12", "height", "14", "class", "closed-day");
      default -> shape(shape, 11, 8, 6, cls);
    }
    m.close("svg");
    m.text(" " + text);
    m.close("li");
  }

  // -------------------------------------------------------------------------------- timeline

  private void timeline() {
    lanes();
    double height = lanesBottom + 8;
    m.open("div", "class", "scroll");
    m.open("svg", "xmlns", "http://www.w3.org/2000/svg", "class", "timeline", "role", "group",
        "width", num(width), "height", num(height), "viewBox", "0 0 " + num(width) + " " + num(height),
        "aria-label", "Timeline from " + first + " to " + last);
    closedDays();
    phaseBands();
    axis(AXIS_HEIGHT, lanesBottom);
    for (Map.Entry<String, Double> lane : laneTop.entrySet()) {
      double top = lane.getValue();
      m.empty("line", "x1", "0", "y1", num(top), "x2", num(width), "y2", num(top), "class", "lane-rule");
      m.element("text", laneLabel.get(lane.getKey()), "x", "6", "y", num(top + laneHeight.get(lane.getKey()) / 2 + 4),
          "class", lane.getKey().startsWith("step:") ? "lane-label sub" : "lane-label");
    }
    for (PlannedItem item : plan.items()) {
      switch (item.kind()) {
        case SESSION -> plannedSession(item);
        case INTEGRATION_STEP -> plannedStep(item);
        case ASSESSMENT -> plannedAssessment(item);
      }
    }
    if (course != null) {
      heldSessions(course);
      doneSteps(course);
      takenAssessments(course);
      gateChecks(course);
      asOfLine(course, lanesTop - PHASE_ROW, lanesBottom, true);
    }
    m.close("svg");
    m.close("div");
  }

  /** Lanes in template order: each session template with its steps, then instruments, then the gate. */
  private void lanes() {
    Set<String> planned = plan.items().stream().map(PlannedItem::sessionTemplateId).collect(Collectors.toSet());
    Set<String> recorded = course == null ? Set.of()
        : course.state().sessions().values().stream().map(SessionState::templateId).collect(Collectors.toSet());
    double y = AXIS_HEIGHT + PHASE_ROW;
    lanesTop = y;
    for (Phase phase : template.phases()) {
      for (SessionTemplate s : phase.sessions()) {
        if (!planned.contains(s.id()) && !recorded.contains(s.id())) {
          continue;
        }
        y = lane("session:" + s.id(), s.title(), LANE, y);
        for (IntegrationStep step : s.integrationSteps()) {
          y = lane("step:" + s.id() + "/" + step.id(), step.title(), LANE, y);
        }
      }
    }
    Set<Instrument> instruments = EnumSet.noneOf(Instrument.class);
    plan.items().stream().flatMap(i -> i.instrument().stream()).forEach(instruments::add);
    if (course != null) {
      course.state().assessments().forEach(a -> instruments.add(a.result().instrument()));
    }
    for (Instrument i : instruments) {
      y = lane("assessment:" + i.name(), i.displayName() + " assessment", LANE, y);
    }
    if (course != null) {
      Map<LocalDate, Long> perDay = course.state().gateChecks().stream()
          .collect(Collectors.groupingBy(g -> date(g.at()), Collectors.counting()));
      long most = perDay.values().stream().max(Long::compare).orElse(1L);
      y = lane("gate", "Safety gate checks", Math.max(LANE, most * GATE_ROW + 8), y);
    }
    lanesBottom = y;
  }

  private double lane(String key, String label, double height, double y) {
    laneTop.put(key, y);
    laneLabel.put(key, clip(label, 34));
    laneHeight.put(key, height);
    return y + height;
  }

  private double mid(String lane) {
    return laneTop.get(lane) + laneHeight.get(lane) / 2;
  }

  private void closedDays() {
    List<LocalDate> closed = new ArrayList<>();
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
      if (plan.calendar().closedWeekdays().contains(d.getDayOfWeek()) || plan.calendar().closedDates().contains(d)) {
        closed.add(d);
      }
    }
    if (closed.isEmpty()) {
      return;
    }
    String what = "Clinic closed: " + closed.size() + " days from " + closed.get(0) + " to " + closed.get(closed.size() - 1);
    m.open("g", "class", "closed-days", "data-kind", "closed-days", "role", "img", "aria-label", what);
    m.element("title", what);
    for (LocalDate d : closed) {
      m.empty("rect", "x", num(x(d)), "y", num(AXIS_HEIGHT), "width", num(dayWidth), "height", num(lanesBottom - AXIS_HEIGHT),
          "class", "closed-day");
    }
    m.close("g");
  }

  /*
   * Phases may overlap by a day (an anchored first dose may share the day of the last screening
   * visit), so bands are translucent and their labels alternate between two rows: a label may run
   * past its own band up to the start of the band after next, which has the same row.
   */
  private void phaseBands() {
    record Band(Phase phase, LocalDate start, LocalDate end, int sessions) {}
    List<Band> bands = new ArrayList<>();
    for (Phase phase : template.phases()) {
      List<PlannedItem> sessions = plan.items().stream()
          .filter(i -> i.kind() == ItemKind.SESSION && i.phaseId().equals(phase.id())).toList();
      if (!sessions.isEmpty()) {
        bands.add(new Band(phase,
            sessions.stream().map(PlannedItem::target).min(Comparator.naturalOrder()).orElseThrow(),
            sessions.stream().map(PlannedItem::target).max(Comparator.naturalOrder()).orElseThrow(),
            sessions.size()));
      }
    }
    for (int n = 0; n < bands.size(); n++) {
      Band b = bands.get(n);
      String what = "Phase " + b.phase().title() + " (" + b.phase().id() + "): " + b.sessions() + " planned sessions, "
          + b.start() + " to " + b.end();
      m.open("g", "class", "phase band-" + (n % 2), "data-kind", "phase", "data-phase-id", b.phase().id(),
          "data-start", b.start().toString(), "data-end", b.end().toString(), "role", "img", "aria-label", what);
      m.element("title", what);
      double x0 = x(b.start());
      m.empty("rect", "x", num(x0), "y", num(AXIS_HEIGHT), "width", num(x(b.end().plusDays(1)) - x0),
          "height", num(lanesBottom - AXIS_HEIGHT), "class", "phase-band");
      m.close("g");
    }
    // Labels after every band, so that no band is drawn over the label of the one before.
    m.open("g", "class", "phase-labels", "aria-hidden", "true");
    for (int n = 0; n < bands.size(); n++) {
      double x0 = x(bands.get(n).start());
      double room = (n + 2 < bands.size() ? x(bands.get(n + 2).start()) : width - RIGHT_PAD) - x0 - 8;
      m.element("text", clip(bands.get(n).phase().title(), Math.max(2, (int) (room / 7.2))), "x", num(x0 + 3),
          "y", num(AXIS_HEIGHT + 13 + (n % 2) * 14), "class", "phase-label");
    }
    m.close("g");
  }

  /** Month names and Mondays along the top; faint week lines through the lanes. */
  private void axis(double top, double bottom) {
    m.open("g", "class", "axis", "aria-hidden", "true");
    for (LocalDate d = first; !d.isAfter(last.plusDays(1)); d = d.plusDays(1)) {
      double x = x(d);
      if (d.getDayOfMonth() == 1 || d.equals(first)) {
        m.element("text", MONTHS[d.getMonthValue() - 1] + " " + d.getYear(), "x", num(x + 2), "y", "13", "class", "month");
      }
      if (d.getDayOfWeek() == DayOfWeek.MONDAY) {
        m.empty("line", "x1", num(x), "y1", num(top - 8), "x2", num(x), "y2", num(bottom), "class", "week-rule");
        m.element("text", d.getDayOfMonth() + " " + MONTHS[d.getMonthValue() - 1], "x", num(x + 2), "y", num(top - 10),
            "class", "day");
      }
    }
    m.close("g");
  }

  // ----------------------------------------------------------------------------- plan marks

  private void plannedSession(PlannedItem item) {
    SessionTemplate s = session(item.sessionTemplateId());
    String lane = "session:" + s.id();
    double y = mid(lane);
    StringBuilder what = new StringBuilder(s.title()).append(" #").append(item.occurrence()).append(" (")
        .append(item.id()).append("), ").append(label(s.kind())).append(" session in phase ")
        .append(phase(item.phaseId()).title()).append(": planned ").append(item.target());
    what.append(item.earliest().equals(item.latest()) ? ", on the day" : ", window " + item.earliest() + " to " + item.latest());
    item.nominal().ifPresent(d -> what.append("; moved from ").append(d));
    String status = null;
    if (course != null) {
      status = status(item);
      what.append("; ").append(status.toLowerCase(java.util.Locale.ROOT));
    }
    m.open("g", "class", "mark session", "data-kind", "session", "data-session-id", item.id(),
        "data-session-template", s.id(), "data-session-kind", s.kind().name(), "data-phase-id", item.phaseId(),
        "data-date", item.target().toString(), "data-earliest", item.earliest().toString(),
        "data-latest", item.latest().toString(), "data-status", status,
        "role", "img", "aria-label", what.toString());
    m.element("title", what.toString());
    if (!item.earliest().equals(item.latest())) {
      whisker(cx(item.earliest()), cx(item.latest()), y, "whisker");
    }
    shape(kindShape(s.kind()), cx(item.target()), y, markSize, "k-" + s.kind().name() + (course == null ? "" : " planned"));
    m.close("g");
  }

  /** The status of a planned session in the course's re-planned plan: HELD, MISSED or PLANNED. */
  private String status(PlannedItem item) {
    return course.view().plan().flatMap(p -> p.item(item.id())).map(i -> i.status().name()).orElse("PLANNED");
  }

  private void plannedStep(PlannedItem item) {
    SessionTemplate s = session(item.sessionTemplateId());
    String stepId = item.stepId().orElseThrow();
    IntegrationStep step = s.integrationSteps().stream().filter(st -> st.id().equals(stepId)).findFirst().orElseThrow();
    String lane = "step:" + s.id() + "/" + stepId;
    double y = mid(lane);
    String what = step.title() + " (" + item.id() + "), " + step.kind().name().toLowerCase(java.util.Locale.ROOT)
        .replace('_', ' ') + (item.required() ? "" : ", optional") + ", after " + s.title() + " #" + item.occurrence()
        + ": due " + item.earliest() + " to " + item.latest() + ", planned " + item.target();
    m.open("g", "class", "mark step", "data-kind", "integration-step", "data-item-id", item.id(),
        "data-session-id", item.sessionItemId().orElseThrow(), "data-step-id", stepId,
        "data-date", item.target().toString(), "data-earliest", item.earliest().toString(),
        "data-latest", item.latest().toString(), "data-required", Boolean.toString(item.required()),
        "role", "img", "aria-label", what);
    m.element("title", what);
    whisker(cx(item.earliest()), cx(item.latest()), y, "whisker");
    m.empty("circle", "cx", num(cx(item.target())), "cy", num(y), "r", num(markSize * 0.7), "class", "step planned");
    m.close("g");
  }

  private void plannedAssessment(PlannedItem item) {
    Instrument instrument = item.instrument().orElseThrow();
    double y = mid("assessment:" + instrument.name());
    String what = instrument.displayName() + " at " + session(item.sessionTemplateId()).title() + " #"
        + item.occurrence() + " (" + item.sessionItemId().orElseThrow() + "): planned " + item.target();
    m.open("g", "class", "mark assessment", "data-kind", "assessment", "data-item-id", item.id(),
        "data-session-id", item.sessionItemId().orElseThrow(), "data-instrument", instrument.name(),
        "data-date", item.target().toString(), "role", "img", "aria-label", what);
    m.element("title", what);
    m.empty("circle", "cx", num(cx(item.target())), "cy", num(y), "r", num(markSize * 0.6), "class", "assessment planned");
    m.close("g");
  }

  // --------------------------------------------------------------------------- course marks

  private List<SessionState> sessionsInOrder(Course c) {
    List<SessionState> sessions = new ArrayList<>(c.state().sessions().values());
    sessions.sort(Comparator.comparing((SessionState s) -> s.startedAt().or(s::missedAt).or(s::cancelledAt)
        .orElse(s.scheduledFor())).thenComparing(SessionState::id));
    return sessions;
  }

  private void heldSessions(Course c) {
    for (SessionState s : sessionsInOrder(c)) {
      SessionTemplate t = session(s.templateId());
      String lane = "session:" + t.id();
      double y = mid(lane);
      Optional<PlannedItem> planned = s.planItemId().or(() -> Optional.of(s.id())).flatMap(plan::item)
          .filter(i -> i.kind() == ItemKind.SESSION);
      Instant when;
      String verb;
      switch (s.status()) {
        case STARTED, COMPLETED -> {
          when = s.startedAt().orElseThrow();
          verb = s.status() == SessionStatus.COMPLETED ? "held" : "started, not completed";
        }
        case MISSED -> {
          when = s.missedAt().orElseThrow();
          verb = "missed";
        }
        case CANCELLED -> {
          when = s.cancelledAt().orElseThrow();
          verb = "cancelled";
        }
        default -> {
          continue; // scheduled and not yet held: its planned mark says so
        }
      }
      LocalDate on = date(when);
      StringBuilder what = new StringBuilder(t.title()).append(" (").append(s.id()).append("): ").append(verb)
          .append(" on ").append(on).append(" (").append(localTime(when)).append(')');
      planned.ifPresent(p -> what.append(", planned ").append(p.target()));
      if (s.totalDose().value().signum() > 0) {
        what.append(", dose ").append(s.totalDose());
      }
      s.monitoredMinutes().ifPresent(min -> what.append(", monitored ").append(min).append(" min"));
      GateChecked gate = s.preDoseChecks().isEmpty() ? null : s.preDoseChecks().get(s.preDoseChecks().size() - 1);
      if (gate != null) {
        what.append("; pre-dose gate ").append(outcomeLabel(gate));
      }
      m.open("g", "class", "mark actual", "data-kind", "held-session", "data-session-id", s.id(),
          "data-plan-item-id", planned.map(PlannedItem::id).orElse(null), "data-session-kind", t.kind().name(),
          "data-status", s.status().name(), "data-date", on.toString(), "data-at", when.toString(),
          "data-planned-date", planned.map(p -> p.target().toString()).orElse(null),
          "data-gate-outcome", gate == null ? null : displayOutcome(gate),
          "role", "img", "aria-label", what.toString());
      m.element("title", what.toString());
      if (planned.isPresent() && !planned.get().target().equals(on)) {
        m.empty("line", "x1", num(cx(planned.get().target())), "y1", num(y), "x2", num(cx(on)), "y2", num(y),
            "class", "moved");
      }
      if (s.status() == SessionStatus.MISSED || s.status() == SessionStatus.CANCELLED) {
        shape("cross", cx(on), y, markSize, "missed");
      } else {
        shape(kindShape(t.kind()), cx(on), y, markSize, "k-" + t.kind().name() + " held");
      }
      m.close("g");
    }
  }

  private void doneSteps(Course c) {
    List<Map.Entry<StepRef, Instant>> steps = new ArrayList<>(c.state().completedSteps().entrySet());
    steps.sort(Comparator.comparing((Map.Entry<StepRef, Instant> e) -> e.getValue())
        .thenComparing(e -> e.getKey().sessionId()).thenComparing(e -> e.getKey().stepId()));
    for (Map.Entry<StepRef, Instant> done : steps) {
      StepRef ref = done.getKey();
      SessionState s = c.state().session(ref.sessionId()).orElse(null);
      if (s == null) {
        continue;
      }
      String lane = "step:" + s.templateId() + "/" + ref.stepId();
      if (!laneTop.containsKey(lane)) {
        continue;
      }
      SessionTemplate t = session(s.templateId());
      String title = t.integrationSteps().stream().filter(st -> st.id().equals(ref.stepId())).findFirst()
          .map(IntegrationStep::title).orElse(ref.stepId());
      LocalDate on = date(done.getValue());
      String what = title + " after " + s.id() + ": done on " + on + " (" + localTime(done.getValue()) + ")";
      m.open("g", "class", "mark actual", "data-kind", "step-done", "data-session-id", s.id(), "data-step-id", ref.stepId(),
          "data-date", on.toString(), "data-at", done.getValue().toString(), "role", "img", "aria-label", what);
      m.element("title", what);
      m.empty("circle", "cx", num(cx(on)), "cy", num(mid(lane)), "r", num(markSize * 0.7), "class", "step done");
      m.close("g");
    }
  }

  private void takenAssessments(Course c) {
    List<AssessmentRecorded> taken = new ArrayList<>(c.state().assessments());
    taken.sort(Comparator.comparing((AssessmentRecorded a) -> a.result().at()).thenComparing(a -> a.result().instrument()));
    for (AssessmentRecorded a : taken) {
      Instrument instrument = a.result().instrument();
      LocalDate on = date(a.result().at());
      String what = instrument.displayName() + " taken on " + on + " (" + localTime(a.result().at()) + ")"
          + a.sessionId().map(id -> " at " + id).orElse("")
          + a.result().effectiveTotal().map(t -> ": total " + t).orElse(": no total");
      m.open("g", "class", "mark actual", "data-kind", "assessment-taken", "data-instrument", instrument.name(),
          "data-session-id", a.sessionId().orElse(null), "data-date", on.toString(), "data-at", a.result().at().toString(),
          "data-total", a.result().effectiveTotal().map(String::valueOf).orElse(null),
          "role", "img", "aria-label", what);
      m.element("title", what);
      m.empty("circle", "cx", num(cx(on)), "cy", num(mid("assessment:" + instrument.name())), "r", num(markSize * 0.6),
          "class", "assessment done");
      m.close("g");
    }
  }

  private void gateChecks(Course c) {
    Map<LocalDate, Integer> stacked = new TreeMap<>();
    double top = laneTop.get("gate");
    for (GateChecked g : c.state().gateChecks()) {
      LocalDate on = date(g.at());
      int row = stacked.merge(on, 1, Integer::sum) - 1;
      double y = top + 4 + GATE_ROW / 2 + row * GATE_ROW;
      String outcome = displayOutcome(g);
      StringBuilder what = new StringBuilder(g.gate().name()).append(" gate check")
          .append(g.sessionId().map(id -> " for " + id).orElse("")).append(" on ").append(on).append(" (")
          .append(localTime(g.at())).append("): ").append(outcomeLabel(g));
      if (!g.blockingRuleIds().isEmpty()) {
        what.append("; blocked by ").append(String.join(", ", g.blockingRuleIds()));
      }
      if (!g.overriddenRuleIds().isEmpty()) {
        what.append("; overridden: ").append(String.join(", ", g.overriddenRuleIds()));
      }
      m.open("g", "class", "mark gate", "data-kind", "gate-check", "data-gate", g.gate().name(),
          "data-session-id", g.sessionId().orElse(null), "data-date", on.toString(), "data-at", g.at().toString(),
          "data-outcome", g.outcome().name(), "data-display", outcome,
          "data-blocking-rules", g.blockingRuleIds().isEmpty() ? null : String.join(" ", g.blockingRuleIds()),
          "data-overridden-rules", g.overriddenRuleIds().isEmpty() ? null : String.join(" ", g.overriddenRuleIds()),
          "role", "img", "aria-label", what.toString());
      m.element("title", what.toString());
      double r = Math.min(markSize, GATE_ROW / 2 - 1);
      switch (outcome) {
        case "BLOCKED" -> shape("square-x", cx(on), y, r, "g-BLOCKED");
        case "OVERRIDDEN" -> shape("diamond-dot", cx(on), y, r, "g-OVERRIDDEN");
        case "WARNINGS" -> shape("triangle", cx(on), y, r, "g-WARN");
        default -> shape("circle", cx(on), y, r, "g-PROCEED");
      }
      m.close("g");
    }
  }

  /** BLOCKED, OVERRIDDEN (proceeded because a clinician overrode a rule), WARNINGS or PROCEED. */
  private static String displayOutcome(GateChecked g) {
    if (g.outcome() == VerdictOutcome.BLOCKED) {
      return "BLOCKED";
    }
    if (!g.overriddenRuleIds().isEmpty()) {
      return "OVERRIDDEN";
    }
    return g.outcome() == VerdictOutcome.PROCEED_WITH_WARNINGS ? "WARNINGS" : "PROCEED";
  }

  private static String outcomeLabel(GateChecked g) {
    return g.outcome().name() + (g.overriddenRuleIds().isEmpty() ? "" : " (overridden)");
  }

  private void asOfLine(Course c, double top, double bottom, boolean mark) {
    double x = cx(date(c.asOf()));
    if (!mark) {
      m.empty("line", "x1", num(x), "y1", num(top), "x2", num(x), "y2", num(bottom), "class", "as-of", "aria-hidden", "true");
      return;
    }
    String what = "As of " + c.asOf() + " (" + localTime(c.asOf()) + " " + zone.getId() + ")";
    m.open("g", "data-kind", "as-of", "data-at", c.asOf().toString(), "data-date", date(c.asOf()).toString(),
        "role", "img", "aria-label", what);
    m.element("title", what);
    m.empty("line", "x1", num(x), "y1", num(top), "x2", num(x), "y2", num(bottom), "class", "as-of");
    m.close("g");
  }

  // ---------------------------------------------------------------------------------- scores

  private void scores(Course c) {
    List<OutcomeSeries> series = c.view().outcomes().stream().filter(s -> !s.points().isEmpty()).toList();
    m.open("section", "aria-labelledby", "h-scores");
    m.element("h2", "Score trend", "id", "h-scores");
    if (series.isEmpty()) {
      m.element("p", "No outcome scores recorded by " + c.asOf() + ".", "class", "note");
    }
    for (OutcomeSeries s : series) {
      chart(c, s);
    }
    m.close("section");
  }

  private void chart(Course c, OutcomeSeries s) {
    Instrument instrument = s.instrument();
    double height = CHART_TOP + CHART_PLOT + CHART_BOTTOM;
    String summary = instrument.displayName() + ": baseline "
        + s.baseline().map(p -> p.total() + " on " + date(p.at())).orElse("none") + ", latest "
        + s.latest().map(p -> p.total() + " on " + date(p.at())).orElse("none")
        + s.percentChange().map(p -> " (" + (p.signum() > 0 ? "+" : "") + p.toPlainString() + "%)").orElse("")
        + "; response " + s.response() + " (" + s.responseReason() + "); remission " + s.remission() + " ("
        + s.remissionReason() + ")";
    m.element("h3", instrument.displayName());
    m.element("p", summary, "class", "meta");
    m.open("div", "class", "scroll");
    m.open("svg", "xmlns", "http://www.w3.org/2000/svg", "class", "chart", "role", "group",
        "width", num(width), "height", num(height), "viewBox", "0 0 " + num(width) + " " + num(height),
        "aria-label", instrument.displayName() + " scores", "data-instrument", instrument.name(),
        "data-response", s.response().name(), "data-remission", s.remission().name());
    double plotLeft = LABEL_WIDTH;
    double plotRight = width - RIGHT_PAD;
    // Severity bands from the published cut-points, faint, labelled in the label column.
    int n = 0;
    for (SeverityBand band : SeverityBands.of(instrument)) {
      double top = y(instrument, band.max() + 0.5);
      double bottom = y(instrument, band.min() - 0.5);
      top = Math.max(top, CHART_TOP);
      bottom = Math.min(bottom, CHART_TOP + CHART_PLOT);
      m.empty("rect", "x", num(plotLeft), "y", num(top), "width", num(plotRight - plotLeft), "height", num(bottom - top),
          "class", "severity band-" + (n++ % 2), "aria-hidden", "true");
      m.element("text", band.label() + " " + band.min() + "\u2013" + band.max(), "x", num(plotLeft - 6),
          "y", num((top + bottom) / 2 + 3), "class", "band-label", "aria-hidden", "true");
    }
    m.open("g", "class", "axis", "aria-hidden", "true");
    for (int v : List.of(instrument.totalMin(), instrument.totalMax())) {
      m.element("text", Integer.toString(v), "x", num(plotLeft - 6), "y", num(y(instrument, v) + 3), "class", "tick");
    }
    m.close("g");
    m.empty("rect", "x", num(plotLeft), "y", num(CHART_TOP), "width", num(plotRight - plotLeft), "height", num(CHART_PLOT),
        "class", "frame", "aria-hidden", "true");
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
      if (d.getDayOfWeek() == DayOfWeek.MONDAY) {
        m.empty("line", "x1", num(x(d)), "y1", num(CHART_TOP), "x2", num(x(d)), "y2", num(CHART_TOP + CHART_PLOT),
            "class", "week-rule", "aria-hidden", "true");
        m.element("text", d.getDayOfMonth() + " " + MONTHS[d.getMonthValue() - 1], "x", num(x(d) + 2),
            "y", num(CHART_TOP + CHART_PLOT + 14), "class", "day", "aria-hidden", "true");
      }
    }
    if (s.baseline().isPresent() && s.responseDropPercent().isPresent()) {
      int drop = s.responseDropPercent().get();
      BigDecimal level = BigDecimal.valueOf(s.baseline().get().total()).multiply(BigDecimal.valueOf(100L - drop))
          .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP).stripTrailingZeros();
      String what = instrument.displayName() + " response line: a total of " + level.toPlainString()
          + " or less is a drop of at least " + drop + "% from the baseline " + s.baseline().get().total();
      level(instrument, level.doubleValue(), "response-line", "response-line", level.toPlainString(), what,
          "response \u2264 " + level.toPlainString(), plotLeft, plotRight);
    }
    s.remissionAtMost().ifPresent(at -> level(instrument, at, "remission-line", "remission-line", Integer.toString(at),
        instrument.displayName() + " remission line: a total of " + at + " or less",
        "remission \u2264 " + at, plotLeft, plotRight));
    asOfLine(c, CHART_TOP, CHART_TOP + CHART_PLOT, false);

    StringBuilder points = new StringBuilder();
    for (ScorePoint p : s.points()) {
      points.append(points.length() == 0 ? "" : " ").append(num(cx(date(p.at())))).append(',').append(num(y(instrument, p.total())));
    }
    m.empty("polyline", "points", points.toString(), "class", "score-line", "aria-hidden", "true");
    for (ScorePoint p : s.points()) {
      boolean baseline = s.baseline().map(b -> b.equals(p)).orElse(false);
      LocalDate on = date(p.at());
      String what = instrument.displayName() + " " + p.total() + p.band().map(b -> " (" + b.label() + ")").orElse("")
          + " on " + on + " (" + localTime(p.at()) + ")" + (baseline ? ", baseline"
              : p.percentChange().map(v -> ", " + (v.signum() > 0 ? "+" : "") + v.toPlainString() + "% from baseline").orElse(""));
      m.open("g", "class", "mark score", "data-kind", "score", "data-instrument", instrument.name(),
          "data-total", Integer.toString(p.total()), "data-date", on.toString(), "data-at", p.at().toString(),
          "data-baseline", Boolean.toString(baseline), "role", "img", "aria-label", what);
      m.element("title", what);
      double cx = cx(on);
      double cy = y(instrument, p.total());
      if (baseline) {
        m.empty("circle", "cx", num(cx), "cy", num(cy), "r", "6", "class", "baseline-ring");
      }
      m.empty("circle", "cx", num(cx), "cy", num(cy), "r", "3.5", "class", "score-point");
      m.close("g");
    }
    m.close("svg");
    m.close("div");
  }

  private void level(Instrument instrument, double value, String kind, String cls, String valueText, String what,
      String label, double left, double right) {
    double y = y(instrument, value);
    m.open("g", "data-kind", kind, "data-instrument", instrument.name(), "data-value", valueText, "role", "img",
        "aria-label", what);
    m.element("title", what);
    m.empty("line", "x1", num(left), "y1", num(y), "x2", num(right), "y2", num(y), "class", cls);
    m.element("text", label, "x", num(right - 4), "y", num(y - 3), "class", "level-label");
    m.close("g");
  }

  private double y(Instrument instrument, double value) {
    double span = instrument.totalMax() - instrument.totalMin();
    return CHART_TOP + (instrument.totalMax() - value) / span * CHART_PLOT;
  }

  // ----------------------------------------------------------------------------------- table

  /** The same plan as a table: readable without the picture, by a screen reader or on paper. */
  private void table() {
    m.open("section", "aria-labelledby", "h-table");
    m.element("h2", "Sessions", "id", "h-table");
    m.open("table");
    m.open("thead").open("tr");
    List<String> heads = new ArrayList<>(List.of("session", "phase", "kind", "planned", "window"));
    if (course != null) {
      heads.addAll(List.of("status", "held on", "pre-dose gate"));
    }
    heads.forEach(h -> m.element("th", h, "scope", "col"));
    m.close("tr").close("thead");
    m.open("tbody");
    Map<String, SessionState> byItem = new LinkedHashMap<>();
    if (course != null) {
      for (SessionState s : sessionsInOrder(course)) {
        byItem.putIfAbsent(s.planItemId().orElse(s.id()), s);
      }
    }
    for (PlannedItem item : plan.items()) {
      if (item.kind() != ItemKind.SESSION) {
        continue;
      }
      m.open("tr");
      m.element("td", session(item.sessionTemplateId()).title() + " #" + item.occurrence() + " (" + item.id() + ")");
      m.element("td", item.phaseId());
      m.element("td", label(item.sessionKind()));
      m.element("td", item.target().toString());
      m.element("td", item.earliest().equals(item.latest()) ? "on the day" : item.earliest() + " to " + item.latest());
      if (course != null) {
        SessionState s = byItem.get(item.id());
        m.element("td", s == null ? status(item) : s.status().name());
        m.element("td", s == null ? "" : s.startedAt().map(t -> date(t).toString()).orElse(""));
        m.element("td", s == null || s.preDoseChecks().isEmpty() ? ""
            : outcomeLabel(s.preDoseChecks().get(s.preDoseChecks().size() - 1)));
      }
      m.close("tr");
    }
    m.close("tbody");
    m.close("table");
    m.close("section");
  }

  // ----------------------------------------------------------------------------------- shapes

  private void whisker(double x1, double x2, double y, String cls) {
    m.empty("path", "d", "M" + num(x1) + " " + num(y) + "H" + num(x2) + "M" + num(x1) + " " + num(y - 4) + "V" + num(y + 4)
        + "M" + num(x2) + " " + num(y - 4) + "V" + num(y + 4), "class", cls);
  }

  /** A shape centred on (x, y), r its half size, so shapes of one size look alike in weight. */
  private void shape(String shape, double x, double y, double r, String cls) {
    switch (shape) {
      case "circle" -> m.empty("circle", "cx", num(x), "cy", num(y), "r", num(r * 0.9), "class", cls);
      case "square" -> polygon(x, y, r * 1.2, 4, 45, cls);
      case "diamond" -> polygon(x, y, r * 1.25, 4, 0, cls);
      case "triangle" -> polygon(x, y, r * 1.2, 3, 0, cls);
      case "triangle-down" -> polygon(x, y, r * 1.2, 3, 180, cls);
      case "pentagon" -> polygon(x, y, r * 1.1, 5, 0, cls);
      case "hexagon" -> polygon(x, y, r * 1.05, 6, 30, cls);
      case "cross" -> m.empty("path", "d", "M" + num(x - r) + " " + num(y - r) + "L" + num(x + r) + " " + num(y + r)
          + "M" + num(x - r) + " " + num(y + r) + "L" + num(x + r) + " " + num(y - r), "class", cls + " cross");
      case "square-x" -> {
        polygon(x, y, r * 1.2, 4, 45, cls);
        double k = r * 0.5;
        m.empty("path", "d", "M" + num(x - k) + " " + num(y - k) + "L" + num(x + k) + " " + num(y + k)
            + "M" + num(x - k) + " " + num(y + k) + "L" + num(x + k) + " " + num(y - k), "class", "inner-x");
      }
      case "diamond-dot" -> {
        polygon(x, y, r * 1.25, 4, 0, cls);
        m.empty("circle", "cx", num(x), "cy", num(y), "r", num(Math.max(1.2, r * 0.3)), "class", "inner-dot");
      }
      default -> throw new IllegalArgumentException(shape);
    }
  }

  private void polygon(double x, double y, double r, int sides, double rotation, String cls) {
    StringBuilder points = new StringBuilder();
    for (int i = 0; i < sides; i++) {
      double a = Math.toRadians(rotation + 360.0 * i / sides - 90);
      points.append(i == 0 ? "" : " ").append(num(x + r * Math.cos(a))).append(',').append(num(y + r * Math.sin(a)));
    }
    m.empty("polygon", "points", points.toString(), "class", cls);
  }

  private static String kindShape(SessionKind kind) {
    return switch (kind) {
      case SCREENING -> "square";
      case PREPARATION -> "triangle-down";
      case DOSING -> "diamond";
      case INTEGRATION -> "circle";
      case ASSESSMENT -> "hexagon";
      case FOLLOW_UP -> "pentagon";
    };
  }

  private static String label(SessionKind kind) {
    return kind.name().charAt(0) + kind.name().substring(1).toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  // ------------------------------------------------------------------------------------ util

  private double x(LocalDate d) {
    return LABEL_WIDTH + ChronoUnit.DAYS.between(first, d) * dayWidth;
  }

  private double cx(LocalDate d) {
    return x(d) + dayWidth / 2;
  }

  private LocalDate date(Instant t) {
    return t.atZone(zone).toLocalDate();
  }

  private String localTime(Instant t) {
    var local = t.atZone(zone);
    return local.toLocalDate() + " " + String.format(java.util.Locale.ROOT, "%02d:%02d", local.getHour(), local.getMinute());
  }

  private SessionTemplate session(String id) {
    return template.sessions().stream().filter(s -> s.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("the template has no session template " + id));
  }

  private Phase phase(String id) {
    return template.phases().stream().filter(p -> p.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("the template has no phase " + id));
  }

  private static String clip(String text, int max) {
    String one = text.replaceAll("\\s+", " ").strip();
    return one.length() <= max ? one : one.substring(0, Math.max(1, max - 1)) + "\u2026";
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  /*
   * The style sheet. Colours come from a palette that stays distinct for the common colour-vision
   * deficiencies, but no mark relies on colour alone: kinds and gate outcomes differ in shape, held
   * and planned in fill, lines in dash pattern. No url(), no @import, no web font.
   */
  private static final String CSS = """
      :root { color-scheme: light; }
      body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
        margin: 1.5rem; color: #111; background: #fff; font-size: 14px; line-height: 1.4; }
      h1 { font-size: 1.35rem; margin: 0 0 .3rem; }
      h2 { font-size: 1.1rem; margin: 1.2rem 0 .4rem; }
      h3 { font-size: 1rem; margin: .8rem 0 .2rem; }
      p.meta { margin: .1rem 0; color: #333; }
      p.note { margin: .3rem 0; padding: .3rem .5rem; border-left: 3px solid #888; background: #f4f4f4; }
      .legend ul { list-style: none; padding: 0; margin: 0; columns: 3 18rem; }
      .legend li { margin: .1rem 0; break-inside: avoid; }
      .legend svg { vertical-align: middle; }
      .scroll { overflow-x: auto; }
      svg text { font-family: inherit; font-size: 11px; fill: #222; }
      text.month { font-weight: 600; }
      text.day, text.tick { fill: #555; font-size: 10px; }
      text.lane-label.sub { fill: #555; font-style: italic; }
      text.phase-label { font-weight: 600; fill: #333; }
      text.band-label, text.tick { text-anchor: end; fill: #666; font-size: 10px; }
      text.level-label { text-anchor: end; font-size: 10px; }
      .phase-band { stroke: #999; stroke-width: .5; fill-opacity: .7; }
      .band-0 .phase-band { fill: #e3ecf5; }
      .band-1 .phase-band { fill: #f3ead9; }
      .closed-day { fill: #000; fill-opacity: .06; }
      .week-rule { stroke: #bbb; stroke-width: .5; }
      .lane-rule { stroke: #ddd; stroke-width: .5; }
      .whisker { stroke: #444; stroke-width: 1.2; fill: none; }
      .moved { stroke: #444; stroke-width: 1; stroke-dasharray: 2 2; }
      .k-SCREENING { fill: #4d4d4d; }
      .k-PREPARATION { fill: #8c510a; }
      .k-DOSING { fill: #2166ac; }
      .k-INTEGRATION { fill: #5aae61; }
      .k-ASSESSMENT { fill: #7b3294; }
      .k-FOLLOW_UP { fill: #bf812d; }
      polygon, circle { stroke: #111; stroke-width: 1; }
      .planned { fill: #fff; stroke-width: 1.4; }
      .k-SCREENING.planned { stroke: #4d4d4d; }
      .k-PREPARATION.planned { stroke: #8c510a; }
      .k-DOSING.planned { stroke: #2166ac; }
      .k-INTEGRATION.planned { stroke: #5aae61; }
      .k-ASSESSMENT.planned { stroke: #7b3294; }
      .k-FOLLOW_UP.planned { stroke: #bf812d; }
      .step.done, .assessment.done { fill: #333; }
      .cross, .missed { stroke: #b2182b; stroke-width: 2.2; fill: none; }
      .g-PROCEED { fill: #1b7837; }
      .g-WARN { fill: #e08214; }
      .g-OVERRIDDEN { fill: #fff; stroke: #762a83; stroke-width: 2.2; }
      .g-BLOCKED { fill: #b2182b; }
      .inner-x { stroke: #fff; stroke-width: 1.6; }
      .inner-dot { fill: #762a83; stroke: none; }
      .frame { fill: none; stroke: #999; stroke-width: .5; }
      .severity.band-0 { fill: #f2f2f2; }
      .severity.band-1 { fill: #fafafa; }
      .score-line { fill: none; stroke: #2166ac; stroke-width: 1.8; }
      .score-point { fill: #2166ac; stroke: #fff; }
      .baseline-ring { fill: none; stroke: #111; stroke-width: 1.2; }
      .response-line { stroke: #1b7837; stroke-width: 1.4; stroke-dasharray: 6 3; }
      .remission-line { stroke: #762a83; stroke-width: 1.4; stroke-dasharray: 1.5 2.5; }
      .as-of { stroke: #b2182b; stroke-width: 1.2; stroke-dasharray: 4 2; }
      table { border-collapse: collapse; font-size: 12px; }
      th, td { border: 1px solid #ccc; padding: 2px 6px; text-align: left; vertical-align: top; }
      th { background: #f0f0f0; }
      @page { size: landscape; margin: 10mm; }
      @media print {
        body { margin: 0; font-size: 11px; }
        .scroll { overflow: visible; }
        svg.timeline, svg.chart { width: 100%; height: auto; }
        section, figure, svg { break-inside: avoid; }
        tr { break-inside: avoid; }
        .closed-day { fill-opacity: .1; }
      }
      """;
}
