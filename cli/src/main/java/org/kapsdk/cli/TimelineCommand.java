package org.kapsdk.cli;


import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.kapsdk.cli.ProblemOutput.FileProblem;
import org.kapsdk.cli.timeline.TimelineHtml;
import org.kapsdk.core.course.CourseEvent;
import org.kapsdk.core.course.CourseRecord;
import org.kapsdk.core.course.CourseRules;
import org.kapsdk.core.io.CourseDocument;
import org.kapsdk.core.io.CourseFiles;
import org.kapsdk.core.io.DocumentFormat;
import org.kapsdk.core.io.Locations;
import org.kapsdk.core.model.ProtocolTemplate;
import org.kapsdk.core.plan.ClinicCalendar;
import org.kapsdk.core.plan.CoursePlan;
import org.kapsdk.core.plan.CoursePlanner;
import org.kapsdk.core.validation.Problem;
import org.kapsdk.core.validation.ValidationException;
import org.kapsdk.protocols.BuiltInProtocol;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kapsdk timeline PROTOCOL_OR_COURSE --out FILE.html}: the plan of a template, or a course
 * against its plan, as one self-contained HTML page ({@link TimelineHtml}). The argument is a
 * course when its document has a top-level {@code events} list (a course document); anything else
 * is read as a template, exactly as {@code plan} reads it. The page is written to a temporary file
 * beside the target and moved over it, so the target is either the old file or the whole new one.
 */
@Command(
    name = "timeline",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Draws a template's plan, or a course against its plan, as one self-contained HTML file"
          + " (inline SVG, no script, nothing loaded from the network): phases, sessions with their"
          + " windows, integration steps, assessments; for a course also what was held, the safety"
          + " gate outcomes and the score trend with response and remission lines.",
      "A file whose document has a top-level 'events' list is a course (as 'status' reads it);"
          + " anything else is a template (as 'plan' reads it, with --start and the calendar options)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the page was written",
      "2:bad input: a missing or invalid template or course, an event the template refuses, a bad"
          + " option value, a plan no calendar day fits, or an --out that cannot be written (nothing"
          + " is written then)",
      "3:internal error in kapsdk (a bug; please report it)"
    })
final class TimelineCommand implements Callable<Integer> {

  @Parameters(
      index = "0",
      paramLabel = "PROTOCOL_OR_COURSE",
      description = "A protocol template file or built-in protocol id (kapsdk list), or a course file (.yaml, .yml, .json).")
  Path input = Path.of("");

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "The HTML file to write (replaced if it exists).")
  Path out = Path.of("");

  @Option(names = "--start", paramLabel = "DATE", description = "Template only, required: the course's first day, ISO-8601 (2026-01-05).")
  @Nullable String start;

  // Template only: a course is drawn on its own start date and calendar.
  @Mixin CalendarOptions calendarOptions = new CalendarOptions();

  @Option(
      names = "--at",
      paramLabel = "INSTANT",
      description = "Course only: the instant to draw the course at, ISO-8601 (2026-01-21T15:00:00Z)."
          + " Default: the last event recorded, so the same file always gives the same page.")
  @Nullable String at;

  @Mixin ProfileOption profileOption = new ProfileOption();

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<FileProblem> problems = new ArrayList<>();
    checkOut(problems);
    Page page = isCourse(input) ? course(problems) : plan(problems);
    if (page == null || !problems.isEmpty()) {
      return ProblemOutput.badInput(stdout, err, false, "timeline", problems);
    }
    try {
      // A page holds course data: a new file is readable by its owner only, a replaced one keeps its permissions.
      AtomicFiles.write(out, page.html());
    } catch (IOException e) {
      problems.add(new FileProblem(out.toString(), Problem.at("", "cannot write the file: " + reason(e))));
      return ProblemOutput.badInput(stdout, err, false, "timeline", problems);
    }
    stdout.println("wrote " + out + ": " + page.summary());
    stdout.flush();
    return ExitCodes.OK;
  }

  private record Page(String html, String summary) {}

  // ------------------------------------------------------------------------------------ plan

  private @Nullable Page plan(List<FileProblem> problems) {
    if (at != null) {
      problems.add(option("--at", "applies to a course file; " + input + " is read as a template"));
    }
    ProtocolTemplate template = null;
    ProtocolArgument argument = null;
    try {
      argument = ProtocolArgument.of(input.toString());
      template = argument.read(profileOption.file());
    } catch (ValidationException e) {
      e.problems().forEach(p -> problems.add(new FileProblem(input.toString(), p)));
    }
    LocalDate startDate = null;
    if (start == null) {
      problems.add(option("--start", "is required for a template: the course's first day, such as 2026-01-05"));
    } else {
      startDate = CalendarOptions.date("--start", start, problems);
    }
    ClinicCalendar calendar = calendarOptions.calendar(problems);
    if (!problems.isEmpty()) {
      return null;
    }
    try {
      CoursePlan plan = CoursePlanner.plan(template, startDate, calendar, calendarOptions.planOptions());
      return new Page(TimelineHtml.forPlan(template, plan),
          "plan of " + template.id() + " " + template.version() + " from " + startDate);
    } catch (ValidationException e) {
      ProtocolArgument read = argument;
      read.place(e.problems()).forEach(p -> problems.add(new FileProblem(read.name(), p)));
      return null;
    }
  }

  // ---------------------------------------------------------------------------------- course

  private @Nullable Page course(List<FileProblem> problems) {
    String templateOnly = "applies to a template; a course is drawn on its own start date and calendar";
    if (start != null) {
      problems.add(option("--start", templateOnly));
    }
    calendarOptions.given().forEach(name -> problems.add(option(name, templateOnly)));
    Instant instant = null;
    if (at != null) {
      try {
        instant = Instant.parse(at.strip());
      } catch (DateTimeParseException e) {
        problems.add(option("--at", "'" + Texts.oneLine(at) + "' is not an ISO-8601 instant such as 2026-01-21T15:00:00Z"));
      }
    }
    CourseDocument document = null;
    try {
      document = CourseFiles.read(input);
    } catch (ValidationException e) {
      e.problems().forEach(p -> problems.add(new FileProblem(input.toString(), p)));
    }
    ProtocolTemplate template = null;
    if (document != null) {
      Path profile = profileOption.file();
      try {
        template = profile == null
            ? CourseFiles.resolveProtocol(input, document, BuiltInProtocol.catalog())
            : CourseFiles.resolveProtocol(input, document, profile, BuiltInProtocol.catalog());
      } catch (ValidationException e) {
        StatusCommand.protocolProblems(input, profile, document, e.problems())
            .forEach(p -> problems.add(new FileProblem(input.toString(), p)));
      }
    }
    if (!problems.isEmpty()) {
      return null;
    }
    try {
      CourseRules rules = CourseRules.compile(template);
      CourseRecord record = CourseRecord.validated(rules, document.record().courseId(), document.record().events());
      if (instant == null) {
        instant = record.events().stream().map(CourseEvent::at).max(Instant::compareTo).orElse(null);
      }
      if (instant == null) {
        problems.add(new FileProblem(input.toString(), Problem.at("events", "the course has no events to draw")));
        return null;
      }
      Instant asOf = instant;
      if (record.events().stream().noneMatch(e -> !e.at().isAfter(asOf))) {
        problems.add(option("--at", asOf + " is before the course's first event; nothing had happened yet"));
        return null;
      }
      CoursePlan plan = TimelineHtml.coursePlan(template, record);
      return new Page(TimelineHtml.forCourse(template, plan, record, asOf),
          "course " + record.courseId() + " on " + template.id() + " " + template.version() + " as of " + asOf);
    } catch (ValidationException e) {
      Locations.inFile(input, e.problems()).forEach(p -> problems.add(new FileProblem(input.toString(), p)));
      return null;
    }
  }

  // ------------------------------------------------------------------------------------- files

  /**
   * Whether the file is a course document: a YAML or JSON mapping with a top-level {@code events}
   * key. Only the top level is read, so a broken file is left to the template reader, whose
   * messages name the line and column; a template has no {@code events} field.
   */
  static boolean isCourse(Path file) {
    Optional<DocumentFormat> format = DocumentFormat.fromName(file.getFileName() == null ? "" : file.getFileName().toString());
    if (format.isEmpty()) {
      return false;
    }
    JsonFactory factory = format.get() == DocumentFormat.YAML ? new YAMLFactory() : new JsonFactory();
    if (!Files.isRegularFile(file)) {
      return false;
    }
    try (InputStream in = Files.newInputStream(file); JsonParser parser = factory.createParser(in)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return false;
      }
      for (JsonToken t = parser.nextToken(); t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
        if ("events".equals(parser.currentName())) {
          return true;
        }
        parser.nextToken();
        parser.skipChildren();
      }
      return false;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private void checkOut(List<FileProblem> problems) {
    Path target = out.toAbsolutePath();
    Path dir = target.getParent();
    if (Files.isDirectory(target)) {
      problems.add(option("--out", out + " is a directory; give the HTML file to write"));
    } else if (dir == null || !Files.isDirectory(dir)) {
      problems.add(option("--out", "the directory of " + out + " does not exist"));
    }
  }

  private static String reason(IOException e) {
    String type = e.getClass().getSimpleName().replace("Exception", "");
    return e.getMessage() == null ? type : type + " " + Texts.oneLine(e.getMessage());
  }

  private static FileProblem option(String name, String message) {
    return CalendarOptions.option(name, message);
  }
}
