package org.kapsdk.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.kapsdk.core.scenario.ScenarioRunner;
import org.kapsdk.core.scenario.SuiteResult;

class ScenarioSmokeTest {
  @Test
  void runs() {
    SuiteResult r = ScenarioRunner.create().run(Path.of("src/test/resources/gate/probe-scenarios.yaml"));
    assertThat(r.results()).extracting(x -> x.name() + " " + x.passed()).containsExactly(
        "normal BP proceeds true", "high BP blocks true", "no BP reading blocks true", "too much blocks true",
        "deliberately wrong expectation false");
    assertThat(r.results().get(4).mismatches()).containsExactly("verdict: expected BLOCKED, got PROCEED");
    assertThat(r.coverage().uncoveredBlockRules()).containsOnlyKeys("dose#maxPerSession");
  }
}
