package org.kapsdk.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.kapsdk.core.course.CourseEvent;
import org.kapsdk.core.course.CourseRecord;
import org.kapsdk.core.course.CourseRules;
import org.kapsdk.core.course.CourseState;
import org.kapsdk.core.course.CourseView;
import org.kapsdk.core.course.CourseView.Deviation;
import org.kapsdk.core.course.CourseView.DueItem;
import org.kapsdk.core.course.CourseView.DueKind;
import org.kapsdk.core.course.CourseView.SessionSummary;
import org.kapsdk.core.io.CourseDocument;
import org.kapsdk.core.io.CourseFiles;
import org.kapsdk.core.io.Locations;
import org.kapsdk.core.model.LimitPeriod;
import org.kapsdk.core.model.ProtocolTemplate;
import org.kapsdk.core.outcome.DecisionItem;
import org.kapsdk.core.outcome.ItemFlag;
import org.kapsdk.core.outcome.OutcomeSeries;
import org.kapsdk.core.outcome.ScorePoint;
import org.kapsdk.core.plan.ChangeKind;
import org.kapsdk.core.plan.ItemKind;
import org.kapsdk.core.plan.PlanChange;
import org.kapsdk.core.plan.PlannedItem;
import org.kapsdk.core.validation.Problem;
import org.kapsdk.core.validation.ValidationException;
import org.kapsdk.cli.ProblemOutput.FileProblem;
import org.kapsdk.protocols.BuiltInProtocol;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kapsdk status COURSE_FILE [--at INSTANT]}: where a course stands. Reads the course
 * document, checks every event against its template exactly as the course record would have on
 * append (a refused event is bad input, named by file, line and path), and prints the view:
 * phase, next due, overdue, cumulative dose, deviations, sessions, outcomes and decisions.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Shows where a course stands: phase, what is due next and overdue, cumulative dose,"
          + " deviations from the plan, monitored minutes, and the outcome trend with decision points.",
      "The course file names its template with 'protocol:' and, for a template with parameters, its"
          + " clinic profile with 'profile:' (both relative to the course file); --profile replaces"
          + " the latter."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the status was computed",
      "2:bad input: a missing or malformed course file or template, an event the template refuses,"
          + " a bad --at, or a usage error",
      "3:internal error in kapsdk (a bug; please report it)"
    })
final class StatusCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "COURSE_FILE", description = "The course document (.yaml, .yml, .json).")
  Path course = Path.of("");

  @Option(
      names = "--at",
      paramLabel = "INSTANT",
      description = "The instant to describe, ISO-8601 (2026-01-21T15:00:00Z). Default: the current time.")
  @Nullable String at;

  @Mixin ProfileOption profileOption = new ProfileOption();

  @Option(names = "--json", description = "Print one JSON document on stdout instead of text.")
  boolean json;

  @Spec CommandSpec spec;


  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<FileProblem> problems = new ArrayList<>();

    // To the second: the header prints the instant, and nanoseconds there are noise.
    Instant instant = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    if (at != null) {
      try {
        instant = Instant.parse(at.strip());
      } catch (DateTimeParseException e) {
        problems.add(new FileProblem("--at", Problem.at("", "'" + Texts.oneLine(at) + "' is not an ISO-8601 instant such as 2026-01-21T15:00:00Z")));
      }
    }
    CourseView view = null;
    CourseDocument document = null;
    ProtocolTemplate template = null;
    try {
      document = CourseFiles.read(course);
    } catch (ValidationException e) {
      e.problems().forEach(p -> problems.add(new FileProblem(course.toString(), p)));
    }
    if (document != null) {
      try {
        Path profile = profileOption.file();
        template = profile == null
            ? CourseFiles.resolveProtocol(course, document, BuiltInProtocol.catalog())
            : CourseFiles.resolveProtocol(course, document, profile, BuiltInProtocol.catalog());
      } catch (ValidationException e) {
        CourseDocument doc = document;
        protocolProblems(doc, e.problems()).forEach(p -> problems.add(new FileProblem(course.toString(), p)));
      }
    }
    if (problems.isEmpty()) {
      try {
        CourseRules rules = CourseRules.compile(template);
        CourseRecord record = CourseRecord.validated(rules, document.record().courseId(), document.record().events());
        // The whole record is checked, but the view sees only what had happened by --at, so a
        // status "as of" an earlier instant never counts later sessions as done.
        Instant asOf = instant;
        List<CourseEvent> happened = record.events().stream().filter(e -> !e.at().isAfter(asOf)).toList();
        view = CourseView.of(CourseState.replay(rules, happened), instant);
      } catch (ValidationException e) {
        Locations.inFile(course, e.problems()).forEach(p -> problems.add(new FileProblem(course.toString(), p)));
      }
    }
    if (view == null) {
      return ProblemOutput.badInput(out, err, json, "status", problems);
    }
    if (json) {
      JsonOutput.print(out, toJson(template, document, view));
    } else {
      printText(out, template, document, view);
    }
    return ExitCodes.OK;
  }

  /**
   * Problems reading the course's template and profile. Those inside the template or profile file
   * keep their place there; one about a file as a whole (not found, empty) is placed at the course
   * file's field that names it ({@code protocol}, or {@code profile} unless {@code --profile} gave
   * it), and one about the protocol id at {@code protocol}.
   */
  private List<Problem> protocolProblems(CourseDocument document, List<Problem> problems) {
    return protocolProblems(course, profileOption.file(), document, problems);
  }

  /** As {@link #protocolProblems(CourseDocument, List)}, for any command that reads a course file ({@code timeline} too). */
  static List<Problem> protocolProblems(Path course, @Nullable Path option, CourseDocument document, List<Problem> problems) {
    String profileSource = option != null ? option.toString()
        : document.profile().map(p -> (course.getParent() == null ? Path.of(p) : course.getParent().resolve(p).normalize()).toString())
            .orElse(null);
    List<Problem> placed = new ArrayList<>();
    for (Problem p : problems) {
      boolean wholeFile = p.location().map(l -> l.line() == 0).orElse(false);
      if (!wholeFile) {
        placed.add(p);
      } else if (p.location().get().source().equals(profileSource)) {
        placed.add(option != null ? p : Problem.at("profile", "profile " + profileSource + ": " + p.message()));
      } else {
        placed.add(Problem.at("protocol", "template " + p.location().get().source() + ": " + p.message()));
      }
    }
    return Locations.inFile(course, placed);
  }

  // ------------------------------------------------------------------------------------- text

  private static String percent(Optional<BigDecimal> p) {
    return p.map(v -> (v.signum() > 0 ? "+" : "") + v.toPlainString() + "%").orElse("n/a");
  }

  private static String point(ScorePoint p, ZoneId zone) {
    return p.total() + p.band().map(b -> " (" + b.label() + ")").orElse("") + " on " + local(p.at(), zone).substring(0, 10);
  }

  /** An instant as the clinic's local date and time, the way a clinician reads a schedule. */
  private static String local(Instant instant, ZoneId zone) {
    return LOCAL.format(instant.atZone(zone));
  }

  /** Re-planning can move a whole open-ended phase; the text shows the first moves, JSON all. */
  private static final int MAX_CHANGES_SHOWN = 8;

  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ROOT);

  private static void printText(PrintWriter out, ProtocolTemplate template, CourseDocument document, CourseView v) {
    ZoneId zone = v.zone();
    out.println("Course " + document.record().courseId() + " on " + template.id() + " " + template.version() + " at "
        + local(v.at(), zone) + " " + zone + " (" + v.at() + ")");
    out.println("  status:     " + v.status());
    out.println("  phase:      " + v.phaseId());
    out.println("  doses:      " + v.cumulativeDose().get(LimitPeriod.DAY) + " in 24 h, "
        + v.cumulativeDose().get(LimitPeriod.WEEK) + " in 7 days, " + v.cumulativeDose().get(LimitPeriod.COURSE) + " in the course");
    v.suicideRisk().ifPresent(r -> out.println("  C-SSRS:     " + r.level() + ": " + r.reason()));
    for (ItemFlag f : v.itemFlags()) {
      out.println("  flag:       " + f.message());
    }
    for (String note : v.notes()) {
      out.println("  note:       " + note);
    }
    v.planProblems().forEach(p -> out.println("  no plan:    " + p));

    section(out, "Overdue", v.overdue(), true, v);
    section(out, "Next due", v.nextDue(), false, v);

    if (!v.decisions().isEmpty()) {
      out.println();
      out.println("Decisions for the clinician (recommendations; nothing is applied):");
      for (DecisionItem d : v.decisions()) {
        out.println("  " + d.phaseId() + ": " + d.status() + " on " + d.instrument().displayName() + ": " + d.recommendation());
        out.println("    " + d.reason());
      }
    }

    if (!v.outcomes().isEmpty()) {
      out.println();
      out.println("Outcomes:");
      for (OutcomeSeries s : v.outcomes()) {
        out.println("  " + s.instrument().displayName() + ": baseline " + s.baseline().map(p -> point(p, zone)).orElse("none")
            + "; latest " + s.latest().map(p -> point(p, zone)).orElse("none") + "; change " + percent(s.percentChange())
            + "; trend " + s.trend());
        out.println("    response " + s.response() + " (" + s.responseReason() + "); remission " + s.remission()
            + " (" + s.remissionReason() + ")");
      }
    }

    out.println();
    out.println("Sessions:" + (v.sessions().isEmpty() ? " none" : ""));
    List<String[]> rows = new ArrayList<>();
    for (SessionSummary s : v.sessions()) {
      rows.add(new String[] {s.sessionId(), s.status().name(), s.startedAt().map(t -> local(t, zone)).orElse(""),
          (s.totalDose().value().signum() > 0 ? "dose " + s.totalDose() : "")
              + s.monitoredMinutes().map(m -> (s.totalDose().value().signum() > 0 ? "  " : "") + "monitored " + m + " min")
                  .orElse("")});
    }
    columns(out, rows);
    if (!v.deviations().isEmpty()) {
      out.println();
      out.println("Deviations from the plan:");
      for (Deviation d : v.deviations()) {
        out.println("  " + d.sessionId() + ": " + d.description());
      }
    }
    // Sessions only: their steps and assessments follow them, and --json lists every change.
    // An interval that can no longer be kept is always shown, wherever it falls in the list.
    List<PlanChange> sessionChanges = v.planChanges().stream()
        .filter(c -> v.plan().flatMap(p -> p.item(c.itemId())).map(i -> i.kind() == ItemKind.SESSION)
            .orElse(c.itemId().chars().filter(ch -> ch == '/').count() == 2))
        .filter(c -> c.kind() != ChangeKind.HELD && c.kind() != ChangeKind.MISSED)
        .toList();
    List<PlanChange> moved = new ArrayList<>();
    sessionChanges.stream().filter(c -> c.kind() == ChangeKind.INTERVAL_UNMET).forEach(moved::add);
    sessionChanges.stream().filter(c -> c.kind() != ChangeKind.INTERVAL_UNMET).forEach(moved::add);
    if (!moved.isEmpty()) {
      out.println();
      out.println("Re-planned sessions (--json lists all " + v.planChanges().size() + " changes, with steps and assessments):");
      for (PlanChange c : moved.subList(0, Math.min(MAX_CHANGES_SHOWN, moved.size()))) {
        out.println("  " + c.itemId() + ": " + c.kind() + " " + c.from().map(Object::toString).orElse("-") + " -> "
            + c.to().map(Object::toString).orElse("-") + " (" + c.reason() + ")");
      }
      if (moved.size() > MAX_CHANGES_SHOWN) {
        out.println("  ... and " + (moved.size() - MAX_CHANGES_SHOWN) + " more sessions");
      }
    }
    out.flush();
  }

  private static void section(PrintWriter out, String title, List<DueItem> items, boolean overdue, CourseView v) {
    ZoneId zone = v.zone();
    out.println();
    out.println(title + ":" + (items.isEmpty() ? " nothing" : ""));
    List<String[]> rows = new ArrayList<>();
    for (DueItem d : items) {
      String when;
      if (d.kind() == DueKind.SESSION) {
        // A session's window is whole days; dueBy is the start of the day after the last one.
        String last = d.dueBy().atZone(zone).toLocalDate().minusDays(1).toString();
        String planned = planned(v, d).map(date -> "planned " + date + ", ").orElse("");
        when = planned + "window " + local(d.dueFrom(), zone).substring(0, 10) + " .. " + last
            + (overdue ? " (passed)" : "");
      } else {
        when = (overdue ? "was due by " : "due by ") + local(d.dueBy(), zone);
      }
      rows.add(new String[] {d.kind().name(), d.id(), Texts.oneLine(d.title()), when + (d.required() ? "" : "  (optional)")});
    }
    columns(out, rows);
  }

  /** The date the plan books a due session on; empty for steps and assessments. */
  private static Optional<LocalDate> planned(CourseView v, DueItem d) {
    if (d.kind() != DueKind.SESSION) {
      return Optional.empty();
    }
    return v.plan().flatMap(p -> p.item(d.id())).map(PlannedItem::target);
  }

  /** Rows as aligned columns, two spaces apart, each line indented by two. */
  private static void columns(PrintWriter out, List<String[]> rows) {
    if (rows.isEmpty()) {
      return;
    }
    int[] widths = new int[rows.get(0).length - 1];
    for (String[] row : rows) {
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder("  ");
      for (int i = 0; i < widths.length; i++) {
        line.append(Texts.pad(row[i], widths[i] + 2));
      }
      line.append(row[widths.length]);
      out.println(line.toString().stripTrailing());
    }
  }

  // ------------------------------------------------------------------------------------- JSON

  private static ObjectNode toJson(ProtocolTemplate template, CourseDocument document, CourseView v) {
    ObjectNode doc = JsonOutput.object();
    ObjectNode s = doc.putObject("status");
    s.put("courseId", document.record().courseId());
    s.put("templateId", template.id());
    s.put("templateVersion", template.version());
    s.put("at", v.at().toString());
    s.put("zone", v.zone().getId());
    s.put("status", v.status().name());
    s.put("phase", v.phaseId());
    ObjectNode doses = s.putObject("cumulativeDose");
    doses.put("day", v.cumulativeDose().get(LimitPeriod.DAY).toString());
    doses.put("week", v.cumulativeDose().get(LimitPeriod.WEEK).toString());
    doses.put("course", v.cumulativeDose().get(LimitPeriod.COURSE).toString());
    dueJson(s.putArray("overdue"), v.overdue(), v);
    dueJson(s.putArray("nextDue"), v.nextDue(), v);
    ArrayNode outcomes = s.putArray("outcomes");
    for (OutcomeSeries o : v.outcomes()) {
      ObjectNode n = outcomes.addObject();
      n.put("instrument", o.instrument().name());
      o.baseline().ifPresentOrElse(p -> n.put("baseline", p.total()), () -> n.putNull("baseline"));
      o.latest().ifPresentOrElse(p -> n.put("latest", p.total()), () -> n.putNull("latest"));
      o.latest().flatMap(ScorePoint::band).ifPresentOrElse(b -> n.put("band", b.label()), () -> n.putNull("band"));
      o.percentChange().ifPresentOrElse(p -> n.put("percentChange", p), () -> n.putNull("percentChange"));
      n.put("trend", o.trend().name());
      n.put("response", o.response().name());
      n.put("remission", o.remission().name());
    }
    ArrayNode decisions = s.putArray("decisions");
    for (DecisionItem d : v.decisions()) {
      ObjectNode n = decisions.addObject();
      n.put("phase", d.phaseId());
      n.put("instrument", d.instrument().name());
      n.put("status", d.status().name());
      n.put("recommendation", d.recommendation());
      n.put("reason", d.reason());
    }
    v.suicideRisk().ifPresentOrElse(r -> {
      ObjectNode n = s.putObject("cssrs");
      n.put("level", r.level().name());
      n.put("reason", r.reason());
    }, () -> s.putNull("cssrs"));
    ArrayNode flags = s.putArray("itemFlags");
    v.itemFlags().forEach(f -> flags.add(f.message()));
    ArrayNode sessions = s.putArray("sessions");
    for (SessionSummary x : v.sessions()) {
      ObjectNode n = sessions.addObject();
      n.put("id", x.sessionId());
      n.put("template", x.templateId());
      n.put("status", x.status().name());
      x.startedAt().ifPresentOrElse(t -> n.put("startedAt", t.toString()), () -> n.putNull("startedAt"));
      n.put("totalDose", x.totalDose().toString());
      x.monitoredMinutes().ifPresentOrElse(m -> n.put("monitoredMinutes", m), () -> n.putNull("monitoredMinutes"));
    }
    ArrayNode deviations = s.putArray("deviations");
    for (Deviation d : v.deviations()) {
      ObjectNode n = deviations.addObject();
      n.put("session", d.sessionId());
      n.put("description", d.description());
    }
    ArrayNode changes = s.putArray("planChanges");
    for (PlanChange c : v.planChanges()) {
      ObjectNode n = changes.addObject();
      n.put("item", c.itemId());
      n.put("kind", c.kind().name());
      c.from().ifPresentOrElse(d -> n.put("from", d.toString()), () -> n.putNull("from"));
      c.to().ifPresentOrElse(d -> n.put("to", d.toString()), () -> n.putNull("to"));
      n.put("reason", c.reason());
    }
    ArrayNode notes = s.putArray("notes");
    v.notes().forEach(notes::add);
    ArrayNode planProblems = s.putArray("planProblems");
    v.planProblems().forEach(p -> planProblems.add(p.toString()));
    doc.putArray("problems");
    return doc;
  }

  private static void dueJson(ArrayNode array, List<DueItem> items, CourseView v) {
    for (DueItem d : items) {
      ObjectNode n = array.addObject();
      n.put("id", d.id());
      n.put("kind", d.kind().name());
      n.put("title", d.title());
      n.put("session", d.sessionId());
      n.put("planned", planned(v, d).map(LocalDate::toString).orElse(null));
      n.put("dueFrom", d.dueFrom().toString());
      n.put("dueBy", d.dueBy().toString());
      n.put("required", d.required());
    }
  }
}
