package org.kapsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.kapsdk.core.scenario.Coverage;
import org.kapsdk.core.scenario.ScenarioResult;
import org.kapsdk.core.scenario.ScenarioRunner;
import org.kapsdk.core.scenario.SuiteResult;
import org.kapsdk.testing.ScenarioTests;

/**
 * The sample template's scenario suite ({@code examples/scenarios/}): every scenario as a test,
 * and every BLOCK rule of the template shown to FAIL and to be UNKNOWN somewhere in the suite.
 * Paths are relative to the {@code examples} module directory, Maven's working directory here.
 */
class SampleScenariosTest {
  private static final Path SCENARIOS = Path.of("scenarios");

  @TestFactory
  Stream<DynamicNode> sampleScenarios() {
    return ScenarioTests.of(SCENARIOS).requireBlockRuleCoverage().dynamicTests();
  }

  @Test
  void everyFile_runAndMerged_everyScenarioPassesAndEveryBlockRuleIsCovered() throws IOException {
    List<SuiteResult> suites = scenarioFiles().stream().map(ScenarioRunner.create()::run).toList();

    assertThat(suites).extracting(s -> Path.of(s.source()).getFileName().toString())
        .containsExactly("course.yaml", "discharge.yaml", "during-session.yaml", "eligibility.yaml", "pre-dose.yaml");
    assertThat(suites).allSatisfy(s -> assertThat(s.protocolId()).isEqualTo("esketamine-trd-sample"));
    assertThat(suites.stream().flatMap(s -> s.results().stream()).filter(r -> !r.passed())
        .map(r -> r.name() + ": " + r.mismatches()))
        .isEmpty();
    Coverage coverage = Coverage.merge(suites.stream().map(SuiteResult::coverage).toList());
    assertThat(coverage.uncoveredBlockRules()).isEmpty();
    assertThat(coverage.rules()).hasSize(30);
  }

  @Test
  void sampleSuite_mergedCoverage_everyRuleExercisedAndOverriddenAndPassSeen() throws IOException {
    List<SuiteResult> suites = scenarioFiles().stream().map(ScenarioRunner.create()::run).toList();
    Coverage coverage = Coverage.merge(suites.stream().map(SuiteResult::coverage).toList());

    assertThat(coverage.rules().keySet()).allSatisfy(id -> assertThat(coverage.outcomes(id)).as(id).isNotEmpty());
    assertThat(coverage.rules().keySet()).filteredOn(id -> coverage.outcomes(id).contains(
        org.kapsdk.core.gate.Outcome.OVERRIDDEN))
        .contains("CSSRS-SEVERE-RISK", "DISCHARGE-BP-FALLING-OR-STABLE", "BP-PRE-ELEVATED", "WARN-PREGNANCY");
    assertThat(suites.stream().flatMap(s -> s.results().stream()).filter(r -> r.rejection().isPresent())
        .map(ScenarioResult::name))
        .hasSizeGreaterThanOrEqualTo(5);
  }

  private static List<Path> scenarioFiles() throws IOException {
    try (Stream<Path> files = Files.list(SCENARIOS)) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }
}
