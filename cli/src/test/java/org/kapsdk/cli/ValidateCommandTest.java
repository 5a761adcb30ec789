package org.kapsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kapsdk.cli.Cli.fixture;
import static org.kapsdk.cli.Cli.kapsdk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
  private static final String VALID_YAML = fixture("valid.yaml");
  private static final String VALID_JSON = fixture("valid.json");
  private static final String INVALID_YAML = fixture("invalid.yaml");
  private static final String MALFORMED_YAML = fixture("malformed.yaml");
  private static final String TRUNCATED_JSON = fixture("truncated.json");
  private static final String EMPTY_YAML = fixture("empty.yaml");
  private static final String TEXT_FILE = fixture("template.txt");

  private static final String VALID_YAML_SUMMARY =
      "OK   " + VALID_YAML
          + "  cli-fixture 1.0.0 \"CLI fixture\" (DRAFT): 1 phase, 1 session template, 1 rule";
  private static final String VALID_JSON_SUMMARY =
      "OK   " + VALID_JSON
          + "  cli-fixture-json 2.1.0 \"CLI fixture \\\"JSON\\\"\" (ACTIVE):"
          + " 2 phases, 2 session templates, 1 rule";

  @Test
  void validate_validYaml_exits0WithSummaryOnStdout() {
    Cli run = kapsdk("validate", VALID_YAML);

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.outLines()).containsExactly(VALID_YAML_SUMMARY);
    assertThat(run.err()).isEmpty();
  }

  @Test
  void validate_validJson_exits0WithSummaryQuotingTheTitle() {
    Cli run = kapsdk("validate", VALID_JSON);

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.outLines()).containsExactly(VALID_JSON_SUMMARY);
    assertThat(run.err()).isEmpty();
  }

  @Test
  void validate_severalValidFiles_exits0WithOneLineEach() {
    Cli run = kapsdk("validate", VALID_YAML, VALID_JSON);

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.outLines()).containsExactly(VALID_YAML_SUMMARY, VALID_JSON_SUMMARY);
    assertThat(run.err()).isEmpty();
  }

  @Test
  void validate_mixedValidAndInvalid_checksEveryFileAndExits2() {
    Cli run = kapsdk("validate", EMPTY_YAML, VALID_YAML, INVALID_YAML, VALID_JSON);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.outLines())
        .containsExactly(
            "FAIL " + EMPTY_YAML + "  1 problem",
            VALID_YAML_SUMMARY,
            "FAIL " + INVALID_YAML + "  3 problems",
            VALID_JSON_SUMMARY);
    assertThat(run.errLines())
        .containsExactly(
            EMPTY_YAML + ": file is empty; expected a protocol template",
            INVALID_YAML + ":17:5: phases[0].colour: unknown field 'colour';"
                + " expected one of decision, description, id, onMissed, sessions, stepBack, title",
            INVALID_YAML + ":27:11: phases[0].sessions[0].dosing.maxPerSession:"
                + " unit mg/kg does not fit here; expected mg",
            INVALID_YAML + ":33:24: phases[0].sessions[0].rules[0].evidence[0]:"
                + " refers to evidence 'LABEL', which the template does not define");
  }

  @Test
  void validate_missingFile_exits2WithLocation() {
    String missing = fixture("no-such-template.yaml");

    Cli run = kapsdk("validate", missing);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.outLines()).containsExactly("FAIL " + missing + "  1 problem");
    assertThat(run.errLines()).containsExactly(missing + ": file not found");
  }

  @Test
  void validate_directory_exits2SayingItIsADirectory(@TempDir Path temp) throws IOException {
    String directory = Files.createDirectory(temp.resolve("templates.yaml")).toString();

    Cli run = kapsdk("validate", directory);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.outLines()).containsExactly("FAIL " + directory + "  1 problem");
    assertThat(run.errLines()).containsExactly(directory + ": is a directory, not a file");
  }

  @Test
  void validate_wrongExtension_exits2NamingTheAcceptedOnes() {
    Cli run = kapsdk("validate", TEXT_FILE);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.outLines()).containsExactly("FAIL " + TEXT_FILE + "  1 problem");
    assertThat(run.errLines())
        .containsExactly(
            TEXT_FILE + ": unknown file type; expected a name ending in .yaml, .yml or .json");
  }

  @Test
  void validate_emptyFile_exits2() {
    Cli run = kapsdk("validate", EMPTY_YAML);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.outLines()).containsExactly("FAIL " + EMPTY_YAML + "  1 problem");
    assertThat(run.errLines())
        .containsExactly(EMPTY_YAML + ": file is empty; expected a protocol template");
  }

  @Test
  void validate_malformedYaml_exits2WithLineAndColumn() {
    Cli run = kapsdk("validate", MALFORMED_YAML);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.outLines()).containsExactly("FAIL " + MALFORMED_YAML + "  1 problem");
    assertThat(run.errLines())
        .containsExactly(
            MALFORMED_YAML
                + ":5:1: title: unexpected end of document: the file is truncated,"
                + " or the quote or bracket opened at 3:8 is never closed");
  }

  @Test
  void validate_truncatedJson_exits2WithLineAndColumn() {
    Cli run = kapsdk("validate", TRUNCATED_JSON);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.outLines()).containsExactly("FAIL " + TRUNCATED_JSON + "  1 problem");
    assertThat(run.errLines())
        .containsExactly(
            TRUNCATED_JSON + ":14:15: phases[0].id: unexpected end of document: the file is truncated");
  }

  @Test
  void validate_structurallyInvalid_printsEveryProblemInDocumentOrder() {
    Cli run = kapsdk("validate", INVALID_YAML);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.outLines()).containsExactly("FAIL " + INVALID_YAML + "  3 problems");
    assertThat(run.errLines())
        .containsExactly(
            INVALID_YAML + ":17:5: phases[0].colour: unknown field 'colour';"
                + " expected one of decision, description, id, onMissed, sessions, stepBack, title",
            INVALID_YAML + ":27:11: phases[0].sessions[0].dosing.maxPerSession:"
                + " unit mg/kg does not fit here; expected mg",
            INVALID_YAML + ":33:24: phases[0].sessions[0].rules[0].evidence[0]:"
                + " refers to evidence 'LABEL', which the template does not define");
  }

  @Test
  void validate_fileNamedLikeAnOption_isReadAfterDoubleDash() {
    Cli run = kapsdk("validate", "--", "--json");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.outLines()).containsExactly("FAIL --json  1 problem");
    assertThat(run.errLines())
        .containsExactly("--json: neither a template file (.yaml, .yml, .json) nor a built-in protocol id; the built-ins are "
            + ProtocolArgument.ids() + " (kapsdk list)");
  }

  @Test
  void validate_fileNamedWithAtSign_isAFileNotAnArgumentFile() {
    Cli run = kapsdk("validate", "@" + VALID_YAML);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.outLines()).containsExactly("FAIL @" + VALID_YAML + "  1 problem");
    assertThat(run.errLines()).containsExactly("@" + VALID_YAML + ": file not found");
  }

  @Test
  void quote_escapesQuotesBackslashesAndLineBreaks() {
    assertThat(ValidateCommand.quote("a \"b\" c\\d\ne\tf\u0007"))
        .isEqualTo("\"a \\\"b\\\" c\\\\d\\ne\\tf\\u0007\"");
  }
}
