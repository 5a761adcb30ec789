package org.kapsdk.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kapsdk.core.model.Code;
import org.kapsdk.core.model.ProtocolTemplate;
import org.kapsdk.core.validation.Problem;
import org.kapsdk.core.validation.SourceLocation;
import org.kapsdk.core.validation.ValidationException;

class ProtocolFilesTest {
  /** The smallest valid template; tests change one thing in it. */
  private static final String BASE =
      """
      id: demo
      version: 1.0.0
      title: Demo
      status: DRAFT
      indications:
        - system: http://snomed.info/sct
          code: "370143000"
      phases:
        - id: intake
          title: Intake
          sessions:
            - id: screening
              kind: SCREENING
              title: Screening
      """;

  private static final String RULE_WITH_CONDITION =
      """
      rules:
        - id: R1
          severity: BLOCK
          gate: ELIGIBILITY
          message: m
          evidence: [PI]
          forbid:
      %s
      evidence:
        - key: PI
          citation: label
      """;

  private static final String KINDS =
      "observation, observationTrend, conditionPresent, medicationPresent, age, pregnancy, assessment,"
          + " sessionInterval, doseLimit, monitoringElapsed, attestation, all, any, not, extension";

  private static ProtocolTemplate yaml(String text) {
    return ProtocolFiles.read(text, DocumentFormat.YAML, "t.yaml");
  }

  private static ProtocolTemplate json(String text) {
    return ProtocolFiles.read(text, DocumentFormat.JSON, "t.json");
  }

  private static String withSessionField(String field) {
    return BASE.replace("        title: Screening\n", "        title: Screening\n        " + field + "\n");
  }

  private static List<String> problems(Runnable read) {
    try {
      read.run();
    } catch (ValidationException e) {
      return e.problems().stream().map(Problem::toString).toList();
    }
    throw new AssertionError("expected a ValidationException");
  }

  /* ------------------------------------------------------------------ valid input */

  @Test
  void read_baseDocument_givesTemplate() {
    ProtocolTemplate template = yaml(BASE);

    assertThat(template.id()).isEqualTo("demo");
    assertThat(template.sessions()).singleElement().satisfies(s -> assertThat(s.id()).isEqualTo("screening"));
  }

  @Test
  void write_titleThatLooksLikeABase60Float_roundTripsInYaml() {
    ProtocolTemplate template = ProtocolTemplate.builder().from(yaml(BASE)).title("1:20:30.").build();

    String text = ProtocolFiles.write(template, DocumentFormat.YAML);

    assertThat(text).contains("title: \"1:20:30.\"");
    assertThat(yaml(text)).isEqualTo(template);
  }

  @Test
  void read_unquotedNumberLikeSnomedCodeInYaml_isReadAsText() {
    ProtocolTemplate template = yaml(BASE.replace("code: \"370143000\"", "code: 370143000"));

    assertThat(template.indications()).extracting(Code::code).containsExactly("370143000");
  }

  @Test
  void locationsInFile_problemsFoundAfterReading_pointAtTheirPathOrNearestAncestor(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("t.yaml");
    Files.writeString(file, BASE);
    Problem placed = Problem.at("", "already placed", SourceLocation.of("elsewhere.yaml", 3, 4));

    List<Problem> problems = Locations.inFile(file, List.of(
        Problem.at("phases[0].sessions[0].kind", "at the field"),
        Problem.at("phases[0].sessions[0].timing.intervals[0]", "at the nearest ancestor"),
        placed));

    assertThat(problems).extracting(Problem::toString).containsExactly(
        file + ":13:9: phases[0].sessions[0].kind: at the field",
        file + ":12:9: phases[0].sessions[0].timing.intervals[0]: at the nearest ancestor",
        "elsewhere.yaml:3:4: already placed");
  }

  @Test
  void locationsOf_paths_pointAtTheirPathOrNearestAncestorInOrder(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("t.yaml");
    Files.writeString(file, BASE);

    assertThat(Locations.of(file, List.of("phases[0].sessions[0].timing.intervals[0]", "phases[0].sessions[0].kind", "")))
        .extracting(SourceLocation::toString)
        .containsExactly(file + ":12:9", file + ":13:9", file + ":1:1");
    assertThat(Locations.of(dir.resolve("gone.yaml"), List.of("phases[0]")))
        .containsExactly(SourceLocation.wholeDocument(dir.resolve("gone.yaml").toString()));
  }

  @Test
  void locationsInFile_unreadableFile_pointsAtTheWholeFile(@TempDir Path dir) {
    Path file = dir.resolve("gone.yaml");

    assertThat(Locations.inFile(file, List.of(Problem.at("phases[0]", "p"))))
        .extracting(Problem::toString).containsExactly(file + ": phases[0]: p");
  }

  @Test
  void read_utf8ByteOrderMark_isAccepted(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("bom.yaml");
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = BASE.getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, bytes, 0, bom.length);
    System.arraycopy(body, 0, bytes, bom.length, body.length);
    Files.write(file, bytes);

    assertThat(ProtocolFiles.read(file)).isEqualTo(yaml(BASE));
  }

  @Test
  void read_ymlExtension_isReadAsYaml(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("t.yml");
    Files.writeString(file, BASE, StandardCharsets.UTF_8);

    assertThat(ProtocolFiles.read(file)).isEqualTo(yaml(BASE));
  }

  /* ------------------------------------------------------------------ empty, truncated, malformed */

  @Test
  void read_emptyYaml_reportsEmptyFile() {
    assertThatThrownBy(() -> yaml(""))
        .isInstanceOf(ValidationException.class)
        .hasMessage("t.yaml: file is empty; expected a protocol template");
  }

  @Test
  void read_emptyJson_reportsEmptyFile() {
    assertThatThrownBy(() -> json("  \n"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("t.json: file is empty; expected a protocol template");
  }

  @Test
  void read_yamlWithOnlyComments_reportsEmptyFile() {
    assertThatThrownBy(() -> yaml("# just a comment\n---\n  # another\n"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("t.yaml: file is empty; expected a protocol template");
  }

  @Test
  void read_truncatedYaml_reportsTruncationAtEnd() {
    assertThatThrownBy(() -> yaml(BASE + "description: \"unfinished"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("t.yaml:15:25: description: unexpected end of document: the file is truncated, or the quote or bracket opened at 15:14 is never closed");
  }

  @Test
  void read_truncatedJson_reportsTruncationWithPath() {
    assertThatThrownBy(() -> json("{\"id\": \"demo\", \"phases\": ["))
        .isInstanceOf(ValidationException.class)
        .hasMessage("t.json:1:27: phases: unexpected end of document: the file is truncated");
  }

  @Test
  void read_malformedYaml_reportsParserMessageAndPlace() {
    assertThatThrownBy(() -> yaml("id: demo\nversion: 1.0.0\n  title: Demo\n"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("t.yaml:3:8: malformed YAML: mapping values are not allowed here");
  }

  @Test
  void read_listAsDocument_reportsExpectedObject() {
    assertThatThrownBy(() -> yaml("- a\n- b\n"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("t.yaml:1:1: expected an object, found a list");
  }

  /* ------------------------------------------------------------------ wrong types */

  @Test
  void read_textWhereWholeNumberBelongs_reportsFoundText() {
    assertThatThrownBy(() -> yaml(withSessionField("count: many")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("t.yaml:15:16: phases[0].sessions[0].count: expected a whole number, found text 'many'");
  }

  @Test
  void read_quotedNumberWhereWholeNumberBelongs_isRefused() {
    assertThatThrownBy(() -> yaml(withSessionField("count: \"2\"")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("t.yaml:15:16: phases[0].sessions[0].count: expected a whole number, found text '2'");
  }

  @Test
  void read_fractionWhereWholeNumberBelongs_isRefused() {
    assertThatThrownBy(() -> yaml(withSessionField("count: 2.5")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("t.yaml:15:16: phases[0].sessions[0].count: '2.5' is not a whole number");
  }

  @Test
  void read_listWhereObjectBelongs_reportsFoundList() {
    assertThatThrownBy(() -> yaml(withSessionField("timing: [1, 2]")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("t.yaml:15:17: phases[0].sessions[0].timing: expected an object, found a list");
  }

  @Test
  void read_lowerCaseEnum_listsAllowedValues() {
    assertThatThrownBy(() -> yaml(BASE.replace("status: DRAFT", "status: draft")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("t.yaml:4:9: status: 'draft' is not one of DRAFT, ACTIVE, RETIRED");
  }

  @Test
  void read_durationInWords_explainsTheForm() {
    assertThatThrownBy(() -> yaml(withSessionField("duration: 2 hours")))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "t.yaml:15:19: phases[0].sessions[0].duration: '2 hours' is not valid; expected a duration"
                + " such as '120 min': a whole number, a space and one of s, min, h, d, wk");
  }

  @Test
  void read_unknownUnit_listsKnownUnits() {
    String doc = BASE + RULE_WITH_CONDITION.formatted("      kind: doseLimit\n      period: SESSION\n      maximum: 84 furlongs");

    assertThatThrownBy(() -> yaml(doc))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "t.yaml:24:16: rules[0].forbid.maximum: unknown unit 'furlongs'; expected one of mg, mg/kg,"
                + " kg, lb, mmHg, /min, %, Cel, kg/m2, s, min, h, d, wk, {score}");
  }

  /* ------------------------------------------------------------------ fields */

  @Test
  void read_threeUnknownFields_reportsAllWithLocations() {
    String doc =
        BASE.replace("title: Demo\n", "title: Demo\ncolour: blue\n")
            .replace("    title: Intake\n", "    title: Intake\n    size: 3\n")
            .replace("        kind: SCREENING\n", "        kind: SCREENING\n        dose: 56 mg\n");

    assertThat(problems(() -> yaml(doc)))
        .containsExactly(
            "t.yaml:4:1: colour: unknown field 'colour'; expected one of description, evidence, id,"
                + " indications, outcomes, parameters, phases, rules, status, title, version",
            "t.yaml:12:5: phases[0].size: unknown field 'size'; expected one of decision, description, id, onMissed, sessions, stepBack, title",
            "t.yaml:16:9: phases[0].sessions[0].dose: unknown field 'dose'; expected one of assessments,"
                + " count, description, dosing, duration, group, id, integrationSteps, kind, monitoring, repeat,"
                + " rules, timing, title");
    assertThatThrownBy(() -> yaml(doc)).isInstanceOf(ValidationException.class).hasMessageStartingWith("3 problems:\n");
  }

  @Test
  void read_unknownFieldsHoldingObjectAndList_pathNamesFieldOnce() {
    String doc =
        BASE.replace("title: Demo\n", "title: Demo\nextra:\n  nested: 1\n")
            .replace("    title: Intake\n", "    title: Intake\n    tags: [a, b]\n");

    assertThat(problems(() -> yaml(doc)))
        .extracting(p -> p.substring(p.indexOf(' ') + 1, p.indexOf(": unknown")))
        .containsExactly("extra", "phases[0].tags");
  }

  @Test
  void read_unknownConditionKind_listsKnownKinds() {
    String doc = BASE + RULE_WITH_CONDITION.formatted("      kind: pregnant");

    assertThatThrownBy(() -> yaml(doc))
        .isInstanceOf(ValidationException.class)
        .hasMessage("t.yaml:22:13: rules[0].forbid: unknown kind 'pregnant'; expected one of " + KINDS);
  }

  @Test
  void read_conditionWithoutKind_pointsAtTheConditionField() {
    String doc = BASE + RULE_WITH_CONDITION.formatted("      includeBreastfeeding: true");

    assertThatThrownBy(() -> yaml(doc))
        .isInstanceOf(ValidationException.class)
        .hasMessage("t.yaml:21:5: rules[0].forbid: missing field 'kind'; expected one of " + KINDS);
  }

  @Test
  void read_explicitNull_isRefused() {
    assertThatThrownBy(() -> yaml(BASE.replace("title: Demo", "title: null")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("t.yaml:3:8: title: null is not allowed; leave the field out instead");
  }

  @Test
  void read_tildeNull_isRefused() {
    assertThatThrownBy(() -> yaml(BASE.replace("title: Demo", "title: ~")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("t.yaml:3:8: title: null is not allowed; leave the field out instead");
  }

  @Test
  void read_duplicateKeyInYaml_isRefused() {
    assertThatThrownBy(() -> yaml(BASE.replace("title: Demo\n", "title: Demo\ntitle: Again\n")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("t.yaml:4:6: title: duplicate field 'title'");
  }

  @Test
  void read_duplicateKeyInJson_isRefused() {
    assertThatThrownBy(() -> json("{\"id\": \"demo\", \"id\": \"x\"}"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("t.json:1:20: id: duplicate field 'id'");
  }

  @Test
  void read_missingRootField_pointsAtDocumentStart() {
    assertThatThrownBy(() -> yaml(BASE.replace("id: demo\n", "")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("t.yaml:1:1: missing required field 'id'");
  }

  @Test
  void read_missingNestedField_pointsAtTheObjectThatLacksIt() {
    assertThatThrownBy(() -> yaml(BASE.replace("        kind: SCREENING\n", "")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("t.yaml:12:9: phases[0].sessions[0]: missing required field 'kind'");
  }

  @Test
  void read_misspeltRootField_reportsTheMisspellingAtItsLineAsWellAsTheMissingField() {
    assertThat(problems(() -> yaml(BASE.replace("title: Demo\n", "titel: Demo\n"))))
        .containsExactly(
            "t.yaml:1:1: missing required field 'title'",
            "t.yaml:3:1: titel: unknown field 'titel'; expected one of description, evidence, id,"
                + " indications, outcomes, parameters, phases, rules, status, title, version");
  }

  @Test
  void read_misspeltNestedField_reportsTheMisspellingAtItsLineAsWellAsTheMissingField() {
    assertThat(problems(() -> yaml(BASE.replace("        kind: SCREENING\n", "        knd: SCREENING\n"))))
        .containsExactly(
            "t.yaml:12:9: phases[0].sessions[0]: missing required field 'kind'",
            "t.yaml:13:9: phases[0].sessions[0].knd: unknown field 'knd'; expected one of assessments,"
                + " count, description, dosing, duration, group, id, integrationSteps, kind, monitoring, repeat,"
                + " rules, timing, title");
  }

  @Test
  void read_unknownFieldBeforeAWrongType_isReportedWithIt() {
    String doc = BASE.replace("title: Demo\n", "title: Demo\ncolour: blue\n").replace("    title: Intake\n", "    title: [Intake]\n");

    assertThat(problems(() -> yaml(doc)))
        .satisfiesExactly(
            colour -> assertThat(colour).startsWith("t.yaml:4:1: colour: unknown field 'colour'"),
            title -> assertThat(title).startsWith("t.yaml:11:12: phases[0].title: expected "));
  }

  @Test
  void read_yamlAlias_isRefusedWhereverItStands() {
    String doc =
        BASE.replace("title: Demo", "title: &t Demo")
            .replace("    title: Intake", "    title: *t")
            .replace("        title: Screening", "        title: *t");

    assertThat(problems(() -> yaml(doc)))
        .containsExactly(
            "t.yaml:10:12: phases[0].title: YAML aliases (*t) are not supported; write the value out in full",
            "t.yaml:14:16: phases[0].sessions[0].title: YAML aliases (*t) are not supported; write the value out in full");
  }

  /* ------------------------------------------------------------------ limits */

  @Test
  void read_fiftyMegabyteFile_isRefusedBeforeParsing(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("big.json");
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(50L * 1024 * 1024);
    }

    assertThatThrownBy(() -> ProtocolFiles.read(file))
        .isInstanceOf(ValidationException.class)
        .hasMessage(file + ": file is too large (50.0 MiB); the limit is 4 MiB");
  }

  @Test
  void read_twoHundredNestedJsonArrays_hitsTheStreamLimit() {
    String deep = "[".repeat(200) + "]".repeat(200);

    assertThatThrownBy(() -> json("{\"colour\": " + deep + "}"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("t.json: document is nested too deeply or too large (limits: 64 levels, 4 MiB)");
  }

  @Test
  void read_twoHundredNestedYamlLists_hitsTheParserLimit() {
    assertThatThrownBy(() -> yaml("id: demo\nx: " + "[".repeat(200) + "]".repeat(200) + "\n"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("t.yaml: document is nested too deeply or too large (limits: 64 levels, 4 MiB)");
  }

  @Test
  void read_twentyNestedNotConditions_reportsStructuralDepth() {
    String condition = "{\"kind\": \"pregnancy\"}";
    for (int i = 0; i < 20; i++) {
      condition = "{\"kind\": \"not\", \"condition\": " + condition + "}";
    }
    String doc = BASE + RULE_WITH_CONDITION.formatted("").replace("    forbid:\n\n", "    forbid: " + condition + "\n");

    assertThatThrownBy(() -> yaml(doc))
        .isInstanceOf(ValidationException.class)
        .hasMessage("t.yaml:21:464: rules[0].forbid" + ".condition".repeat(16)
            + ": conditions are nested more than 16 levels deep");
  }

  /* ------------------------------------------------------------------ files */

  @Test
  void read_invalidUtf8_isRefused(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("bad.yaml");
    byte[] body = (BASE + "description: caf").getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[body.length + 2];
    System.arraycopy(body, 0, bytes, 0, body.length);
    bytes[body.length] = (byte) 0xC3;
    bytes[body.length + 1] = (byte) 0x28;
    Files.write(file, bytes);

    assertThatThrownBy(() -> ProtocolFiles.read(file))
        .isInstanceOf(ValidationException.class)
        .hasMessage(file + ": file is not valid UTF-8 text");
  }

  @Test
  void read_missingFile_reportsFileNotFound(@TempDir Path dir) {
    Path file = dir.resolve("missing.yaml");

    assertThatThrownBy(() -> ProtocolFiles.read(file))
        .isInstanceOf(ValidationException.class)
        .hasMessage(file + ": file not found");
  }

  @Test
  void read_directory_reportsDirectory(@TempDir Path dir) throws IOException {
    Path folder = Files.createDirectory(dir.resolve("folder.yaml"));

    assertThatThrownBy(() -> ProtocolFiles.read(folder))
        .isInstanceOf(ValidationException.class)
        .hasMessage(folder + ": is a directory, not a file");
  }

  @Test
  void read_unknownExtension_reportsExpectedExtensions(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("t.txt"), BASE);

    assertThatThrownBy(() -> ProtocolFiles.read(file))
        .isInstanceOf(ValidationException.class)
        .hasMessage(file + ": unknown file type; expected a name ending in .yaml, .yml or .json");
  }

  @Test
  void read_problemLocation_namesTheFileAsGiven(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("t.yaml"), BASE.replace("status: DRAFT", "status: draft"));

    assertThatThrownBy(() -> ProtocolFiles.read(file))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.problems()).singleElement()
                .satisfies(p -> assertThat(p.location()).contains(SourceLocation.of(file.toString(), 4, 9))))
        .hasMessage(file + ":4:9: status: 'draft' is not one of DRAFT, ACTIVE, RETIRED");
  }

  /* ------------------------------------------------------------------ deferred structural checks */

  @Test
  void read_structuralProblemsInNestedValues_areReportedTogetherAtTheirLines() {
    String doc =
        withSessionField("count: 0")
            .replace("version: 1.0.0", "version: one")
            .replace("    title: Intake\n", "    title: \" \"\n");

    assertThat(problems(() -> yaml(doc)))
        .containsExactly(
            "t.yaml:2:1: version: 'one' is not a semantic version such as 1.0.0",
            "t.yaml:10:5: phases[0].title: must not be blank",
            "t.yaml:15:9: phases[0].sessions[0].count: must be at least 1");
  }

  @Test
  void read_unknownFieldsAndStructuralProblems_areOrderedByLine() {
    String doc =
        withSessionField("count: 0")
            .replace("version: 1.0.0", "version: one")
            .replace("title: Demo\n", "title: Demo\ncolour: blue\n")
            .replace("        kind: SCREENING\n", "        kind: SCREENING\n        dose: 56 mg\n")
            + RULE_WITH_CONDITION.formatted("      kind: age\n      comparator: GE\n      years: 200")
                .replace("evidence: [PI]", "evidence: [PI, SmPC]");

    List<String> problems = problems(() -> yaml(doc));

    assertThat(problems)
        .containsExactly(
            "t.yaml:2:1: version: 'one' is not a semantic version such as 1.0.0",
            "t.yaml:4:1: colour: unknown field 'colour'; expected one of description, evidence, id,"
                + " indications, outcomes, parameters, phases, rules, status, title, version",
            "t.yaml:15:9: phases[0].sessions[0].dose: unknown field 'dose'; expected one of assessments,"
                + " count, description, dosing, duration, group, id, integrationSteps, kind, monitoring, repeat,"
                + " rules, timing, title",
            "t.yaml:17:9: phases[0].sessions[0].count: must be at least 1",
            "t.yaml:23:20: rules[0].evidence[1]: refers to evidence 'SmPC', which the template does not define",
            "t.yaml:27:7: rules[0].forbid.years: must be between 0 and 130");
  }

  @Test
  void read_sameMistakeInYamlAndJson_givesSamePathAndMessage() {
    String goodJson = ProtocolFiles.write(yaml(BASE), DocumentFormat.JSON);
    String badJson = goodJson.replace("\"title\" : \"Screening\"", "\"title\" : \"Screening\",\n          \"count\" : 0");

    Problem fromYaml = singleProblem(() -> yaml(withSessionField("count: 0")));
    Problem fromJson = singleProblem(() -> json(badJson));

    assertThat(fromJson.path()).isEqualTo(fromYaml.path()).isEqualTo("phases[0].sessions[0].count");
    assertThat(fromJson.message()).isEqualTo(fromYaml.message()).isEqualTo("must be at least 1");
    assertThat(fromYaml.toString()).isEqualTo("t.yaml:15:9: phases[0].sessions[0].count: must be at least 1");
    assertThat(fromJson.toString()).isEqualTo("t.json:21:11: phases[0].sessions[0].count: must be at least 1");
  }

  private static Problem singleProblem(Runnable read) {
    try {
      read.run();
    } catch (ValidationException e) {
      assertThat(e.problems()).hasSize(1);
      return e.problems().get(0);
    }
    throw new AssertionError("expected a ValidationException");
  }

  /* ------------------------------------------------------------------ writing */

  @Test
  void write_toMissingDirectory_throwsUncheckedAndLeavesNothing(@TempDir Path dir) throws IOException {
    ProtocolTemplate template = yaml(BASE);
    Path file = dir.resolve("nope").resolve("t.yaml");

    assertThatThrownBy(() -> ProtocolFiles.write(template, file))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage("cannot write " + file);
    try (Stream<Path> left = Files.walk(dir)) {
      assertThat(left).containsExactly(dir);
    }
  }

  @Test
  void write_overExistingLongerFile_replacesItWhole(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("t.yaml");
    Files.writeString(file, "# old content\n".repeat(10_000));
    ProtocolTemplate template = yaml(BASE);

    ProtocolFiles.write(template, file);

    assertThat(Files.readString(file)).isEqualTo(ProtocolFiles.write(template, DocumentFormat.YAML));
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left).containsExactly(file);
    }
  }

  @Test
  void write_jsonFile_holdsTheJsonText(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("t.json");
    ProtocolTemplate template = yaml(BASE);

    ProtocolFiles.write(template, file);

    assertThat(Files.readString(file)).isEqualTo(ProtocolFiles.write(template, DocumentFormat.JSON));
    assertThat(ProtocolFiles.read(file)).isEqualTo(template);
  }

  @Test
  void write_extensionParameterWithEmptyValue_keepsTheParameter() {
    String doc = BASE + RULE_WITH_CONDITION.formatted("      kind: extension\n      name: clinic.check\n      parameters:\n        note: \"\"");
    ProtocolTemplate template = yaml(doc);

    String yamlText = ProtocolFiles.write(template, DocumentFormat.YAML);
    String jsonText = ProtocolFiles.write(template, DocumentFormat.JSON);

    assertThat(yamlText).contains("      parameters:\n        note: \"\"\n");
    assertThat(jsonText).contains("\"parameters\" : {\n          \"note\" : \"\"\n        }");
    assertThat(yaml(yamlText)).isEqualTo(template);
    assertThat(json(jsonText)).isEqualTo(template);
  }

  @Test
  void write_textWithLineSeparatorCharacters_readsBackEqualFromYaml() {
    ProtocolTemplate template =
        ProtocolTemplate.builder()
            .from(yaml(BASE))
            .title("a\u2028b: c")
            .description("x\r\ny\u0085z\u2029")
            .build();

    String written = ProtocolFiles.write(template, DocumentFormat.YAML);

    assertThat(written).contains("title: \"a\\Lb: c\"\n", "description: \"x\\r\\ny\\Nz\\P\"\n");
    assertThat(yaml(written)).isEqualTo(template);
  }
}
