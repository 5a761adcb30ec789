package org.kapsdk.core.scenario;

import org.kapsdk.core.io.ProtocolCatalog;
import java.nio.file.Files;
import java.io.UncheckedIOException;
import java.io.IOException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.kapsdk.core.gate.ConditionExtensions;
import org.kapsdk.core.gate.VerdictOutcome;
import org.kapsdk.core.io.DocumentFormat;
import org.kapsdk.core.io.ProtocolFiles;
import org.kapsdk.core.model.ProtocolTemplate;
import org.kapsdk.core.validation.ValidationException;

class ScenarioRunnerTest {
  private static final Path DIR = Path.of("src/test/resources/scenario");
  private static final ProtocolTemplate KIT = ProtocolFiles.read(DIR.resolve("kit.yaml"));

  private static SuiteResult suite() {
    return ScenarioRunner.create().run(DIR.resolve("suite.yaml"));
  }

  private static ScenarioResult result(String name) {
    return suite().results().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void run_suite_reportsEachScenarioInFileOrderWithItsProtocol() {
    SuiteResult suite = suite();

    assertThat(suite.source()).isEqualTo("src/test/resources/scenario/suite.yaml");
    assertThat(suite.protocolId()).isEqualTo("kit");
    assertThat(suite.passed()).isFalse();
    assertThat(suite.results()).extracting(r -> r.name() + " " + r.passed()).containsExactly(
        "verdict and outcomes as expected true", "wrong verdict false", "wrong rule outcome false",
        "rule of another gate false", "session rule at a non-session gate false", "overridden as expected true",
        "rejected as expected true", "rejected with other words false", "expected a rejection that did not come false",
        "unexpected rejection false", "missing reading is unknown true", "eligibility at a later instant true");
  }

  @Test
  void run_expectedVerdictAndOutcomes_passWithNoMismatchAndKeepTheVerdict() {
    ScenarioResult r = result("verdict and outcomes as expected");

    assertThat(r.mismatches()).isEmpty();
    assertThat(r.verdict()).hasValueSatisfying(v -> assertThat(v.outcome()).isEqualTo(VerdictOutcome.PROCEED));
    assertThat(r.rejection()).isEmpty();
  }

  @Test
  void run_wrongVerdict_mismatchLineNamesExpectedAndActual() {
    assertThat(result("wrong verdict").mismatches()).containsExactly("verdict: expected PROCEED, got BLOCKED");
  }

  @Test
  void run_wrongRuleOutcome_mismatchLineNamesExpectedActualAndTheFinding() {
    assertThat(result("wrong rule outcome").mismatches())
        .containsExactly("rule BP-PRE: expected FAIL, got PASS (Passed: Systolic blood pressure 128 mmHg at 2026-03-02T09:55:00Z)");
  }

  @Test
  void run_ruleOfAnotherGate_mismatchSaysItIsNotEvaluatedForThisSession() {
    assertThat(result("rule of another gate").mismatches())
        .containsExactly("rule ENROLLED: expected PASS, but it is not evaluated at gate PRE_DOSE for this session");
  }

  @Test
  void run_sessionRuleAtNonSessionGate_mismatchNamesTheGateOnly() {
    assertThat(result("session rule at a non-session gate").mismatches())
        .containsExactly("rule BP-PRE: expected PASS, but it is not evaluated at gate ELIGIBILITY");
  }

  @Test
  void run_overriddenRule_matchesAnOverriddenExpectation() {
    ScenarioResult r = result("overridden as expected");

    assertThat(r.passed()).isTrue();
    assertThat(r.verdict().orElseThrow().outcome()).isEqualTo(VerdictOutcome.PROCEED_WITH_WARNINGS);
  }

  @Test
  void run_overrideOfNonOverridableRule_matchesTheRejectionExpectation() {
    ScenarioResult r = result("rejected as expected");

    assertThat(r.passed()).isTrue();
    assertThat(r.verdict()).isEmpty();
    assertThat(r.rejection()).contains("overrides[0].ruleId: rule 'dose#maxPerSession' is not overridable");
  }

  @Test
  void run_rejectionWithOtherText_mismatchQuotesTheRejection() {
    assertThat(result("rejected with other words").mismatches()).containsExactly(
        "expected a rejection containing 'is forbidden', got: overrides[0].ruleId: rule 'dose#maxPerSession' is not overridable");
  }

  @Test
  void run_expectedRejectionThatDidNotCome_mismatchNamesTheVerdictGiven() {
    assertThat(result("expected a rejection that did not come").mismatches()).containsExactly(
        "expected the request to be rejected with a message containing 'not overridable', but the gate answered PROCEED_WITH_WARNINGS");
  }

  @Test
  void run_unexpectedRejection_mismatchQuotesTheRejection() {
    ScenarioResult r = result("unexpected rejection");

    assertThat(r.mismatches()).containsExactly(
        "the gate rejected the request: overrides[0].ruleId: rule 'ENROLLED' is not evaluated at gate PRE_DOSE for this session");
    assertThat(r.verdict()).isEmpty();
  }

  @Test
  void run_scenarioAt_evaluatesAtThatInstantInsteadOfT0() {
    ScenarioResult r = result("eligibility at a later instant");

    assertThat(r.passed()).isTrue();
    assertThat(r.verdict().orElseThrow().at()).hasToString("2026-03-03T10:00:00Z");
    assertThat(result("missing reading is unknown").verdict().orElseThrow().at()).hasToString("2026-03-02T10:00:00Z");
  }

  @Test
  void run_everyValidationProblem_reportedAtOnceWithFileLineAndColumn() {
    assertThatThrownBy(() -> ScenarioRunner.create().run(DIR.resolve("invalid.yaml")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("8 problems:\n"
            + "  src/test/resources/scenario/invalid.yaml:6:5: fixtures.loop-a.extends: fixtures extend each other in a cycle: loop-a -> loop-b -> loop-a\n"
            + "  src/test/resources/scenario/invalid.yaml:10:5: fixtures.orphan.extends: no fixture named 'nowhere'; the file defines base, loop-a, loop-b, orphan\n"
            + "  src/test/resources/scenario/invalid.yaml:16:5: scenarios[1].name: duplicate scenario name 'same name'\n"
            + "  src/test/resources/scenario/invalid.yaml:19:5: scenarios[1].expect: must state a verdict, rule outcomes or a rejection\n"
            + "  src/test/resources/scenario/invalid.yaml:24:18: scenarios[2].expect.outcomes.NO-SUCH-RULE: protocol 'kit' has no rule 'NO-SUCH-RULE'\n"
            + "  src/test/resources/scenario/invalid.yaml:27:13: scenarios[3].facts.extends: no fixture named 'missing'; the file defines base, loop-a, loop-b, orphan\n"
            + "  src/test/resources/scenario/invalid.yaml:35:5: scenarios[5].facts.patientId: is required: set it in the facts or in the fixture they extend\n"
            + "  src/test/resources/scenario/invalid.yaml:40:32: scenarios[6].expect.rejected: a rejected request has no verdict or rule outcomes; "
            + "expect either a rejection or a verdict and outcomes");
  }

  @Test
  void run_inMemoryFile_problemsNameTheSourceWithoutLine() {
    ScenarioFile file = ScenarioFiles.read(String.join("\n",
        "protocol: kit.yaml",
        "scenarios:",
        "  - {name: twice, gate: ELIGIBILITY, facts: {patientId: p}, expect: {verdict: PROCEED}}",
        "  - {name: twice, gate: ELIGIBILITY, facts: {patientId: p}, expect: {verdict: PROCEED}}",
        ""), DocumentFormat.YAML, "mem");

    assertThatThrownBy(() -> ScenarioRunner.create().run("mem", file, KIT))
        .isInstanceOf(ValidationException.class)
        .hasMessage("mem: scenarios[1].name: duplicate scenario name 'twice'");
  }

  @Test
  void run_noScenarios_isAProblem() {
    ScenarioFile file = ScenarioFiles.read("protocol: kit.yaml\nscenarios: []\n", DocumentFormat.YAML, "empty");

    assertThatThrownBy(() -> ScenarioRunner.create().run("empty", file, KIT))
        .isInstanceOf(ValidationException.class)
        .hasMessage("empty: scenarios: must hold at least one scenario");
  }

  @Test
  void run_blankRejectionText_isAProblem() {
    ScenarioFile file = ScenarioFiles.read(
        "protocol: kit.yaml\nscenarios:\n  - {name: n, gate: ELIGIBILITY, facts: {patientId: p}, expect: {rejected: ' '}}\n",
        DocumentFormat.YAML, "blank");

    assertThatThrownBy(() -> ScenarioRunner.create().run("blank", file, KIT))
        .isInstanceOf(ValidationException.class)
        .hasMessage("blank: scenarios[0].expect.rejected: must name text the rejection contains");
  }

  @Test
  void run_invalidFactsInPatch_reportedUnderTheScenarioFacts() {
    ScenarioFile file = ScenarioFiles.read(
        "protocol: kit.yaml\nscenarios:\n  - {name: n, gate: ELIGIBILITY, facts: {patientId: p, ageYears: 200}, expect: {verdict: PROCEED}}\n",
        DocumentFormat.YAML, "age");

    assertThatThrownBy(() -> ScenarioRunner.create().run("age", file, KIT))
        .isInstanceOf(ValidationException.class)
        .hasMessage("age: scenarios[0].facts.ageYears: must be between 0 and 130");
  }

  @Test
  void run_protocolNeitherFileNorBuiltIn_pointsAtTheProtocolField() {
    assertThatThrownBy(() -> ScenarioRunner.create().run(DIR.resolve("builtin.yaml")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("src/test/resources/scenario/builtin.yaml:1:1: protocol: 'kit' is neither a template file "
            + "(.yaml, .yml, .json) nor a built-in protocol id");
  }

  @Test
  void run_builtInProtocolId_resolvedThroughTheLookup() {
    ScenarioRunner runner = ScenarioRunner.create(id -> id.equals("kit") ? Optional.of(KIT) : Optional.empty(),
        ConditionExtensions.none());

    SuiteResult suite = runner.run(DIR.resolve("builtin.yaml"));

    assertThat(suite.protocolId()).isEqualTo("kit");
    assertThat(suite.passed()).isTrue();
  }

  @Test
  void run_protocolFileMissing_namesThePathRelativeToTheScenarioFile() {
    assertThatThrownBy(() -> ScenarioRunner.create().run(DIR.resolve("missing-protocol.yaml")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("src/test/resources/templates-elsewhere/none.yaml: file not found");
  }

  /* ------------------------------------------------------------------ clinic profiles */

  @Test
  void run_fileNamingAProfile_resolvesTheProtocolWithIt() {
    SuiteResult suite = ScenarioRunner.create().run(DIR.resolve("with-profile.yaml"));

    assertThat(suite.protocolId()).isEqualTo("kit-parameterised");
    assertThat(suite.passed()).isTrue();
  }

  @Test
  void run_withProfile_replacesTheProfileTheFileNames() {
    SuiteResult suite = ScenarioRunner.create().withProfile(DIR.resolve("kit-profile-30.yaml")).run(DIR.resolve("with-profile.yaml"));

    assertThat(suite.passed()).isFalse();
    assertThat(suite.results().get(0).mismatches()).singleElement().asString()
        .startsWith("rule AGE-YOUNG: expected PASS, got FAIL");
  }

  @Test
  void run_parameterisedProtocolWithoutProfile_listsTheParameterToSet() {
    assertThatThrownBy(() -> ScenarioRunner.create().run(DIR.resolve("without-profile.yaml")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("src/test/resources/scenario/kit-parameterised.yaml:42:5: parameters[0]: required parameter"
            + " 'young-age' is not set; set it in a clinic profile (kapsdk --profile FILE); it is used at line 40");
  }

  @Test
  void run_resolvedProtocolWithAProfile_isRefusedRatherThanIgnoringTheProfile() {
    ScenarioRunner runner = ScenarioRunner.create(id -> id.equals("kit") ? Optional.of(KIT) : Optional.empty(),
        ConditionExtensions.none()).withProfile(DIR.resolve("kit-profile.yaml"));

    assertThatThrownBy(() -> runner.run(DIR.resolve("builtin.yaml")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("src/test/resources/scenario/builtin.yaml:1:1: profile: protocol 'kit' is already resolved;"
            + " a clinic profile cannot be applied to it");
  }

  /* ------------------------------------------------------------------ protocol catalogs */

  private static ProtocolCatalog kitCatalog() {
    return ProtocolCatalog.ofTexts(id -> {
      if (!id.equals("kit-parameterised")) {
        return Optional.empty();
      }
      try {
        return Optional.of(Files.readString(DIR.resolve("kit-parameterised.yaml")));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  @Test
  void run_catalogIdWithTheFilesProfile_resolvesTheProtocolWithIt() {
    SuiteResult suite = ScenarioRunner.create(kitCatalog(), ConditionExtensions.none()).run(DIR.resolve("catalog-with-profile.yaml"));

    assertThat(suite.protocolId()).isEqualTo("kit-parameterised");
    assertThat(suite.passed()).isTrue();
  }

  @Test
  void run_catalogIdWithAnotherProfile_usesThatProfilesValues() {
    SuiteResult suite = ScenarioRunner.create(kitCatalog(), ConditionExtensions.none())
        .withProfile(DIR.resolve("kit-profile-30.yaml")).run(DIR.resolve("catalog-with-profile.yaml"));

    assertThat(suite.passed()).isFalse();
  }

  @Test
  void run_catalogIdWithoutAProfile_isRefusedNamingTheUnsetParameterInTheCatalogDocument() {
    ScenarioRunner runner = ScenarioRunner.create(kitCatalog(), ConditionExtensions.none());

    assertThatThrownBy(() -> runner.run(DIR.resolve("catalog-without-profile.yaml")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("builtin:kit-parameterised:42:5: parameters[0]: required parameter 'young-age' is not set");
  }

  @Test
  void run_idTheCatalogLacks_isRefusedNamingTheId() {
    ScenarioRunner runner = ScenarioRunner.create(kitCatalog(), ConditionExtensions.none());

    assertThatThrownBy(() -> runner.run(DIR.resolve("builtin.yaml")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("protocol: 'kit' is neither a template file (.yaml, .yml, .json) nor a built-in protocol id");
  }
}
