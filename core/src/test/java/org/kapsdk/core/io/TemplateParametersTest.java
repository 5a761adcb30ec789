package org.kapsdk.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kapsdk.core.model.ClinicProfile;
import org.kapsdk.core.model.ObservationThreshold;
import org.kapsdk.core.model.Parameter;
import org.kapsdk.core.model.ProtocolTemplate;
import org.kapsdk.core.model.Quantity;
import org.kapsdk.core.model.ResolvedProtocol;
import org.kapsdk.core.model.ValueOrigin;
import org.kapsdk.core.validation.Problem;
import org.kapsdk.core.validation.ValidationException;

/**
 * Templates with parameters: placeholders in each scalar type, values from a clinic profile or a
 * default, and every refusal placed at its line in the template or the profile.
 */
class TemplateParametersTest {
  /**
   * A template with one parameter of each type: a QUANTITY with a default from a confirmed source,
   * a DURATION and an INTEGER that are clinic policies. Line numbers are noted where tests use them.
   */
  private static final String TEMPLATE =
      """
      id: demo
      version: 1.2.0
      title: Demo
      status: DRAFT
      indications:
        - system: http://snomed.info/sct
          code: "370143000"
      evidence:
        - key: PI
          citation: label
          confirmed: true
        - key: GUESS
          citation: a number nobody confirmed
      parameters:
        - name: systolic-review
          type: QUANTITY
          unit: mmHg
          min: 100 mmHg
          max: 180 mmHg
          description: Systolic reading above which a clinician reviews before dosing.
          source: PI
          defaultValue: 140 mmHg
        - name: bp-reading-max-age
          type: DURATION
          max: 1 d
          description: How old a blood pressure reading may be.
          clinicPolicy: true
        - name: worsening-points
          type: INTEGER
          min: 1
          max: 27
          description: The PHQ-9 rise that counts as worsening.
          clinicPolicy: true
      phases:
        - id: intake
          title: Intake
          sessions:
            - id: screening
              kind: SCREENING
              title: Screening
        - id: follow-up
          title: Follow-up
          stepBack:
            instrument: PHQ9
            worsenedByAtLeast: ${worsening-points}
            toPhase: intake
            evidence: [PI]
          sessions:
            - id: review
              kind: FOLLOW_UP
              title: Review
      rules:
        - id: BP-REVIEW
          severity: WARN
          gate: ELIGIBILITY
          message: m
          evidence: [PI]
          forbid:
            kind: observation
            code: {system: "http://loinc.org", code: 8480-6}
            comparator: GT
            value: ${systolic-review}
            maxAge: "${bp-reading-max-age}"
      """;

  // Lines of TEMPLATE: parameters[0] at 15, parameters[1] at 23, parameters[2] at 28,
  // worsenedByAtLeast at 45, the rule at 53, value at 62, maxAge at 63.

  /** A second rule, appended to TEMPLATE's rules; its maxAge is on line 74. */
  private static final String SECOND_RULE =
      """
        - id: BP-REVIEW-2
          severity: WARN
          gate: ELIGIBILITY
          message: m
          evidence: [PI]
          forbid:
            kind: observation
            code: {system: "http://loinc.org", code: 8462-4}
            comparator: GT
            value: 90 mmHg
            maxAge: ${bp-reading-max-age}
      """;

  /** A rule whose check compares a parameter's value with a fixed bound, appended to TEMPLATE's rules. */
  private static final String INTERVAL_RULE =
      """
        - id: SINCE-SCREENING
          severity: WARN
          gate: ELIGIBILITY
          message: m
          evidence: [PI]
          require:
            kind: sessionInterval
            sinceKind: SCREENING
            atLeast: ${bp-reading-max-age}
            atMost: 3 h
      """;

  private static final String PROFILE =
      """
      clinic: riverside
      template: demo
      templateVersion: ">=1.0.0 <2.0.0"
      values:
        bp-reading-max-age: 60 min
        worsening-points: 5
      """;

  private static ResolvedProtocol resolve(String template, String profile) {
    return ProtocolFiles.resolve(template, DocumentFormat.YAML, "t.yaml",
        ProfileFiles.read(profile, DocumentFormat.YAML, "p.yaml"));
  }

  private static List<String> problems(Runnable read) {
    ValidationException e = catchThrowableOfType(ValidationException.class, read::run);
    assertThat(e).as("expected a ValidationException").isNotNull();
    return e.problems().stream().map(Problem::toString).toList();
  }

  /** Reads the template with a profile file, so that the profile's problems carry its lines. */
  private static ResolvedProtocol resolveFiles(Path dir, String template, String profile) throws IOException {
    Path t = Files.writeString(dir.resolve("t.yaml"), template, StandardCharsets.UTF_8);
    Path p = Files.writeString(dir.resolve("p.yaml"), profile, StandardCharsets.UTF_8);
    return ProtocolFiles.resolve(t, p);
  }

  private static List<String> fileProblems(Path dir, String template, String profile) {
    return problems(() -> {
      try {
        resolveFiles(dir, template, profile);
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    }).stream().map(line -> line.replace(dir + java.io.File.separator, "")).toList();
  }

  /* ------------------------------------------------------------------ values in place */

  @Test
  void resolve_profileAndDefault_putsEachValueInPlaceByType() {
    ResolvedProtocol resolved = resolve(TEMPLATE, PROFILE);
    ProtocolTemplate t = resolved.template();
    ObservationThreshold rule = (ObservationThreshold) t.rules().get(0).forbid().orElseThrow();

    assertThat(rule.value()).isEqualTo(Quantity.parse("140 mmHg"));
    assertThat(rule.maxAge()).isEqualTo(Duration.ofHours(1));
    assertThat(t.phases().get(1).stepBack().orElseThrow().worsenedByAtLeast()).isEqualTo(5);
  }

  @Test
  void resolve_profileSilentOnADefaultedParameter_usesTheConfirmedDefault() {
    ResolvedProtocol resolved = resolve(TEMPLATE, PROFILE);

    assertThat(resolved.values()).extracting(v -> v.name() + "=" + v.value() + " " + v.origin())
        .containsExactly("systolic-review=140 mmHg DEFAULT", "bp-reading-max-age=1 h PROFILE", "worsening-points=5 PROFILE");
    assertThat(resolved.value("systolic-review").orElseThrow().asQuantity()).isEqualTo(Quantity.parse("140 mmHg"));
    assertThat(resolved.value("bp-reading-max-age").orElseThrow().asDuration()).isEqualTo(Duration.ofHours(1));
    assertThat(resolved.value("worsening-points").orElseThrow().asInteger()).isEqualTo(5);
    assertThat(resolved.profile()).map(ClinicProfile::clinic).hasValue("riverside");
  }

  @Test
  void resolve_profileSetsADefaultedParameter_profileWins() {
    ResolvedProtocol resolved = resolve(TEMPLATE, PROFILE + "  systolic-review: 150 mmHg\n");
    ObservationThreshold rule = (ObservationThreshold) resolved.template().rules().get(0).forbid().orElseThrow();

    assertThat(rule.value()).isEqualTo(Quantity.parse("150 mmHg"));
    assertThat(resolved.value("systolic-review").orElseThrow().origin()).isEqualTo(ValueOrigin.PROFILE);
  }

  @Test
  void resolve_valuesFromAProfileFile_rememberWhereTheyWereSet(@TempDir Path dir) throws IOException {
    ResolvedProtocol resolved = resolveFiles(dir, TEMPLATE, PROFILE);

    assertThat(resolved.value("bp-reading-max-age").orElseThrow().location()).hasValueSatisfying(
        l -> assertThat(l.line()).isEqualTo(5));
    assertThat(resolved.value("systolic-review").orElseThrow().location()).hasValueSatisfying(
        l -> assertThat(l.line()).isEqualTo(22));
  }

  @Test
  void resolve_recordsWhereEveryPlaceholderIs() {
    ProtocolTemplate t = resolve(TEMPLATE, PROFILE).template();

    assertThat(t.placeholders()).containsExactly(
        java.util.Map.entry("phases[1].stepBack.worsenedByAtLeast", "worsening-points"),
        java.util.Map.entry("rules[0].forbid.value", "systolic-review"),
        java.util.Map.entry("rules[0].forbid.maxAge", "bp-reading-max-age"));
  }

  @Test
  void resolve_jsonTemplate_substitutesNumbersAndText() {
    String json = ProtocolFiles.write(resolve(TEMPLATE, PROFILE).template(), DocumentFormat.JSON);
    ClinicProfile profile = ProfileFiles.read(PROFILE, DocumentFormat.YAML, "p.yaml");

    ProtocolTemplate fromJson = ProtocolFiles.read(json, DocumentFormat.JSON, "t.json", profile);

    assertThat(json).contains("\"worsenedByAtLeast\" : \"${worsening-points}\"");
    assertThat(fromJson).isEqualTo(resolve(TEMPLATE, PROFILE).template());
  }

  @Test
  void resolve_singleQuotedPlaceholder_isSubstitutedToo() {
    String template = TEMPLATE.replace("maxAge: \"${bp-reading-max-age}\"", "maxAge: '${bp-reading-max-age}'");

    ObservationThreshold rule = (ObservationThreshold) resolve(template, PROFILE).template().rules().get(0).forbid().orElseThrow();

    assertThat(rule.maxAge()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void resolve_placeholderInsideText_staysText() {
    String template = TEMPLATE.replace("title: Demo", "title: \"Demo, reviewed above ${systolic-review}\"");

    assertThat(resolve(template, PROFILE).template().title()).isEqualTo("Demo, reviewed above ${systolic-review}");
  }

  @Test
  void resolve_sameInputs_givesEqualResultsAndText() {
    ResolvedProtocol first = resolve(TEMPLATE, PROFILE);
    ResolvedProtocol second = resolve(TEMPLATE, PROFILE);

    assertThat(second).isEqualTo(first);
    assertThat(ProtocolFiles.write(second.template(), DocumentFormat.YAML))
        .isEqualTo(ProtocolFiles.write(first.template(), DocumentFormat.YAML));
  }

  /* ------------------------------------------------------------------ the unresolved form */

  @Test
  void write_resolvedTemplate_writesPlaceholdersAndReadsBackEqualAndExact() {
    ClinicProfile profile = ProfileFiles.read(PROFILE, DocumentFormat.YAML, "p.yaml");
    ProtocolTemplate template = resolve(TEMPLATE, PROFILE).template();

    String yaml = ProtocolFiles.write(template, DocumentFormat.YAML);
    ProtocolTemplate again = ProtocolFiles.read(yaml, DocumentFormat.YAML, "w.yaml", profile);

    assertThat(yaml)
        .contains("worsenedByAtLeast: \"${worsening-points}\"", "value: \"${systolic-review}\"", "maxAge: \"${bp-reading-max-age}\"")
        .contains("defaultValue: 140 mmHg", "min: 1\n", "max: 27\n")
        .doesNotContain("worsenedByAtLeast: 5", "maxAge: 1 h");
    assertThat(again).isEqualTo(template);
    assertThat(ProtocolFiles.write(again, DocumentFormat.YAML)).isEqualTo(yaml);
  }

  @Test
  void write_resolvedWithAnotherProfile_givesTheSameTemplateText() {
    ProtocolTemplate five = resolve(TEMPLATE, PROFILE).template();
    ProtocolTemplate seven = resolve(TEMPLATE, PROFILE.replace("worsening-points: 5", "worsening-points: 7")).template();

    assertThat(seven).isNotEqualTo(five);
    assertThat(ProtocolFiles.write(seven, DocumentFormat.JSON)).isEqualTo(ProtocolFiles.write(five, DocumentFormat.JSON));
  }

  @Test
  void read_placeholdersFieldInAFile_isAnUnknownField() {
    String template = TEMPLATE.replace("status: DRAFT\n", "status: DRAFT\nplaceholders: {}\n");

    assertThat(problems(() -> resolve(template, PROFILE)))
        .anySatisfy(p -> assertThat(p).startsWith("t.yaml:5:1: placeholders: unknown field 'placeholders'"));
  }

  /* ------------------------------------------------------------------ required parameters */

  @Test
  void read_withoutProfile_listsEveryRequiredParameterAtItsLineWithItsUses() {
    UnsetParametersException e = catchThrowableOfType(UnsetParametersException.class,
        () -> ProtocolFiles.read(TEMPLATE, DocumentFormat.YAML, "t.yaml"));

    assertThat(e.problems()).extracting(Problem::toString).containsExactly(
        "t.yaml:23:5: parameters[1]: required parameter 'bp-reading-max-age' is not set; set it in a clinic profile"
            + " (kapsdk --profile FILE); it is used at line 63",
        "t.yaml:28:5: parameters[2]: required parameter 'worsening-points' is not set; set it in a clinic profile"
            + " (kapsdk --profile FILE); it is used at line 45");
    assertThat(e.unset()).extracting(Parameter::name).containsExactly("bp-reading-max-age", "worsening-points");
    assertThat(e.outline().id()).isEqualTo("demo");
    assertThat(e.outline().rules()).isEqualTo(1);
    assertThat(e.outline().parameters()).hasSize(3);
  }

  @Test
  void read_profileMissingARequiredParameter_listsIt() {
    UnsetParametersException e = catchThrowableOfType(UnsetParametersException.class,
        () -> resolve(TEMPLATE, PROFILE.replace("  worsening-points: 5\n", "")));

    assertThat(e.problems()).extracting(Problem::toString).containsExactly(
        "t.yaml:28:5: parameters[2]: required parameter 'worsening-points' is not set; set it in a clinic profile"
            + " (kapsdk --profile FILE); it is used at line 45");
  }

  @Test
  void read_parameterUsedTwice_namesBothLines() {
    String template = TEMPLATE + SECOND_RULE;

    assertThat(problems(() -> ProtocolFiles.read(template, DocumentFormat.YAML, "t.yaml")))
        .contains("t.yaml:23:5: parameters[1]: required parameter 'bp-reading-max-age' is not set; set it in a clinic"
            + " profile (kapsdk --profile FILE); it is used at lines 63, 74");
  }

  @Test
  void read_withoutProfile_stillReportsProblemsThatDoNotDependOnTheValues() {
    String template = TEMPLATE.replace("    severity: WARN\n", "    severity: WARN\n    colour: red\n");

    List<String> problems = problems(() -> ProtocolFiles.read(template, DocumentFormat.YAML, "t.yaml"));

    assertThat(problems).hasSize(3)
        .contains("t.yaml:28:5: parameters[2]: required parameter 'worsening-points' is not set; set it in a clinic"
            + " profile (kapsdk --profile FILE); it is used at line 45")
        .anySatisfy(p -> assertThat(p).startsWith("t.yaml:55:5: rules[0].colour: unknown field 'colour'"));
  }

  @Test
  void read_withoutProfile_problemsThatDependOnAMissingValueAreLeftForLater() {
    // Whether atLeast exceeds atMost depends on the value, which is not set yet.
    UnsetParametersException e = catchThrowableOfType(UnsetParametersException.class,
        () -> ProtocolFiles.read(TEMPLATE + INTERVAL_RULE, DocumentFormat.YAML, "t.yaml"));

    assertThat(e.unset()).extracting(Parameter::name).containsExactly("bp-reading-max-age", "worsening-points");
    assertThat(e.problems()).hasSize(2);
  }

  @Test
  void read_valueThatContradictsAFixedBound_isReportedOnceSet() {
    assertThat(problems(() -> resolve(TEMPLATE + INTERVAL_RULE, PROFILE.replace("60 min", "4 h")))).containsExactly(
        "t.yaml:72:7: rules[1].require.atLeast: atLeast (4 h) must not be greater than atMost (3 h) (the value of"
            + " parameter 'bp-reading-max-age', set in the profile)");
  }

  /* ------------------------------------------------------------------ placeholders */

  @Test
  void read_placeholderNamingNoParameter_isAnErrorAtItsLine() {
    String template = TEMPLATE.replace("worsenedByAtLeast: ${worsening-points}", "worsenedByAtLeast: ${worsening}");

    assertThat(problems(() -> resolve(template, PROFILE))).contains(
        "t.yaml:45:26: phases[1].stepBack.worsenedByAtLeast: placeholder ${worsening} names no parameter of the"
            + " template; declare it under parameters");
  }

  @Test
  void read_parameterNeverUsed_isAnErrorAtItsName() {
    String template = TEMPLATE.replace("worsenedByAtLeast: ${worsening-points}", "worsenedByAtLeast: 5");

    assertThat(problems(() -> resolve(template, PROFILE))).containsExactly(
        "t.yaml:28:5: parameters[2].name: parameter 'worsening-points' is declared but never used; write"
            + " ${worsening-points} where its value belongs, or remove the parameter");
  }

  @Test
  void read_placeholderInAParameterDeclaration_isRefused() {
    String template = TEMPLATE.replace("    max: 1 d\n", "    max: ${worsening-points}\n");

    assertThat(problems(() -> resolve(template, PROFILE))).contains(
        "t.yaml:25:10: parameters[1].max: placeholders are not allowed in parameter declarations; write the value itself");
  }

  private static final String BLOCK_STEP_BACK =
      "    stepBack:\n      instrument: PHQ9\n      worsenedByAtLeast: ${worsening-points}\n      toPhase: intake\n"
          + "      evidence: [PI]\n";

  @Test
  void read_unquotedPlaceholderInAFlowMapping_saysToQuoteIt() {
    String template = TEMPLATE.replace(BLOCK_STEP_BACK,
        "    stepBack: {instrument: PHQ9, worsenedByAtLeast: ${worsening-points}, toPhase: intake, evidence: [PI]}\n");

    assertThat(problems(() -> resolve(template, PROFILE))).containsExactly(
        "t.yaml:43:53: phases[1].stepBack.worsenedByAtLeast: a placeholder inside [ ] or { } must be quoted, as in"
            + " \"${name}\": there, braces are YAML syntax");
  }

  @Test
  void read_quotedPlaceholderInAFlowMapping_isSubstituted() {
    String template = TEMPLATE.replace(BLOCK_STEP_BACK,
        "    stepBack: {instrument: PHQ9, worsenedByAtLeast: \"${worsening-points}\", toPhase: intake, evidence: [PI]}\n");

    ProtocolTemplate t = resolve(template, PROFILE).template();

    assertThat(t.phases().get(1).stepBack().orElseThrow().worsenedByAtLeast()).isEqualTo(5);
    assertThat(t.placeholders()).containsEntry("phases[1].stepBack.worsenedByAtLeast", "worsening-points");
  }

  @Test
  void read_placeholderInABlockScalar_isRefused() {
    String template = TEMPLATE.replace("worsenedByAtLeast: ${worsening-points}", "worsenedByAtLeast: |-\n        ${worsening-points}");

    assertThat(problems(() -> resolve(template, PROFILE))).contains(
        "t.yaml:45:26: phases[1].stepBack.worsenedByAtLeast: write the placeholder ${worsening-points} as plain text or in"
            + " quotes; escapes and block scalars are not substituted");
  }

  @Test
  void read_parameterOfAnotherTypeThanTheField_namesTheParameterType() {
    String swapped = TEMPLATE.replace("worsenedByAtLeast: ${worsening-points}", "worsenedByAtLeast: ${bp-reading-max-age}")
        .replace("maxAge: \"${bp-reading-max-age}\"", "maxAge: ${worsening-points}");

    assertThat(problems(() -> resolve(swapped, PROFILE))).containsExactly(
        "t.yaml:45:26: phases[1].stepBack.worsenedByAtLeast: expected a whole number, but parameter"
            + " 'bp-reading-max-age' is of type DURATION");
    // Without values too: the type of a parameter does not depend on its value.
    assertThat(problems(() -> ProtocolFiles.read(swapped, DocumentFormat.YAML, "t.yaml"))).contains(
        "t.yaml:45:26: phases[1].stepBack.worsenedByAtLeast: expected a whole number, but parameter"
            + " 'bp-reading-max-age' is of type DURATION");
  }

  @Test
  void read_valueThatBreaksAStructuralRule_pointsAtThePlaceholderAndTheProfileLine(@TempDir Path dir) {
    // The parameter allows up to 27 points; a template that lets the range be wider shows the
    // structural check's own refusal, placed at the placeholder.
    String template = TEMPLATE.replace("    min: 1\n    max: 27\n", "    min: 1\n    max: 40\n");

    assertThat(fileProblems(dir, template, PROFILE.replace("worsening-points: 5", "worsening-points: 30"))).containsExactly(
        "t.yaml:45:7: phases[1].stepBack.worsenedByAtLeast: must not exceed the range of the PHQ-9 total (27)"
            + " (the value of parameter 'worsening-points', set at p.yaml:6:3)");
  }

  /* ------------------------------------------------------------------ the profile's problems */

  @Test
  void read_profileForAnotherTemplate_isRefusedAtItsTemplateLine(@TempDir Path dir) {
    assertThat(fileProblems(dir, TEMPLATE, PROFILE.replace("template: demo", "template: other"))).containsExactly(
        "p.yaml:2:1: template: the profile is for template 'other', not 'demo'");
  }

  @Test
  void read_profileForOtherVersions_isRefusedAtItsVersionLine(@TempDir Path dir) {
    assertThat(fileProblems(dir, TEMPLATE, PROFILE.replace(">=1.0.0 <2.0.0", ">=2.0.0"))).containsExactly(
        "p.yaml:3:1: templateVersion: the profile is for versions >=2.0.0 of 'demo', not version 1.2.0");
  }

  @Test
  void read_profileForTheExactVersion_isAccepted(@TempDir Path dir) throws IOException {
    assertThat(resolveFiles(dir, TEMPLATE, PROFILE.replace("\">=1.0.0 <2.0.0\"", "1.2.0")).values()).hasSize(3);
  }

  @Test
  void read_valueForAnUnknownParameter_isRefusedAtItsLine(@TempDir Path dir) {
    assertThat(fileProblems(dir, TEMPLATE, PROFILE + "  diastolic-review: 90 mmHg\n")).containsExactly(
        "p.yaml:7:3: values.diastolic-review: template 'demo' has no parameter 'diastolic-review'; its parameters are"
            + " systolic-review, bp-reading-max-age, worsening-points");
  }

  @Test
  void read_valueInTheWrongUnit_isRefusedAtItsLine(@TempDir Path dir) {
    assertThat(fileProblems(dir, TEMPLATE, PROFILE + "  systolic-review: 18 kPa\n")).containsExactly(
        "p.yaml:7:3: values.systolic-review: '18 kPa' is not a value of parameter 'systolic-review' (QUANTITY):"
            + " expected a quantity in mmHg such as '90 mmHg'");
    assertThat(fileProblems(dir, TEMPLATE, PROFILE + "  systolic-review: 140 mg\n")).containsExactly(
        "p.yaml:7:3: values.systolic-review: '140 mg' is not a value of parameter 'systolic-review' (QUANTITY):"
            + " the value is in mg; the parameter takes mmHg");
  }

  @Test
  void read_valueOfTheWrongType_isRefusedAtItsLine(@TempDir Path dir) {
    assertThat(fileProblems(dir, TEMPLATE, PROFILE.replace("worsening-points: 5", "worsening-points: 5 min"))).containsExactly(
        "p.yaml:6:3: values.worsening-points: '5 min' is not a value of parameter 'worsening-points' (INTEGER):"
            + " expected a whole number such as 5");
    assertThat(fileProblems(dir, TEMPLATE, PROFILE.replace("60 min", "60"))).containsExactly(
        "p.yaml:5:3: values.bp-reading-max-age: '60' is not a value of parameter 'bp-reading-max-age' (DURATION):"
            + " expected a duration such as '120 min': a whole number, a space and one of s, min, h, d, wk");
  }

  @Test
  void read_valueOutOfRange_isRefusedAtItsLine(@TempDir Path dir) {
    assertThat(fileProblems(dir, TEMPLATE, PROFILE.replace("worsening-points: 5", "worsening-points: 28"))).containsExactly(
        "p.yaml:6:3: values.worsening-points: '28' is above the maximum of parameter 'worsening-points' (27)");
    assertThat(fileProblems(dir, TEMPLATE, PROFILE.replace("60 min", "2 d"))).containsExactly(
        "p.yaml:5:3: values.bp-reading-max-age: '2 d' is above the maximum of parameter 'bp-reading-max-age' (1 d)");
    assertThat(fileProblems(dir, TEMPLATE, PROFILE + "  systolic-review: 90 mmHg\n")).containsExactly(
        "p.yaml:7:3: values.systolic-review: '90 mmHg' is below the minimum of parameter 'systolic-review' (100 mmHg)");
  }

  @Test
  void read_manyProfileProblems_areListedAtOnceInLineOrder(@TempDir Path dir) {
    String profile = """
        clinic: riverside
        template: other
        values:
          bp-reading-max-age: 2 d
          worsening-points: 0
          unknown-thing: 1
        """;

    assertThat(fileProblems(dir, TEMPLATE, profile)).containsExactly(
        "p.yaml:2:1: template: the profile is for template 'other', not 'demo'",
        "p.yaml:4:3: values.bp-reading-max-age: '2 d' is above the maximum of parameter 'bp-reading-max-age' (1 d)",
        "p.yaml:5:3: values.worsening-points: '0' is below the minimum of parameter 'worsening-points' (1)",
        "p.yaml:6:3: values.unknown-thing: template 'demo' has no parameter 'unknown-thing'; its parameters are"
            + " systolic-review, bp-reading-max-age, worsening-points");
  }

  @Test
  void read_inMemoryProfile_namesTheProfileInItsProblems() {
    assertThat(problems(() -> resolve(TEMPLATE, PROFILE.replace("template: demo", "template: other")))).containsExactly(
        "<profile>: template: the profile is for template 'other', not 'demo'");
  }

  @Test
  void read_templateWithoutParametersAndAProfile_refusesEveryValue() {
    String plain = TEMPLATE.substring(0, TEMPLATE.indexOf("parameters:")) + TEMPLATE.substring(TEMPLATE.indexOf("phases:"))
        .replace("${worsening-points}", "5").replace("${systolic-review}", "140 mmHg")
        .replace("\"${bp-reading-max-age}\"", "1 h");

    assertThat(problems(() -> resolve(plain, PROFILE))).containsExactly(
        "<profile>: values.bp-reading-max-age: template 'demo' has no parameter 'bp-reading-max-age'; it declares none",
        "<profile>: values.worsening-points: template 'demo' has no parameter 'worsening-points'; it declares none");
  }

  /* ------------------------------------------------------------------ defaults and evidence */

  @Test
  void read_defaultFromAnUnconfirmedSource_isRefused() {
    String template = TEMPLATE.replace("    source: PI\n", "    source: GUESS\n");

    assertThat(problems(() -> resolve(template, PROFILE))).containsExactly(
        "t.yaml:22:5: parameters[0].defaultValue: evidence 'GUESS' is not confirmed, so it cannot supply a default: a"
            + " clinical threshold is never invented; leave the default out so the clinic sets the value in its profile");
  }

  @Test
  void read_unconfirmedSourceWithoutDefault_isRequiredLikeAClinicPolicy() {
    String template = TEMPLATE.replace("    source: PI\n    defaultValue: 140 mmHg\n", "    source: GUESS\n");

    UnsetParametersException e = catchThrowableOfType(UnsetParametersException.class, () -> resolve(template, PROFILE));

    assertThat(e.unset()).extracting(Parameter::name).containsExactly("systolic-review");
    assertThat(resolve(template, PROFILE + "  systolic-review: 150 mmHg\n").values()).hasSize(3);
  }
}
