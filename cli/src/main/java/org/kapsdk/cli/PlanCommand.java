package org.kapsdk.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kapsdk.core.model.AssessmentSpec;
import org.kapsdk.core.model.IntegrationStep;
import org.kapsdk.core.model.Phase;
import org.kapsdk.core.model.ProtocolTemplate;
import org.kapsdk.core.model.SessionTemplate;
import org.kapsdk.core.plan.ClinicCalendar;
import org.kapsdk.core.plan.CoursePlan;
import org.kapsdk.core.plan.CoursePlanner;
import org.kapsdk.core.plan.ItemKind;
import org.kapsdk.core.plan.PlannedItem;
import org.kapsdk.core.validation.ValidationException;
import org.kapsdk.cli.ProblemOutput.FileProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kapsdk plan PROTOCOL --start DATE}: the concrete, deterministic schedule of a course,
 * as a table or as JSON. Each session row lists the assessments taken at it; integration steps
 * get rows of their own because their windows differ from the session's.
 */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Plans a course from a protocol template: every session with its target date and window,"
          + " every integration step with its due window, every assessment.",
      "The same input always gives the same plan and the same item ids."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the plan was made",
      "2:bad input: a missing or invalid template, a bad option value, or constraints that no"
          + " plan can meet on the clinic's calendar (each named with its dates)",
      "3:internal error in kapsdk (a bug; please report it)"
    })
final class PlanCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "FILE_OR_ID",
      description = "The protocol template file (.yaml, .yml, .json), or a built-in protocol id (kapsdk list).")
  String protocol = "";

  @Option(names = "--start", required = true, paramLabel = "DATE", description = "The course's first day, ISO-8601 (2026-01-05).")
  String start = "";

  @Mixin CalendarOptions calendarOptions = new CalendarOptions();

  @Mixin ProfileOption profileOption = new ProfileOption();

  @Option(names = "--json", description = "Print one JSON document on stdout instead of the table.")
  boolean json;

  @Spec CommandSpec spec;



  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<FileProblem> problems = new ArrayList<>();

    ProtocolTemplate template = null;
    ProtocolArgument argument = null;
    try {
      argument = ProtocolArgument.of(protocol);
      template = argument.read(profileOption.file());
    } catch (ValidationException e) {
      e.problems().forEach(p -> problems.add(new FileProblem(protocol, p)));
    }
    LocalDate startDate = CalendarOptions.date("--start", start, problems);
    ClinicCalendar calendar = calendarOptions.calendar(problems);

    CoursePlan plan = null;
    if (problems.isEmpty()) {
      try {
        plan = CoursePlanner.plan(template, startDate, calendar, calendarOptions.planOptions());
      } catch (ValidationException e) {
        ProtocolArgument read = argument;
        read.place(e.problems()).forEach(p -> problems.add(new FileProblem(read.name(), p)));
      }
    }

    if (plan == null) {
      return ProblemOutput.badInput(out, err, json, "plan", problems);
    }
    if (json) {
      JsonOutput.print(out, toJson(template, plan));
    } else {
      printTable(out, template, plan);
    }
    return ExitCodes.OK;
  }

  // ------------------------------------------------------------------------------------ input

  // ------------------------------------------------------------------------------------ output

  private static SessionTemplate sessionTemplate(ProtocolTemplate template, PlannedItem item) {
    return template.sessions().stream()
        .filter(s -> s.id().equals(item.sessionTemplateId())).findFirst().orElseThrow();
  }

  /** What the item is, in words: {@code Dosing session #3}, a step's title, an instrument's name. */
  private static String title(ProtocolTemplate template, PlannedItem item) {
    SessionTemplate session = sessionTemplate(template, item);
    return switch (item.kind()) {
      case SESSION -> session.title() + " #" + item.occurrence();
      case INTEGRATION_STEP -> {
        String stepId = item.stepId().orElseThrow();
        yield session.integrationSteps().stream()
            .filter(s -> s.id().equals(stepId)).findFirst().map(IntegrationStep::title).orElseThrow();
      }
      case ASSESSMENT -> item.instrument().orElseThrow().displayName();
    };
  }

  /**
   * The table's "what" column: the title, then for a session the assessments taken at it and the
   * date it was moved from, for a step whether it is optional.
   */
  private static String describe(ProtocolTemplate template, PlannedItem item) {
    StringBuilder what = new StringBuilder(title(template, item));
    if (item.kind() == ItemKind.INTEGRATION_STEP) {
      return Texts.oneLine(what.append(item.required() ? "" : " (optional)").toString());
    }
    String assessments = sessionTemplate(template, item).assessments().stream()
        .map(AssessmentSpec::instrument).map(i -> i.displayName()).collect(Collectors.joining(", "));
    if (!assessments.isEmpty()) {
      what.append("; assess ").append(assessments);
    }
    item.nominal().ifPresent(d -> what.append("; moved from ").append(d));
    return Texts.oneLine(what.toString());
  }

  /** {@code closed SAT, SUN and 2026-01-19, 2026-02-16}, or {@code open every day}. */
  private static String closures(ClinicCalendar cal) {
    List<String> parts = new ArrayList<>();
    if (!cal.closedWeekdays().isEmpty()) {
      parts.add(cal.closedWeekdays().stream().map(d -> d.name().substring(0, 3)).collect(Collectors.joining(", ")));
    }
    if (!cal.closedDates().isEmpty()) {
      parts.add(cal.closedDates().stream().map(LocalDate::toString).collect(Collectors.joining(", ")));
    }
    return parts.isEmpty() ? "open every day" : "closed " + String.join(" and ", parts);
  }

  /** The phases with a repeat that has neither weeks nor occurrences: planned up to the horizon only. */
  private static List<String> openEndedPhases(ProtocolTemplate template) {
    return template.phases().stream()
        .filter(p -> p.sessions().stream().anyMatch(s -> s.repeat()
            .filter(r -> r.weeks().isEmpty() && r.occurrences().isEmpty()).isPresent()))
        .map(Phase::id).toList();
  }

  /** What the plan leaves out because a phase is open-ended; empty when nothing is. */
  private static @Nullable String horizonNote(ProtocolTemplate template, CoursePlan plan) {
    List<String> openEnded = openEndedPhases(template);
    if (openEnded.isEmpty()) {
      return null;
    }
    long weeks = ChronoUnit.DAYS.between(plan.start(), plan.horizonEnd()) / 7;
    StringBuilder note = new StringBuilder("open-ended repeats (phase ")
        .append(String.join(", ", openEnded)).append(") are planned up to ").append(plan.horizonEnd().minusDays(1))
        .append(", ").append(Texts.count((int) weeks, "week")).append(" from the start (--horizon-weeks)");
    List<String> ids = template.phases().stream().map(Phase::id).toList();
    List<String> after = ids.subList(ids.indexOf(openEnded.get(0)) + 1, ids.size());
    if (!after.isEmpty()) {
      note.append("; not planned, as they follow an open-ended phase: ").append(String.join(", ", after));
    }
    return Texts.oneLine(note.toString());
  }

  private static void printTable(PrintWriter out, ProtocolTemplate template, CoursePlan plan) {
    ClinicCalendar cal = plan.calendar();
    out.println("Plan of " + plan.templateId() + " " + plan.templateVersion() + " from " + plan.start()
        + " (" + cal.zone().getId() + "; " + closures(cal) + ")");
    Map<ItemKind, Integer> counts = new LinkedHashMap<>();
    for (PlannedItem item : plan.items()) {
      counts.merge(item.kind(), 1, Integer::sum);
    }
    out.println(Texts.count(counts.getOrDefault(ItemKind.SESSION, 0), "session") + ", "
        + Texts.count(counts.getOrDefault(ItemKind.INTEGRATION_STEP, 0), "integration step") + ", "
        + Texts.count(counts.getOrDefault(ItemKind.ASSESSMENT, 0), "assessment"));
    String note = horizonNote(template, plan);
    if (note != null) {
      out.println(note);
    }
    out.println();

    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"date", "window", "phase", "id", "what"});
    for (PlannedItem item : plan.items()) {
      if (item.kind() == ItemKind.ASSESSMENT) {
        continue; // listed on its session's row
      }
      boolean step = item.kind() == ItemKind.INTEGRATION_STEP;
      // A session is booked on its date; a step (a form, a call) is due at any time in its window.
      String date = step ? "  step" : item.target().toString();
      String window = !step && item.earliest().equals(item.latest())
          ? "on the day"
          : item.earliest() + " .. " + item.latest();
      rows.add(new String[] {date, window, item.phaseId(), item.id(), describe(template, item)});
    }
    int[] widths = new int[4];
    for (String[] row : rows) {
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < widths.length; i++) {
        line.append(Texts.pad(row[i], widths[i] + 2));
      }
      line.append(row[4]);
      out.println(line.toString().stripTrailing());
    }
    out.flush();
  }

  private static ObjectNode toJson(ProtocolTemplate template, CoursePlan plan) {
    ObjectNode document = JsonOutput.object();
    ObjectNode p = document.putObject("plan");
    p.put("templateId", plan.templateId());
    p.put("templateVersion", plan.templateVersion());
    p.put("start", plan.start().toString());
    p.put("horizonEnd", plan.horizonEnd().toString());
    ObjectNode cal = p.putObject("calendar");
    cal.put("zone", plan.calendar().zone().getId());
    ArrayNode weekdays = cal.putArray("closedWeekdays");
    plan.calendar().closedWeekdays().forEach(d -> weekdays.add(d.name()));
    ArrayNode dates = cal.putArray("closedDates");
    plan.calendar().closedDates().forEach(d -> dates.add(d.toString()));
    ArrayNode items = p.putArray("items");
    for (PlannedItem item : plan.items()) {
      ObjectNode node = items.addObject();
      node.put("id", item.id());
      node.put("kind", item.kind().name());
      node.put("phase", item.phaseId());
      node.put("sessionTemplate", item.sessionTemplateId());
      node.put("sessionKind", item.sessionKind().name());
      node.put("occurrence", item.occurrence());
      node.put("session", item.sessionItemId().orElse(null));
      node.put("step", item.stepId().orElse(null));
      node.put("instrument", item.instrument().map(Enum::name).orElse(null));
      node.put("target", item.target().toString());
      node.put("earliest", item.earliest().toString());
      node.put("latest", item.latest().toString());
      node.put("nominal", item.nominal().map(LocalDate::toString).orElse(null));
      node.put("required", item.required());
      node.put("title", title(template, item));
    }
    document.putArray("problems");
    return document;
  }
}
