package org.kapsdk.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.kapsdk.core.io.Locations;
import org.kapsdk.core.io.ProtocolFiles;
import org.kapsdk.core.lint.LintFinding;
import org.kapsdk.core.lint.LintReport;
import org.kapsdk.core.lint.LintSeverity;
import org.kapsdk.core.lint.Linter;
import org.kapsdk.core.model.ProtocolTemplate;
import org.kapsdk.core.validation.Problem;
import org.kapsdk.core.validation.SourceLocation;
import org.kapsdk.core.validation.ValidationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kapsdk lint FILE…}: the clinical-safety lint of protocol template files.
 *
 * <p>Every file is read strictly (as {@code validate} reads it) and, when valid, linted. As
 * text, stdout gets for each file one summary line and then one line per finding, in the
 * report's order:
 *
 * <pre>
 * CLEAN FILE  ID VERSION
 * FINDINGS FILE  N errors, N warnings, N infos
 * FILE:LINE:COL: SEVERITY ID: path: message (fix: …)
 * INVALID FILE  N problems
 * </pre>
 *
 * and stderr gets the problems of an invalid file as {@code validate} prints them. With {@code
 * --json}, stdout gets one JSON document and stderr nothing. Exit 0 when no file has an ERROR
 * finding, 1 when one has, 2 when a file could not be read or is not a valid template (bad input
 * wins over findings).
 */
@Command(
    name = "lint",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Checks protocol template files (.yaml, .yml, .json) for clinical-safety problems: a dosing"
          + " session without monitoring, an interval no calendar can keep, a cumulative limit"
          + " below one induction, and the other rules listed in cli/README.md.",
      "Prints a summary line per file and one line per finding as"
          + " FILE:LINE:COL: SEVERITY ID: path: message (fix: ...) on stdout."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:no ERROR finding (warnings and infos may remain)",
      "1:an ERROR finding in a file",
      "2:a file is missing, unreadable, malformed or not a valid template, or a usage error",
      "3:internal error in kapsdk (a bug; please report it)"
    })
final class LintCommand implements Callable<Integer> {

  @Parameters(
      paramLabel = "FILE_OR_ID",
      arity = "1..*",
      description = "Template files or built-in protocol ids (kapsdk list) to lint; all of them are checked.")
  List<String> files = new ArrayList<>();

  @Option(
      names = "--json",
      description = "Print one JSON document on stdout instead of text lines.")
  boolean json;

  @Mixin ProfileOption profileOption = new ProfileOption();

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    boolean invalid = false;
    boolean errors = false;
    ArrayNode results = JsonOutput.array();
    for (String file : files) {
      Result result = lint(file, profileOption.file());
      invalid |= result instanceof Invalid;
      errors |= result instanceof Linted l && l.report().hasErrors();
      if (json) {
        results.add(result.toJson());
      } else {
        result.print(out, err);
      }
    }
    int exit = invalid ? ExitCodes.BAD_INPUT : errors ? ExitCodes.FAILED : ExitCodes.OK;
    if (json) {
      ObjectNode document = JsonOutput.object();
      document.put("passed", exit == ExitCodes.OK);
      document.set("files", results);
      JsonOutput.print(out, document);
    }
    return exit;
  }

  private static Result lint(String file, @Nullable Path profile) {
    ProtocolArgument argument;
    ProtocolTemplate template;
    try {
      argument = ProtocolArgument.of(file);
    } catch (ValidationException e) {
      return new Invalid(file, e.problems());
    }
    try {
      template = argument.read(profile);
    } catch (ValidationException e) {
      return new Invalid(argument.name(), e.problems());
    }
    LintReport report = Linter.lint(template);
    List<SourceLocation> locations = argument.locate(report.findings().stream().map(LintFinding::path).toList());
    return new Linted(argument.name(), template, report, locations);
  }

  /** What linting one file gave. */
  private sealed interface Result permits Linted, Invalid {
    void print(PrintWriter out, PrintWriter err);

    ObjectNode toJson();
  }

  private record Linted(String file, ProtocolTemplate template, LintReport report, List<SourceLocation> locations)
      implements Result {
    @Override
    public void print(PrintWriter out, PrintWriter err) {
      if (report.isClean()) {
        out.println("CLEAN " + file + "  " + template.id() + " " + template.version());
      } else {
        out.println("FINDINGS " + file + "  " + count(report.count(LintSeverity.ERROR), "error") + ", "
            + count(report.count(LintSeverity.WARNING), "warning") + ", " + count(report.count(LintSeverity.INFO), "info"));
        for (int i = 0; i < report.findings().size(); i++) {
          out.println(line(locations.get(i), report.findings().get(i)));
        }
      }
      out.flush();
    }

    @Override
    public ObjectNode toJson() {
      ObjectNode node = JsonOutput.object();
      node.put("file", file);
      node.put("valid", true);
      node.put("id", template.id());
      node.put("version", template.version());
      node.put("errors", report.count(LintSeverity.ERROR));
      node.put("warnings", report.count(LintSeverity.WARNING));
      node.put("infos", report.count(LintSeverity.INFO));
      ArrayNode findings = node.putArray("findings");
      for (int i = 0; i < report.findings().size(); i++) {
        LintFinding f = report.findings().get(i);
        SourceLocation at = locations.get(i);
        ObjectNode item = findings.addObject();
        item.put("file", at.source());
        item.put("line", at.line());
        item.put("column", at.column());
        item.put("severity", f.severity().name());
        item.put("id", f.id());
        item.put("path", f.path());
        item.put("message", f.message());
        item.put("fix", f.fix());
      }
      return node;
    }
  }

  private record Invalid(String file, List<Problem> problems) implements Result {
    @Override
    public void print(PrintWriter out, PrintWriter err) {
      out.println("INVALID " + file + "  " + count(problems.size(), "problem"));
      out.flush();
      ProblemOutput.print(err, file, problems);
    }

    @Override
    public ObjectNode toJson() {
      ObjectNode node = JsonOutput.object();
      node.put("file", file);
      node.put("valid", false);
      node.set("problems", ProblemOutput.json(file, problems));
      return node;
    }
  }

  /** {@code FILE:LINE:COL: SEVERITY ID: path: message (fix: …)}, or {@code FILE: …} for the whole file. */
  static String line(SourceLocation at, LintFinding finding) {
    return at + ": " + finding.describe();
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
