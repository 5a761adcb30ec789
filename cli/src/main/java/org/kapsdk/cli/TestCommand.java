package org.kapsdk.cli;


import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.kapsdk.core.gate.Outcome;
import org.kapsdk.core.gate.Verdict;
import org.kapsdk.core.io.DocumentFormat;
import org.kapsdk.core.model.Severity;
import org.kapsdk.core.scenario.Coverage;
import org.kapsdk.core.scenario.ScenarioResult;
import org.kapsdk.core.scenario.ScenarioRunner;
import org.kapsdk.core.scenario.SuiteResult;
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
 * {@code kapsdk test FILE_OR_DIR…}: runs scenario files against the safety gate.
 *
 * <p>A directory stands for every {@code .yaml}, {@code .yml} and {@code .json} file below it,
 * in sorted order. As text, stdout gets one line per file and one per scenario, each failure
 * followed by its mismatches, then with {@code --coverage} the coverage table of each protocol
 * (files of the same protocol merged), and last the line {@code N passed, N failed}. Every
 * problem of a malformed file goes to stderr as {@code FILE:LINE:COL: path: message}. With
 * {@code --json}, stdout gets one JSON document with results and coverage.
 *
 * <p>Exit 0 when every scenario passed (and, with {@code --fail-on-uncovered}, every BLOCK rule
 * has a FAIL and an UNKNOWN scenario), 1 when a scenario failed or such a rule lacks one, 2 when a
 * file is malformed or missing (this wins over 1).
 */
@Command(
    name = "test",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Runs scenario files (.yaml, .yml, .json; a directory stands for every such file below it)"
          + " against the safety gate and reports each scenario as PASS or FAIL.",
      "Malformed files are reported as FILE:LINE:COL: path: message on stderr."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every scenario passed (and coverage is complete, with --fail-on-uncovered)",
      "1:a scenario failed, or with --fail-on-uncovered a BLOCK rule lacks a FAIL or an UNKNOWN"
          + " scenario",
      "2:a file is missing or malformed, or a usage error",
      "3:internal error in kapsdk (a bug; please report it)"
    })
final class TestCommand implements Callable<Integer> {
  /** How far mismatch lines are indented: under the scenario name after {@code "  FAIL "}. */
  private static final String MISMATCH_INDENT = "       ";

  @Parameters(
      paramLabel = "FILE_OR_DIR",
      arity = "1..*",
      description = "Scenario files, or directories searched for .yaml, .yml and .json files.")
  List<Path> paths = new ArrayList<>();

  @Option(
      names = "--coverage",
      description = "Print, per protocol, which outcomes the scenarios exercised for each rule.")
  boolean coverage;

  @Option(
      names = "--fail-on-uncovered",
      description = "Exit 1 when a BLOCK rule lacks a scenario that makes it FAIL or one that"
          + " makes it UNKNOWN.")
  boolean failOnUncovered;

  @Mixin ExtensionOption extensionOption = new ExtensionOption();

  @Mixin ProfileOption profileOption = new ProfileOption();

  @Option(names = "--json", description = "Print one JSON document on stdout instead of text.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ExtensionOption.Loaded extensions = extensionOption.load();

    List<FileRun> runs = new ArrayList<>();
    if (extensions.problems().isEmpty()) {
      ScenarioRunner runner = ScenarioRunner.create(BuiltInProtocol.catalog(), extensions.extensions());
      Path profile = profileOption.file();
      if (profile != null) {
        runner = runner.withProfile(profile);
      }
      for (Path path : paths) {
        for (Path file : expand(path, runs)) {
          runs.add(run(runner, file));
        }
      }
    } else {
      // Running without the host's extensions would report their rules as failing scenarios,
      // pointing the tester at the protocol instead of at the mistyped option.
      extensions.problems().forEach(
          p -> runs.add(new FileRun(p.file(), null, List.of(p.problem()))));
    }
    Map<String, Coverage> coverages = mergedCoverage(runs);

    int passed = 0;
    int failed = 0;
    boolean malformed = false;
    for (FileRun run : runs) {
      if (run.suite() == null) {
        malformed = true;
        continue;
      }
      for (ScenarioResult r : run.suite().results()) {
        if (r.passed()) {
          passed++;
        } else {
          failed++;
        }
      }
    }
    boolean gaps = coverages.values().stream().anyMatch(c -> !c.uncoveredBlockRules().isEmpty());

    if (json) {
      JsonOutput.print(out, toJson(runs, coverages, passed, failed, gaps));
    } else {
      printText(out, err, runs, coverages, passed, failed);
    }
    if (malformed) {
      return ExitCodes.BAD_INPUT;
    }
    return failed > 0 || (failOnUncovered && gaps) ? ExitCodes.FAILED : ExitCodes.OK;
  }

  // ------------------------------------------------------------------------------------- runs

  /** One file's run: the suite result, or the problems that kept it from running. */
  private record FileRun(String file, @Nullable SuiteResult suite, List<Problem> problems) {}

  private static FileRun run(ScenarioRunner runner, Path file) {
    try {
      return new FileRun(file.toString(), runner.run(file), List.of());
    } catch (ValidationException e) {
      return new FileRun(file.toString(), null, e.problems());
    }
  }

  /**
   * The files a path stands for: itself, or for a directory every {@code .yaml}, {@code .yml}
   * and {@code .json} file below it, sorted by path. A directory without any is recorded as a
   * problem run.
   */
  private static List<Path> expand(Path path, List<FileRun> runs) {
    if (!Files.isDirectory(path)) {
      return List.of(path);
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(path)) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(TestCommand::isDocument)
              .sorted()
              .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + path, e);
    }
    if (files.isEmpty()) {
      runs.add(
          new FileRun(
              path.toString(),
              null,
              List.of(Problem.at("", "directory holds no .yaml, .yml or .json files"))));
    }
    return files;
  }

  private static boolean isDocument(Path file) {
    return DocumentFormat.fromName(file.getFileName().toString()).isPresent();
  }

  /** Each protocol's coverage, files of the same protocol merged, in order of first appearance. */
  private static Map<String, Coverage> mergedCoverage(List<FileRun> runs) {
    Map<String, List<Coverage>> byProtocol = new LinkedHashMap<>();
    for (FileRun run : runs) {
      if (run.suite() != null) {
        byProtocol.computeIfAbsent(run.suite().protocolId(), id -> new ArrayList<>())
            .add(run.suite().coverage());
      }
    }
    Map<String, Coverage> merged = new LinkedHashMap<>();
    byProtocol.forEach((id, reports) -> merged.put(id, Coverage.merge(reports)));
    return merged;
  }

  // ------------------------------------------------------------------------------------- text

  private void printText(
      PrintWriter out,
      PrintWriter err,
      List<FileRun> runs,
      Map<String, Coverage> coverages,
      int passed,
      int failed) {
    int malformed = 0;
    for (FileRun run : runs) {
      SuiteResult suite = run.suite();
      if (suite == null) {
        malformed++;
        out.println("ERROR " + run.file() + "  " + Texts.count(run.problems().size(), "problem"));
        out.flush();
        ProblemOutput.print(err, run.file(), run.problems());
        continue;
      }
      int failures = (int) suite.results().stream().filter(r -> !r.passed()).count();
      int total = suite.results().size();
      out.println(
          (failures == 0 ? "PASS " : "FAIL ") + run.file() + "  protocol " + suite.protocolId()
              + ": " + (failures == 0
                  ? Texts.count(total, "scenario") + " passed"
                  : failures + " of " + Texts.count(total, "scenario") + " failed"));
      for (ScenarioResult r : suite.results()) {
        out.println((r.passed() ? "  PASS " : "  FAIL ") + Texts.oneLine(r.name()));
        for (String mismatch : r.mismatches()) {
          out.println(MISMATCH_INDENT + Texts.oneLine(mismatch));
        }
      }
    }
    if (coverage) {
      coverages.forEach(
          (id, c) -> {
            out.println();
            out.println("Coverage of protocol " + id + ":");
            // One line each, without the table's trailing padding, with \n line ends everywhere.
            c.toText().lines().forEach(line -> out.println(line.stripTrailing()));
          });
    } else if (failOnUncovered) {
      coverages.forEach(
          (id, c) ->
              c.uncoveredBlockRules().forEach(
                  (rule, lacking) ->
                      out.println(
                          "UNCOVERED protocol " + id + ": BLOCK rule " + rule
                              + " lacks a scenario with "
                              + String.join(" and ", lacking.stream().map(Enum::name).toList()))));
    }
    out.println(passed + " passed, " + failed + " failed");
    if (malformed > 0) {
      out.println(Texts.count(malformed, "file") + " could not be run; see the problems on stderr");
    }
    out.flush();
  }

  // ------------------------------------------------------------------------------------- JSON

  private ObjectNode toJson(
      List<FileRun> runs, Map<String, Coverage> coverages, int passed, int failed, boolean gaps) {
    ObjectNode document = JsonOutput.object();
    boolean malformed = runs.stream().anyMatch(r -> r.suite() == null);
    document.put("passed", !malformed && failed == 0 && !(failOnUncovered && gaps));
    document.put("scenariosPassed", passed);
    document.put("scenariosFailed", failed);
    document.put("filesWithProblems", (int) runs.stream().filter(r -> r.suite() == null).count());
    document.put("failOnUncovered", failOnUncovered);
    ArrayNode files = document.putArray("files");
    for (FileRun run : runs) {
      ObjectNode node = files.addObject();
      node.put("file", run.file());
      SuiteResult suite = run.suite();
      if (suite == null) {
        node.put("status", "ERROR");
        node.putNull("protocol");
        node.putArray("scenarios");
        node.set("problems", ProblemOutput.json(run.file(), run.problems()));
        continue;
      }
      node.put("status", suite.passed() ? "PASS" : "FAIL");
      node.put("protocol", suite.protocolId());
      ArrayNode scenarios = node.putArray("scenarios");
      for (ScenarioResult r : suite.results()) {
        ObjectNode scenario = scenarios.addObject();
        scenario.put("name", r.name());
        scenario.put("status", r.passed() ? "PASS" : "FAIL");
        scenario.put("verdict", r.verdict().map(Verdict::outcome).map(Enum::name).orElse(null));
        scenario.put("rejection", r.rejection().orElse(null));
        ArrayNode mismatches = scenario.putArray("mismatches");
        r.mismatches().forEach(mismatches::add);
      }
      node.putArray("problems");
    }
    ArrayNode coverageList = document.putArray("coverage");
    coverages.forEach((id, c) -> coverageList.add(coverageJson(id, c, runs)));
    return document;
  }

  private static ObjectNode coverageJson(String id, Coverage c, List<FileRun> runs) {
    ObjectNode node = JsonOutput.object();
    node.put("protocol", id);
    ArrayNode files = node.putArray("files");
    runs.stream()
        .filter(r -> r.suite() != null && r.suite().protocolId().equals(id))
        .forEach(r -> files.add(r.file()));
    Map<String, List<Outcome>> uncovered = c.uncoveredBlockRules();
    node.put("complete", uncovered.isEmpty());
    ArrayNode rules = node.putArray("rules");
    for (Map.Entry<String, Severity> rule : c.rules().entrySet()) {
      ObjectNode entry = rules.addObject();
      entry.put("id", rule.getKey());
      entry.put("severity", rule.getValue().name());
      ArrayNode outcomes = entry.putArray("outcomes");
      ArrayNode unreachable = entry.putArray("unreachable");
      for (Outcome o : Coverage.COUNTED.stream().sorted().toList()) {
        if (c.outcomes(rule.getKey()).contains(o)) {
          outcomes.add(o.name());
        }
        if (c.unreachable(rule.getKey()).contains(o)) {
          unreachable.add(o.name());
        }
      }
    }
    ArrayNode gaps = node.putArray("uncoveredBlockRules");
    uncovered.forEach(
        (rule, lacking) -> {
          ObjectNode entry = gaps.addObject();
          entry.put("id", rule);
          ArrayNode missing = entry.putArray("lacking");
          lacking.forEach(o -> missing.add(o.name()));
        });
    return node;
  }
}
