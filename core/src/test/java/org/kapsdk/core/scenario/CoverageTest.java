package org.kapsdk.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kapsdk.core.gate.Outcome;
import org.kapsdk.core.model.Severity;

class CoverageTest {
  private static final Path DIR = Path.of("src/test/resources/scenario");

  private static Coverage of(String file) {
    return ScenarioRunner.create().run(DIR.resolve(file)).coverage();
  }

  @Test
  void coverage_oneFile_countsEvaluatedOutcomesPlusOverridden() {
    Coverage c = of("suite.yaml");

    assertThat(c.protocolId()).isEqualTo("kit");
    assertThat(c.rules()).containsExactly(Map.entry("ENROLLED", Severity.BLOCK), Map.entry("AGE-YOUNG", Severity.WARN),
        Map.entry("BP-PRE", Severity.BLOCK), Map.entry("dose#maxPerSession", Severity.BLOCK));
    // The overridden scenario counts as FAIL (what the rule found) and as OVERRIDDEN.
    assertThat(c.outcomes("BP-PRE")).containsExactlyInAnyOrder(Outcome.PASS, Outcome.FAIL, Outcome.UNKNOWN, Outcome.OVERRIDDEN);
    assertThat(c.outcomes("dose#maxPerSession")).containsExactly(Outcome.PASS);
    assertThat(c.outcomes("NO-SUCH-RULE")).isEmpty();
  }

  @Test
  void coverage_rejectedRequests_countNothing() {
    // "rejected as expected" plans 112 mg, which would FAIL the limit, but the gate refused it.
    assertThat(of("suite.yaml").outcomes("dose#maxPerSession")).doesNotContain(Outcome.FAIL);
  }

  @Test
  void uncoveredBlockRules_oneFile_listsWhatEachBlockRuleLacks() {
    assertThat(of("suite.yaml").uncoveredBlockRules()).containsExactly(
        Map.entry("ENROLLED", List.of(Outcome.UNKNOWN)),
        Map.entry("dose#maxPerSession", List.of(Outcome.FAIL, Outcome.UNKNOWN)));
  }

  @Test
  void unreachable_attestationWithoutTimeBound_cannotFailSoFailIsNeverLacking() {
    Coverage c = of("second.yaml");

    assertThat(c.unreachable("ENROLLED")).containsExactly(Outcome.FAIL);
    assertThat(c.unreachable("BP-PRE")).isEmpty();
    assertThat(c.uncoveredBlockRules()).containsExactly(Map.entry("BP-PRE", List.of(Outcome.FAIL)));
  }

  @Test
  void merge_twoFilesOfOneProtocol_unionOfOutcomesCoversEveryBlockRule() {
    Coverage merged = Coverage.merge(List.of(of("suite.yaml"), of("second.yaml")));

    assertThat(merged.uncoveredBlockRules()).isEmpty();
    assertThat(merged.outcomes("dose#maxPerSession")).containsExactlyInAnyOrder(Outcome.PASS, Outcome.FAIL, Outcome.UNKNOWN);
    assertThat(merged.outcomes("ENROLLED")).containsExactlyInAnyOrder(Outcome.PASS, Outcome.UNKNOWN);
    assertThat(merged.unreachable("ENROLLED")).containsExactly(Outcome.FAIL);
  }

  @Test
  void merge_differentProtocols_isRefused() {
    Coverage kit = of("suite.yaml");
    Coverage other = new Coverage("other", Map.of("R", Severity.BLOCK), Map.of(), Map.of());

    assertThatThrownBy(() -> Coverage.merge(List.of(kit, other)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot merge coverage of 'other' into 'kit'");
  }

  @Test
  void merge_nothing_isRefused() {
    assertThatThrownBy(() -> Coverage.merge(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("nothing to merge");
  }

  @Test
  void toText_gaps_tableThenOneLinePerGapThenUnreachableOutcomes() {
    assertThat(of("suite.yaml").toText()).isEqualTo(
        "rule                sev    PASS FAIL UNKNOWN OVERRIDDEN\n"
            + "ENROLLED            BLOCK  x    n/a  -       -\n"
            + "AGE-YOUNG           WARN   x    x    -       -\n"
            + "BP-PRE              BLOCK  x    x    x       x\n"
            + "dose#maxPerSession  BLOCK  x    -    -       -\n"
            + "BLOCK rule ENROLLED lacks a scenario with UNKNOWN\n"
            + "BLOCK rule dose#maxPerSession lacks a scenario with FAIL and UNKNOWN\n"
            + "BLOCK rule ENROLLED never evaluates to FAIL (its condition cannot), so no scenario needs to show it\n");
  }

  @Test
  void toText_everythingCovered_saysSo() {
    Coverage c = new Coverage("p", Map.of("R1", Severity.BLOCK),
        Map.of("R1", Set.of(Outcome.FAIL, Outcome.UNKNOWN)), Map.of());

    assertThat(c.toText()).isEqualTo(
        "rule  sev    PASS FAIL UNKNOWN OVERRIDDEN\n"
            + "R1    BLOCK  -    x    x       -\n"
            + "every BLOCK rule has a FAIL and an UNKNOWN scenario\n");
  }

  @Test
  void uncoveredBlockRules_warnAndInfoRulesWithoutScenarios_areNeverListed() {
    Coverage c = new Coverage("p", Map.of("W", Severity.WARN, "I", Severity.INFO), Map.of(), Map.of());

    assertThat(c.uncoveredBlockRules()).isEmpty();
    assertThat(c.outcomes("W")).isEmpty();
  }
}
