package org.kapsdk.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.kapsdk.core.facts.PregnancyStatus;
import org.kapsdk.core.gate.Outcome;
import org.kapsdk.core.gate.VerdictOutcome;
import org.kapsdk.core.io.DocumentFormat;
import org.kapsdk.core.model.Gate;
import org.kapsdk.core.model.Quantity;
import org.kapsdk.core.validation.ValidationException;

class ScenarioFilesTest {
  private static final String YAML = String.join("\n",
      "protocol: kit.yaml",
      "fixtures:",
      "  base:",
      "    patientId: p-1",
      "    ageYears: 45",
      "    pregnancy: NEITHER",
      "    sessions:",
      "      - {id: s1, template: dose, start: T0-10m}",
      "scenarios:",
      "  - name: normal BP proceeds",
      "    description: the reference reading",
      "    gate: PRE_DOSE",
      "    at: T0+40m",
      "    session: s1",
      "    plannedDose: 56 mg",
      "    facts:",
      "      extends: base",
      "      remove: [OBSERVATIONS]",
      "      observations:",
      "        - {code: {system: http://loinc.org, code: 8480-6}, value: 128 mmHg, at: T0-1d}",
      "    overrides:",
      "      - {ruleId: BP-PRE, clinicianId: c-1, role: prescriber, reason: reviewed, at: T0, session: s1}",
      "    expect: {verdict: PROCEED, outcomes: {BP-PRE: PASS}, rejected: nothing}",
      "");

  private static final String JSON = String.join("\n",
      "{\"protocol\": \"kit.yaml\",",
      " \"fixtures\": {\"base\": {\"patientId\": \"p-1\", \"ageYears\": 45, \"pregnancy\": \"NEITHER\",",
      "   \"sessions\": [{\"id\": \"s1\", \"template\": \"dose\", \"start\": \"T0-10m\"}]}},",
      " \"scenarios\": [{\"name\": \"normal BP proceeds\", \"description\": \"the reference reading\",",
      "   \"gate\": \"PRE_DOSE\", \"at\": \"T0+40m\", \"session\": \"s1\", \"plannedDose\": \"56 mg\",",
      "   \"facts\": {\"extends\": \"base\", \"remove\": [\"OBSERVATIONS\"], \"observations\": [",
      "     {\"code\": {\"system\": \"http://loinc.org\", \"code\": \"8480-6\"}, \"value\": \"128 mmHg\", \"at\": \"T0-1d\"}]},",
      "   \"overrides\": [{\"ruleId\": \"BP-PRE\", \"clinicianId\": \"c-1\", \"role\": \"prescriber\", \"reason\": \"reviewed\",",
      "     \"at\": \"T0\", \"session\": \"s1\"}],",
      "   \"expect\": {\"verdict\": \"PROCEED\", \"outcomes\": {\"BP-PRE\": \"PASS\"}, \"rejected\": \"nothing\"}}]}",
      "");

  @Test
  void read_yamlWithEveryField_bindsEachField() {
    ScenarioFile file = ScenarioFiles.read(YAML, DocumentFormat.YAML, "s.yaml");

    assertThat(file.protocol()).isEqualTo("kit.yaml");
    assertThat(file.clock()).isEmpty();
    assertThat(file.fixtures()).containsOnlyKeys("base");
    FactsPatch base = file.fixtures().get("base");
    assertThat(base.patientId()).contains("p-1");
    assertThat(base.ageYears()).contains(45);
    assertThat(base.pregnancy()).contains(PregnancyStatus.NEITHER);
    assertThat(base.sessions()).singleElement().satisfies(s -> {
      assertThat(s.id()).isEqualTo("s1");
      assertThat(s.start()).isEqualTo(Instant.parse("2026-01-05T08:50:00Z"));
    });
    Scenario s = file.scenarios().get(0);
    assertThat(s.name()).isEqualTo("normal BP proceeds");
    assertThat(s.description()).contains("the reference reading");
    assertThat(s.gate()).isEqualTo(Gate.PRE_DOSE);
    assertThat(s.at()).contains(Instant.parse("2026-01-05T09:40:00Z"));
    assertThat(s.session()).contains("s1");
    assertThat(s.plannedDose()).contains(Quantity.parse("56 mg"));
    assertThat(s.facts().base()).contains("base");
    assertThat(s.facts().remove()).containsExactly(FactField.OBSERVATIONS);
    assertThat(s.facts().observations()).singleElement()
        .satisfies(o -> assertThat(o.at()).isEqualTo(Instant.parse("2026-01-04T09:00:00Z")));
    assertThat(s.overrides()).singleElement().satisfies(o -> {
      assertThat(o.ruleId()).isEqualTo("BP-PRE");
      assertThat(o.at()).isEqualTo(ScenarioFiles.DEFAULT_CLOCK);
      assertThat(o.session()).contains("s1");
    });
    assertThat(s.expect().verdict()).contains(VerdictOutcome.PROCEED);
    assertThat(s.expect().outcomes()).containsExactly(java.util.Map.entry("BP-PRE", Outcome.PASS));
    assertThat(s.expect().rejected()).contains("nothing");
  }

  @Test
  void read_jsonOfTheSameScenarios_equalsTheYamlReading() {
    assertThat(ScenarioFiles.read(JSON, DocumentFormat.JSON, "s.json"))
        .isEqualTo(ScenarioFiles.read(YAML, DocumentFormat.YAML, "s.yaml"));
  }

  @Test
  void write_thenRead_givesAnEqualFileInBothFormats() {
    ScenarioFile file = ScenarioFiles.read(YAML, DocumentFormat.YAML, "s.yaml");

    for (DocumentFormat format : DocumentFormat.values()) {
      assertThat(ScenarioFiles.read(ScenarioFiles.write(file, format), format, "again")).isEqualTo(file);
    }
  }

  @Test
  void read_relativeTimes_addAndSubtractEachUnitFromTheDefaultClock() {
    ScenarioFile file = ScenarioFiles.read(String.join("\n",
        "protocol: kit.yaml",
        "fixtures:",
        "  f:",
        "    patientId: p",
        "    sessions:",
        "      - {id: a, template: dose, start: T0}",
        "      - {id: b, template: dose, start: T0+40m}",
        "      - {id: c, template: dose, start: T0-1d}",
        "      - {id: d, template: dose, start: T0+1d+2h}",
        "      - {id: e, template: dose, start: T0-1w+30s}",
        "      - {id: f, template: dose, start: T0+2wk-3min}",
        "      - {id: g, template: dose, start: 2026-02-01T10:15:00Z}",
        "scenarios:",
        "  - {name: n, gate: ELIGIBILITY, facts: {extends: f}, expect: {verdict: PROCEED}}",
        ""), DocumentFormat.YAML, "t.yaml");

    assertThat(file.fixtures().get("f").sessions()).extracting(s -> s.start().toString()).containsExactly(
        "2026-01-05T09:00:00Z", "2026-01-05T09:40:00Z", "2026-01-04T09:00:00Z", "2026-01-06T11:00:00Z",
        "2025-12-29T09:00:30Z", "2026-01-19T08:57:00Z", "2026-02-01T10:15:00Z");
    assertThat(file.scenarios().get(0).at()).isEmpty();
  }

  @Test
  void read_explicitClock_relativeTimesCountFromIt() {
    ScenarioFile file = ScenarioFiles.read(String.join("\n",
        "protocol: kit.yaml",
        "scenarios:",
        "  - name: n",
        "    gate: ELIGIBILITY",
        "    at: T0+90m",
        "    facts: {patientId: p}",
        "    expect: {verdict: PROCEED}",
        "clock: 2030-06-01T12:00:00Z",
        ""), DocumentFormat.YAML, "t.yaml");

    assertThat(file.clock()).contains(Instant.parse("2030-06-01T12:00:00Z"));
    assertThat(file.scenarios().get(0).at()).contains(Instant.parse("2030-06-01T13:30:00Z"));
  }

  @Test
  void read_malformedTime_reportsFileLineColumnAndTheNotation() {
    assertThatThrownBy(() -> ScenarioFiles.read(Path.of("src/test/resources/scenario/bad-time.yaml")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("src/test/resources/scenario/bad-time.yaml:7:9: scenarios[0].at: 'T0+2h30m' is not a time; "
            + "expected an ISO-8601 instant such as 2026-01-05T09:00:00Z, or a time relative to the test clock "
            + "such as T0, T0+40m, T0-1d");
  }

  @Test
  void read_unknownFieldToRemove_reportsItsPlaceAndTheFieldsAllowed() {
    assertThatThrownBy(() -> ScenarioFiles.read(Path.of("src/test/resources/scenario/bad-fields.yaml")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("src/test/resources/scenario/bad-fields.yaml:10:11: scenarios[0].facts.remove[0]: 'WEIGHT' is not one of "
            + "AGE_YEARS, PREGNANCY, CONDITIONS, MEDICATIONS, OBSERVATIONS, ASSESSMENTS, ATTESTATIONS, SESSIONS");
  }

  @Test
  void read_unknownField_namesItAndTheFieldsExpected() {
    assertThatThrownBy(() -> ScenarioFiles.read(String.join("\n",
        "protocol: kit.yaml",
        "scenarios:",
        "  - name: n",
        "    gate: ELIGIBILITY",
        "    facts: {patientId: p}",
        "    expected: PROCEED",
        "    expect: {verdict: PROCEED}",
        ""), DocumentFormat.YAML, "u.yaml"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("u.yaml:6:5: scenarios[0].expected: unknown field 'expected'; expected one of at, description, "
            + "expect, facts, gate, name, overrides, plannedDose, session");
  }

  @Test
  void read_blankCodeInAFixture_isReportedOnceAtTheFixture() {
    assertThatThrownBy(() -> ScenarioFiles.read(String.join("\n",
        "protocol: kit.yaml",
        "fixtures:",
        "  base:",
        "    patientId: p",
        "    medications: {reconciledAt: T0-1d, codes: [{system: 'urn:x', code: ' '}]}",
        "scenarios:",
        "  - {name: a, gate: ELIGIBILITY, facts: {extends: base}, expect: {verdict: PROCEED}}",
        "  - {name: b, gate: ELIGIBILITY, facts: {extends: base}, expect: {verdict: PROCEED}}",
        ""), DocumentFormat.YAML, "c.yaml"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("c.yaml:5:66: fixtures.base.medications.codes[0].code: must not be blank");
  }

  @Test
  void read_overrideWithBlankReason_saysThatAReasonIsNeeded() {
    // Not "missing required field": the field is there, and the author must learn why it fails.
    assertThatThrownBy(() -> ScenarioFiles.read(String.join("\n",
        "protocol: kit.yaml",
        "scenarios:",
        "  - name: n",
        "    gate: ELIGIBILITY",
        "    facts: {patientId: p}",
        "    overrides:",
        "      - {ruleId: R, clinicianId: c-1, role: prescriber, reason: '  ', at: T0}",
        "    expect: {verdict: PROCEED}",
        ""), DocumentFormat.YAML, "o.yaml"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("o.yaml:7:9: scenarios[0].overrides[0].reason: an override needs a reason");
  }

  @Test
  void read_yamlSyntaxError_reportsWhereTheParserStopped() {
    assertThatThrownBy(() -> ScenarioFiles.read(Path.of("src/test/resources/scenario/bad-syntax.yaml")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("src/test/resources/scenario/bad-syntax.yaml:6:11: scenarios[0].facts: malformed YAML: "
            + "while parsing a flow mapping; expected ',' or '}', but got :");
  }

  @Test
  void read_missingProtocol_reportsTheRequiredField() {
    assertThatThrownBy(() -> ScenarioFiles.read("scenarios: []\n", DocumentFormat.YAML, "m.yaml"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("m.yaml:1:1: missing required field 'protocol'");
  }

  @Test
  void read_missingFile_saysSo() {
    assertThatThrownBy(() -> ScenarioFiles.read(Path.of("src/test/resources/scenario/absent.yaml")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("src/test/resources/scenario/absent.yaml: file not found");
  }
}
