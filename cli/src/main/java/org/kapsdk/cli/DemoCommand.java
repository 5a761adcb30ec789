package org.kapsdk.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kapsdk.cli.DemoCourse.Check;
import org.kapsdk.cli.DemoCourse.Reading;
import org.kapsdk.cli.DemoCourse.Result;
import org.kapsdk.cli.DemoCourse.Score;
import org.kapsdk.cli.DemoCourse.Visit;
import org.kapsdk.cli.ProblemOutput.FileProblem;
import org.kapsdk.core.course.CourseView;
import org.kapsdk.core.course.CourseView.DueItem;
import org.kapsdk.core.gate.ClinicianOverride;
import org.kapsdk.core.gate.FactUse;
import org.kapsdk.core.gate.Finding;
import org.kapsdk.core.gate.Outcome;
import org.kapsdk.core.gate.Verdict;
import org.kapsdk.core.io.CourseDocument;
import org.kapsdk.core.io.CourseFiles;
import org.kapsdk.core.io.DocumentFormat;
import org.kapsdk.core.io.PlanFiles;
import org.kapsdk.cli.timeline.TimelineHtml;
import org.kapsdk.core.model.Evidence;
import org.kapsdk.core.model.LimitPeriod;
import org.kapsdk.core.outcome.DecisionItem;
import org.kapsdk.core.outcome.OutcomeSeries;
import org.kapsdk.core.outcome.ScorePoint;
import org.kapsdk.core.plan.PlannedItem;
import org.kapsdk.core.validation.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kapsdk demo [--json] [--out DIR]}: a whole simulated esketamine course on the built-in
 * protocol {@code esketamine-trd-us}, told through the real engines (see {@link DemoCourse}):
 * eligibility, the plan, every induction session's checks with one pre-dose check blocked and
 * overridden, a discharge refused before 2 h and allowed after, the REMS forms, and the scores
 * with the end-of-induction decision. The clock is fixed, so every run prints the same bytes.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Runs a simulated esketamine course on the built-in protocol esketamine-trd-us, from eligibility"
          + " to the end-of-induction decision.",
      "Every verdict, due date and outcome comes from the kapsdk engines; the demo only scripts"
          + " readings, scores, doses and times.",
      "SIMULATED DATA, NOT MEDICAL ADVICE. The clock is fixed: every run gives the same output."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the demo ran",
      "2:bad input: an --out folder that cannot be created or written, or a usage error",
      "3:internal error in kapsdk (a bug; please report it)"
    })
final class DemoCommand implements Callable<Integer> {
  static final String WARNING = "SIMULATED DATA, NOT MEDICAL ADVICE.";
  static final String NOTICE = WARNING + " A demo patient, demo clinic values no medical director reviewed,"
      + " scripted readings and scores.";

  /** The files {@code --out} writes, in this order. */
  static final String COURSE_FILE = "course.yaml";
  static final String PLAN_FILE = "plan.yaml";
  static final String TIMELINE_FILE = "timeline.html";
  static final List<String> FILES = List.of(COURSE_FILE, PLAN_FILE, TIMELINE_FILE, DemoCourse.PROFILE_FILE);

  @Option(names = "--json", description = "Print one JSON document on stdout instead of text.")
  boolean json;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Also write the course record (" + COURSE_FILE + ", readable by 'kapsdk status'), the plan ("
          + PLAN_FILE + "), the course timeline (" + TIMELINE_FILE + ") and the clinic profile the course file"
          + " names, into DIR (created if missing; files of the same names are replaced).")
  @Nullable Path out;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Result result = DemoCourse.run();
    if (out != null) {
      Optional<String> problem = AtomicFiles.writeAll(out, files(result));
      if (problem.isPresent()) {
        return ProblemOutput.badInput(stdout, err, json, "demo",
            List.of(new FileProblem("--out", Problem.at("", out + ": " + problem.get()))));
      }
    }
    if (json) {
      JsonOutput.print(stdout, toJson(result, out));
    } else {
      stdout.print(toText(result, out));
      stdout.flush();
    }
    return ExitCodes.OK;
  }

  // ----------------------------------------------------------------------------------- files

  /**
   * The files of {@code --out}, by name. The course file names the built-in protocol by id and the
   * clinic profile as a file beside it, so that {@code kapsdk status DIR/course.yaml} and
   * {@code kapsdk timeline DIR/course.yaml} read it as any course file; the protocol is not
   * copied, so the course keeps running on the shipped built-in.
   */
  static Map<String, String> files(Result result) {
    CourseDocument document = CourseDocument.of(DemoCourse.PROTOCOL.id(), DemoCourse.PROFILE_FILE, result.record());
    Map<String, String> files = new LinkedHashMap<>();
    files.put(COURSE_FILE, CourseFiles.write(document, DocumentFormat.YAML));
    files.put(PLAN_FILE, PlanFiles.write(result.plan(), DocumentFormat.YAML));
    files.put(TIMELINE_FILE, TimelineHtml.forCourse(result.template(), TimelineHtml.coursePlan(result.template(), result.record()),
        result.record(), result.endOfInduction().at()));
    files.put(DemoCourse.PROFILE_FILE, result.profileText());
    return files;
  }

  // ------------------------------------------------------------------------------------ text

  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ROOT);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

  private static String local(Instant at) {
    return LOCAL.format(at.atZone(DemoCourse.ZONE));
  }

  private static String time(Instant at) {
    return TIME.format(at.atZone(DemoCourse.ZONE));
  }

  static String toText(Result r, @Nullable Path out) {
    StringBuilder t = new StringBuilder();
    t.append("kapsdk demo: one simulated esketamine course, from eligibility to the end of induction\n");
    t.append(WARNING).append(" A demo patient, demo clinic values no medical director reviewed.\n");
    t.append("Every verdict, due date and outcome below comes from the kapsdk engines; the demo scripts only the\n"
        + "readings, scores, doses and times (fixed clock, no randomness).\n\n");
    List<String[]> head = new ArrayList<>();
    head.add(row("protocol", r.template().id() + " " + r.template().version() + " (built-in): " + r.template().title()));
    head.add(row("profile", r.profile().clinic() + " (demo values): " + parameters(r)));
    head.add(row("patient", r.patient().patientId() + " (opaque id), age " + r.patient().ageYears().map(String::valueOf)
        .orElse("unknown")));
    head.add(row("course", DemoCourse.COURSE_ID + ", from " + DemoCourse.START + ", clinic zone " + DemoCourse.ZONE
        + ", closed " + DemoCourse.CLOSED.stream().map(d -> d.name().substring(0, 3)).collect(Collectors.joining(", "))));
    head.add(row("times", "clinic local time (" + DemoCourse.ZONE + ")"));
    table(t, null, head);

    section(t, "1. Screening and eligibility");
    List<String[]> screening = new ArrayList<>();
    for (Score s : r.scores()) {
      if (s.sessionId().startsWith("screening/")) {
        screening.add(row(local(s.at()), s.sessionId(), s.result().instrument().displayName(),
            s.result().effectiveTotal().map(String::valueOf).orElse("-")));
      }
    }
    table(t, row("time", "session", "scale", "total"), screening);
    t.append('\n');
    verdictSummary(t, r.eligibility());

    section(t, "2. The plan (screening and induction)");
    List<String[]> plan = new ArrayList<>();
    long later = 0;
    for (PlannedItem i : r.plan().sessions()) {
      if (i.phaseId().equals("screening") || i.phaseId().equals("induction")) {
        plan.add(row(i.id(), i.target().toString() + " " + i.target().getDayOfWeek().name().substring(0, 3),
            i.earliest() + " .. " + i.latest()));
      } else {
        later++;
      }
    }
    table(t, row("session", "date", "window"), plan);
    t.append("  (").append(later).append(" maintenance sessions follow, planned up to ").append(r.plan().horizonEnd())
        .append("; ./kapsdk demo --out DIR writes the whole plan)\n");

    section(t, "3. Induction sessions");
    List<String[]> sessions = new ArrayList<>();
    for (Visit v : r.visits()) {
      sessions.add(row(String.valueOf(v.number()), v.planned().target().toString(), v.dose().toString(),
          bp(v, "pre-dose"), outcomes(v, "pre-dose"), bp(v, "40 min") + " " + spo2(v), outcomes(v, "during"),
          bp(v, "120 min"), outcomes(v, "discharge"),
          java.time.Duration.between(v.firstDevice(), v.monitoringEnded()).toMinutes() + " min"));
    }
    table(t, row("#", "date", "dose", "BP pre-dose", "PRE_DOSE", "BP, SpO2 40 min", "DURING_SESSION", "BP 120 min",
        "DISCHARGE", "monitored"), sessions);
    t.append("  # n is session induction/induction-dose/n, started at " + time(r.visits().get(0).start()) + ". BP in mmHg (systolic/diastolic); minutes\n"
        + "  from the first device; monitored until discharge. A -> B: checked again after a refusal.\n");

    Visit blocked = r.visits().get(DemoCourse.BLOCKED_VISIT - 1);
    section(t, "4. A blocked pre-dose check: " + blocked.planned().id());
    for (Check c : blocked.checks()) {
      if (c.label().startsWith("pre-dose")) {
        t.append('\n');
        verdictDetail(t, c, false);
      }
    }

    Visit early = r.visits().get(DemoCourse.EARLY_DISCHARGE_VISIT - 1);
    section(t, "5. Discharge refused before 2 h, allowed after: " + early.planned().id());
    t.append("  first device at ").append(local(early.firstDevice())).append('\n');
    for (Check c : early.checks()) {
      if (c.label().startsWith("discharge")) {
        t.append('\n');
        verdictDetail(t, c, true);
      }
    }

    section(t, "6. Integration steps: the REMS Patient Monitoring Form (due within 7 days of each session)");
    List<String[]> forms = new ArrayList<>();
    for (Visit v : r.visits()) {
      DemoCourse.FormStep f = v.form();
      forms.add(row(f.sessionId(), f.stepId(), local(f.dueFrom()), local(f.dueBy()), local(f.doneAt()),
          f.doneAt().isAfter(f.dueBy()) ? "late" : "on time"));
    }
    table(t, row("session", "step", "due from", "due by", "submitted", ""), forms);

    section(t, "7. Scores and the end-of-induction decision");
    t.append("  Baseline: the latest score at or before the first dose; change is from the baseline.\n\n");
    for (OutcomeSeries s : r.endOfInduction().outcomes()) {
      t.append("  ").append(s.instrument().displayName()).append(" (baseline ")
          .append(s.baseline().map(p -> p.total() + " on " + local(p.at())).orElse("none")).append(")\n");
      List<String[]> points = new ArrayList<>();
      for (ScorePoint p : s.points()) {
        points.add(row(local(p.at()), sessionOf(r, p), String.valueOf(p.total()), p.band().map(b -> b.label()).orElse(""),
            percent(p.percentChange())));
      }
      table(t, row("time", "session", "total", "band", "change"), points);
      t.append("    response:  ").append(s.response()).append(" (").append(s.responseReason()).append(")\n");
      t.append("    remission: ").append(s.remission()).append(" (").append(s.remissionReason()).append(")\n\n");
    }
    if (r.endOfInduction().decisions().isEmpty()) {
      t.append("  decision: none surfaced\n");
    }
    for (DecisionItem d : r.endOfInduction().decisions()) {
      t.append("  decision (").append(d.phaseId()).append(", a recommendation; the clinician decides): ")
          .append(d.status()).append(" on ").append(d.instrument().displayName()).append(": ")
          .append(d.recommendation()).append('\n');
      t.append("    ").append(d.reason()).append('\n');
      t.append("    evidence: ").append(String.join(", ", d.evidence())).append('\n');
    }

    CourseView v = r.endOfInduction();
    section(t, "8. Where the course stands at " + local(v.at()));
    List<String[]> status = new ArrayList<>();
    status.add(row("status", v.status() + ", phase " + v.phaseId()));
    status.add(row("doses", v.cumulativeDose().get(LimitPeriod.COURSE) + " in the course"));
    status.add(row("events", r.record().version() + " recorded, each checked by the course record on append"));
    status.add(row("overdue", v.overdue().isEmpty() ? "nothing" : v.overdue().stream().map(DueItem::id)
        .collect(Collectors.joining(", "))));
    status.add(row("next due", v.nextDue().isEmpty() ? "nothing" : v.nextDue().get(0).id() + " from "
        + local(v.nextDue().get(0).dueFrom()).substring(0, 10)));
    table(t, null, status);
    if (out != null) {
      t.append('\n').append("Written to ").append(out).append(": ").append(String.join(", ", FILES)).append('\n')
          .append("  try: ./kapsdk status ").append(out.resolve(COURSE_FILE)).append(" --at ").append(v.at()).append('\n');
    }
    return t.toString();
  }

  private static String parameters(Result r) {
    return r.profile().values().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(", "));
  }

  private static String sessionOf(Result r, ScorePoint p) {
    return r.scores().stream().filter(s -> s.at().equals(p.at()) && s.result().instrument() == p.instrument())
        .map(Score::sessionId).findFirst().orElse("");
  }

  private static String bp(Visit v, String label) {
    List<Reading> readings = v.readings().stream().filter(x -> x.label().equals(label)
        && x.observation().value().unit().symbol().equals("mmHg")).toList();
    return readings.stream().map(x -> x.observation().value().value().toPlainString()).collect(Collectors.joining("/"));
  }

  private static String spo2(Visit v) {
    return v.readings().stream().filter(x -> x.label().equals("40 min") && x.observation().value().unit().symbol().equals("%"))
        .map(x -> x.observation().value().toString()).collect(Collectors.joining("/"));
  }

  /** The outcomes of a visit's checks of one kind, in order: {@code BLOCKED -> PROCEED}. */
  private static String outcomes(Visit v, String prefix) {
    return v.checks().stream().filter(c -> c.label().startsWith(prefix)).map(c -> c.verdict().outcome().name())
        .collect(Collectors.joining(" -> "));
  }

  private static void section(StringBuilder t, String title) {
    t.append('\n').append(title).append('\n');
  }

  private static void verdictSummary(StringBuilder t, Check c) {
    Verdict v = c.verdict();
    t.append("  ").append(v.gate()).append(' ').append(v.outcome()).append(" at ").append(local(v.at())).append(": ")
        .append(CheckCommand.summary(v)).append('\n');
    for (Finding f : CheckCommand.attentionOrder(v.findings())) {
      if (f.outcome() != Outcome.PASS && f.outcome() != Outcome.NOT_APPLICABLE) {
        t.append("    ").append(f.outcome()).append(' ').append(f.ruleId()).append(": ")
            .append(Texts.oneLine(f.message())).append('\n');
      }
    }
  }

  /** A verdict with every finding that is not a plain pass explained: rule, value, threshold, source. */
  private static void verdictDetail(StringBuilder t, Check c, boolean withPasses) {
    Verdict v = c.verdict();
    t.append("  ").append(time(v.at())).append("  ").append(v.gate()).append(" (").append(c.label()).append("): ")
        .append(v.outcome()).append("  [").append(CheckCommand.summary(v)).append("]\n");
    for (Finding f : CheckCommand.attentionOrder(v.findings())) {
      boolean interesting = f.outcome() != Outcome.PASS && f.outcome() != Outcome.NOT_APPLICABLE;
      if (!interesting && !(withPasses && f.ruleId().startsWith("DISCHARGE-MIN"))) {
        continue;
      }
      List<String[]> rows = new ArrayList<>();
      rows.add(row("rule", f.ruleId() + " (" + f.severity() + (f.rule().map(x -> x.overridable()).orElse(false)
          ? ", overridable" : ", not overridable") + ")"));
      rows.add(row("outcome", f.outcome() + (f.isBlocking() ? ": blocks the verdict"
          : f.outcome() == Outcome.OVERRIDDEN ? " (evaluated " + f.evaluatedOutcome() + ")" : "")));
      rows.add(row("value", f.factsUsed().isEmpty() ? "-" : facts(f.factsUsed())));
      rows.add(row("threshold", Texts.oneLine(f.threshold())));
      rows.add(row("message", Texts.oneLine(f.message())));
      if (!f.missingFacts().isEmpty()) {
        rows.add(row("missing", Texts.oneLine(String.join("; ", f.missingFacts()))));
      }
      for (Evidence e : f.evidence()) {
        rows.add(row("source", e.key() + ": " + Texts.oneLine(e.citation())));
      }
      f.override().ifPresent(o -> rows.add(row("override", override(o))));
      table(t, null, rows, "    ");
    }
  }

  private static String facts(List<FactUse> used) {
    return used.stream().distinct().map(u -> Texts.oneLine(u.label() + " " + u.value()
        + u.at().map(a -> " at " + time(a)).orElse(""))).collect(Collectors.joining(", "));
  }

  private static String override(ClinicianOverride o) {
    return "by " + o.clinicianId() + " (" + o.role() + ") at " + time(o.at()) + ": " + Texts.oneLine(o.reason());
  }

  private static String percent(Optional<BigDecimal> p) {
    return p.map(v -> (v.signum() > 0 ? "+" : "") + v.toPlainString() + "%").orElse("");
  }

  private static String[] row(String... cells) {
    return cells;
  }

  private static void table(StringBuilder t, String @Nullable [] header, List<String[]> rows) {
    table(t, header, rows, "  ");
  }

  /** Aligned columns, two spaces apart; no trailing blanks. */
  private static void table(StringBuilder t, String @Nullable [] header, List<String[]> rows, String indent) {
    List<String[]> all = new ArrayList<>();
    if (header != null) {
      all.add(header);
    }
    all.addAll(rows);
    if (all.isEmpty()) {
      return;
    }
    int columns = all.get(0).length;
    int[] widths = new int[columns];
    for (String[] row : all) {
      for (int i = 0; i < columns; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : all) {
      StringBuilder line = new StringBuilder(indent);
      for (int i = 0; i < columns; i++) {
        line.append(i == columns - 1 ? row[i] : Texts.pad(row[i], widths[i] + 2));
      }
      t.append(line.toString().stripTrailing()).append('\n');
    }
  }

  // ------------------------------------------------------------------------------------ JSON

  static ObjectNode toJson(Result r, @Nullable Path out) {
    ObjectNode doc = JsonOutput.object();
    ObjectNode d = doc.putObject("demo");
    d.put("notice", NOTICE);
    ObjectNode protocol = d.putObject("protocol");
    protocol.put("id", r.template().id());
    protocol.put("version", r.template().version());
    protocol.put("title", r.template().title());
    ObjectNode profile = d.putObject("profile");
    profile.put("clinic", r.profile().clinic());
    ObjectNode values = profile.putObject("values");
    r.profile().values().forEach((k, v) -> values.put(k, v));
    d.put("patientId", r.patient().patientId());
    ObjectNode course = d.putObject("course");
    course.put("id", DemoCourse.COURSE_ID);
    course.put("start", DemoCourse.START.toString());
    course.put("zone", DemoCourse.ZONE.toString());
    ArrayNode closed = course.putArray("closedWeekdays");
    DemoCourse.CLOSED.forEach(day -> closed.add(day.name()));
    course.put("events", r.record().version());

    d.set("eligibility", verdict(r.eligibility()));
    ArrayNode plan = d.putArray("plan");
    for (PlannedItem i : r.plan().sessions()) {
      ObjectNode n = plan.addObject();
      n.put("session", i.id());
      n.put("phase", i.phaseId());
      n.put("date", i.target().toString());
      n.put("earliest", i.earliest().toString());
      n.put("latest", i.latest().toString());
    }
    ArrayNode sessions = d.putArray("sessions");
    for (Visit v : r.visits()) {
      ObjectNode n = sessions.addObject();
      n.put("session", v.planned().id());
      n.put("start", v.start().toString());
      n.put("dose", v.dose().toString());
      n.put("firstDevice", v.firstDevice().toString());
      n.put("monitoringEnded", v.monitoringEnded().toString());
      ArrayNode readings = n.putArray("readings");
      for (Reading x : v.readings()) {
        ObjectNode o = readings.addObject();
        o.put("at", x.at().toString());
        o.put("when", x.label());
        o.put("code", x.observation().code().code());
        o.put("display", x.observation().code().display().orElse(""));
        o.put("value", x.observation().value().toString());
      }
      ArrayNode checks = n.putArray("checks");
      v.checks().forEach(c -> checks.add(verdict(c)));
      v.override().ifPresentOrElse(o -> n.set("override", overrideJson(o)), () -> n.putNull("override"));
      ObjectNode form = n.putObject("remsForm");
      form.put("step", v.form().stepId());
      form.put("title", v.form().title());
      form.put("dueFrom", v.form().dueFrom().toString());
      form.put("dueBy", v.form().dueBy().toString());
      form.put("submittedAt", v.form().doneAt().toString());
    }
    ArrayNode scores = d.putArray("scores");
    for (Score s : r.scores()) {
      ObjectNode n = scores.addObject();
      n.put("at", s.at().toString());
      n.put("session", s.sessionId());
      n.put("instrument", s.result().instrument().name());
      ArrayNode items = n.putArray("items");
      s.result().items().forEach(items::add);
      s.result().effectiveTotal().ifPresentOrElse(x -> n.put("total", x), () -> n.putNull("total"));
    }
    CourseView view = r.endOfInduction();
    ObjectNode end = d.putObject("endOfInduction");
    end.put("at", view.at().toString());
    end.put("status", view.status().name());
    end.put("phase", view.phaseId());
    end.put("courseDose", view.cumulativeDose().get(LimitPeriod.COURSE).toString());
    ArrayNode outcomes = end.putArray("outcomes");
    for (OutcomeSeries s : view.outcomes()) {
      ObjectNode n = outcomes.addObject();
      n.put("instrument", s.instrument().name());
      s.baseline().ifPresentOrElse(p -> n.put("baseline", p.total()), () -> n.putNull("baseline"));
      s.latest().ifPresentOrElse(p -> n.put("latest", p.total()), () -> n.putNull("latest"));
      s.percentChange().ifPresentOrElse(p -> n.put("percentChange", p), () -> n.putNull("percentChange"));
      n.put("response", s.response().name());
      n.put("responseReason", s.responseReason());
      n.put("remission", s.remission().name());
      n.put("remissionReason", s.remissionReason());
      ArrayNode points = n.putArray("points");
      for (ScorePoint p : s.points()) {
        ObjectNode o = points.addObject();
        o.put("at", p.at().toString());
        o.put("total", p.total());
        p.band().ifPresentOrElse(b -> o.put("band", b.label()), () -> o.putNull("band"));
        p.percentChange().ifPresentOrElse(x -> o.put("percentChange", x), () -> o.putNull("percentChange"));
      }
    }
    ArrayNode decisions = end.putArray("decisions");
    for (DecisionItem x : view.decisions()) {
      ObjectNode n = decisions.addObject();
      n.put("phase", x.phaseId());
      n.put("instrument", x.instrument().name());
      n.put("status", x.status().name());
      n.put("recommendation", x.recommendation());
      n.put("reason", x.reason());
      x.nextPhase().ifPresentOrElse(p -> n.put("nextPhase", p), () -> n.putNull("nextPhase"));
      ArrayNode evidence = n.putArray("evidence");
      x.evidence().forEach(evidence::add);
    }
    ArrayNode overdue = end.putArray("overdue");
    view.overdue().forEach(i -> overdue.add(i.id()));
    ArrayNode next = end.putArray("nextDue");
    view.nextDue().forEach(i -> next.add(i.id()));
    if (out != null) {
      ObjectNode written = d.putObject("written");
      written.put("folder", out.toString());
      ArrayNode files = written.putArray("files");
      FILES.forEach(files::add);
    } else {
      d.putNull("written");
    }
    doc.putArray("problems");
    return doc;
  }

  private static ObjectNode verdict(Check c) {
    Verdict v = c.verdict();
    ObjectNode n = JsonOutput.object();
    n.put("check", c.label());
    n.put("gate", v.gate().name());
    n.put("at", v.at().toString());
    n.put("outcome", v.outcome().name());
    ArrayNode blocking = n.putArray("blockedBy");
    v.blockingFindings().forEach(f -> blocking.add(f.ruleId()));
    ArrayNode findings = n.putArray("findings");
    ArrayNode passed = JsonOutput.array();
    for (Finding f : v.findings()) {
      if (f.outcome() == Outcome.PASS || f.outcome() == Outcome.NOT_APPLICABLE) {
        passed.add(f.ruleId());
        continue;
      }
      ObjectNode o = findings.addObject();
      o.put("rule", f.ruleId());
      o.put("severity", f.severity().name());
      o.put("outcome", f.outcome().name());
      o.put("evaluatedOutcome", f.evaluatedOutcome().name());
      o.put("blocking", f.isBlocking());
      o.put("overridable", f.rule().map(x -> x.overridable()).orElse(false));
      o.put("message", f.message());
      o.put("threshold", f.threshold());
      ArrayNode used = o.putArray("factsUsed");
      for (FactUse u : f.factsUsed()) {
        ObjectNode x = used.addObject();
        x.put("label", u.label());
        x.put("value", u.value());
        u.at().ifPresentOrElse(a -> x.put("at", a.toString()), () -> x.putNull("at"));
      }
      ArrayNode missing = o.putArray("missing");
      f.missingFacts().forEach(missing::add);
      ArrayNode evidence = o.putArray("evidence");
      for (Evidence e : f.evidence()) {
        ObjectNode x = evidence.addObject();
        x.put("key", e.key());
        x.put("citation", e.citation());
      }
      f.override().ifPresentOrElse(x -> o.set("override", overrideJson(x)), () -> o.putNull("override"));
    }
    n.set("passedOrNotApplicable", passed);
    return n;
  }

  private static ObjectNode overrideJson(ClinicianOverride o) {
    ObjectNode n = JsonOutput.object();
    n.put("rule", o.ruleId());
    n.put("clinician", o.clinicianId());
    n.put("role", o.role());
    n.put("reason", o.reason());
    n.put("at", o.at().toString());
    n.put("session", o.session().orElse(null));
    return n;
  }
}
