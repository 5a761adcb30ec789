package org.kapsdk.testing;


import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.kapsdk.core.gate.ConditionExtensions;
import org.kapsdk.core.gate.Outcome;
import org.kapsdk.core.io.DocumentFormat;
import org.kapsdk.core.io.ProtocolCatalog;
import org.kapsdk.core.model.ProtocolTemplate;
import org.kapsdk.core.scenario.Coverage;
import org.kapsdk.core.scenario.ScenarioResult;
import org.kapsdk.core.scenario.ScenarioRunner;
import org.kapsdk.core.scenario.SuiteResult;
import org.kapsdk.core.validation.ValidationException;

/**
 * Scenario files as JUnit 5 dynamic tests: one container per file, one test per scenario, whose
 * failure message lists expected against actual for every rule that differed.
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicNode> safetyScenarios() {
 *   return ScenarioTests.of(Path.of("scenarios")).requireBlockRuleCoverage().dynamicTests();
 * }
 * }</pre>
 */
public final class ScenarioTests {
  private final List<Path> paths;
  private final ProtocolCatalog builtIns;
  private final ConditionExtensions extensions;
  private final boolean requireCoverage;
  private final Optional<Path> profile;

  private ScenarioTests(List<Path> paths, ProtocolCatalog builtIns,
      ConditionExtensions extensions, boolean requireCoverage, Optional<Path> profile) {
    this.paths = List.copyOf(paths);
    this.builtIns = builtIns;
    this.extensions = extensions;
    this.requireCoverage = requireCoverage;
    this.profile = profile;
  }

  /**
   * The scenario files at these paths; a directory stands for every {@code .yaml}, {@code .yml}
   * and {@code .json} file below it, in name order.
   */
  public static ScenarioTests of(Path... paths) {
    return new ScenarioTests(List.of(paths), ProtocolCatalog.none(), ConditionExtensions.fromServiceLoader(), false,
        Optional.empty());
  }

  /** Also resolve protocol ids to these templates, already resolved (a file's profile is refused for them). */
  public ScenarioTests withBuiltIns(Function<String, Optional<ProtocolTemplate>> lookup) {
    return new ScenarioTests(paths, ProtocolCatalog.ofTemplates(lookup), extensions, requireCoverage, profile);
  }

  /**
   * Also resolve protocol ids through this catalog, with the clinic profile each file names, for
   * example {@code ScenarioTests.of(dir).withCatalog(BuiltInProtocol.catalog())}.
   */
  public ScenarioTests withCatalog(ProtocolCatalog catalog) {
    return new ScenarioTests(paths, catalog, extensions, requireCoverage, profile);
  }

  /** Evaluate extension conditions with these extensions instead of the service-loaded ones. */
  public ScenarioTests withExtensions(ConditionExtensions newExtensions) {
    return new ScenarioTests(paths, builtIns, newExtensions, requireCoverage, profile);
  }

  /**
   * Add, per protocol, a test that fails when a BLOCK rule lacks a FAIL or an UNKNOWN scenario in
   * all the files that test that protocol taken together.
   */
  public ScenarioTests requireBlockRuleCoverage() {
    return new ScenarioTests(paths, builtIns, extensions, true, profile);
  }

  /**
   * Resolve every file's protocol with this clinic profile file instead of the profile the file
   * names ({@code profile:}): how a clinic runs a shared suite against its own values.
   */
  public ScenarioTests withProfile(Path profileFile) {
    return new ScenarioTests(paths, builtIns, extensions, requireCoverage, Optional.of(profileFile));
  }

  /**
   * The dynamic tests; a file that cannot be read becomes one failing test naming every problem,
   * and a directory without scenario files one failing test saying so. With
   * {@link #requireBlockRuleCoverage()}, one more test per protocol, after the files, merges the
   * coverage of every file that tests it, so a suite may spread its scenarios over several files.
   */
  public Stream<DynamicNode> dynamicTests() {
    ScenarioRunner created = ScenarioRunner.create(builtIns, extensions);
    ScenarioRunner runner = profile.map(created::withProfile).orElse(created);
    List<DynamicNode> nodes = new ArrayList<>();
    Map<String, List<SuiteResult>> byProtocol = new LinkedHashMap<>();
    for (Path p : paths) {
      List<Path> files = files(p);
      if (files.isEmpty()) {
        String message = "no scenario files (.yaml, .yml, .json) under " + p;
        nodes.add(DynamicTest.dynamicTest(p.toString(), p.toUri(), () -> {
          throw new AssertionError(message);
        }));
      }
      for (Path file : files) {
        nodes.add(container(runner, file, byProtocol));
      }
    }
    if (requireCoverage) {
      byProtocol.forEach((protocolId, suites) -> nodes.add(coverageTest(protocolId, suites)));
    }
    return nodes.stream();
  }

  private static DynamicNode container(ScenarioRunner runner, Path file, Map<String, List<SuiteResult>> byProtocol) {
    SuiteResult suite;
    try {
      suite = runner.run(file);
    } catch (ValidationException e) {
      String message = "cannot run " + file + ":\n" + e.getMessage();
      return DynamicTest.dynamicTest(file.toString(), file.toUri(), () -> {
        throw new AssertionError(message);
      });
    }
    byProtocol.computeIfAbsent(suite.protocolId(), id -> new ArrayList<>()).add(suite);
    List<DynamicNode> tests = new ArrayList<>();
    for (ScenarioResult r : suite.results()) {
      tests.add(DynamicTest.dynamicTest(r.name(), file.toUri(), () -> {
        if (!r.passed()) {
          throw new AssertionError("scenario '" + r.name() + "' in " + file + ":\n  "
              + String.join("\n  ", r.mismatches()));
        }
      }));
    }
    return DynamicContainer.dynamicContainer(file.getFileName().toString(), file.toUri(), tests.stream());
  }

  private static DynamicNode coverageTest(String protocolId, List<SuiteResult> suites) {
    Coverage coverage = Coverage.merge(suites.stream().map(SuiteResult::coverage).toList());
    String files = suites.stream().map(SuiteResult::source).collect(Collectors.joining(", "));
    return DynamicTest.dynamicTest("BLOCK rule coverage of " + protocolId, () -> {
      var gaps = coverage.uncoveredBlockRules();
      if (!gaps.isEmpty()) {
        throw new AssertionError(gaps.entrySet().stream()
            .map(e -> "BLOCK rule " + e.getKey() + " lacks a scenario with "
                + e.getValue().stream().map(Outcome::name).collect(Collectors.joining(" and ")))
            .collect(Collectors.joining("\n", "uncovered rules in " + files + ":\n", "")));
      }
    });
  }

  private static List<Path> files(Path p) {
    List<Path> out = new ArrayList<>();
    if (Files.isDirectory(p)) {
      try (Stream<Path> walk = Files.walk(p)) {
        walk.filter(Files::isRegularFile).filter(ScenarioTests::isDocument).sorted().forEach(out::add);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + p, e);
      }
    } else {
      out.add(p);
    }
    return out;
  }

  private static boolean isDocument(Path p) {
    return DocumentFormat.fromName(p.getFileName().toString()).isPresent();
  }
}
