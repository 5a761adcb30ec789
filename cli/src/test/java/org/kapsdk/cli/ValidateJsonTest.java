package org.kapsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kapsdk.cli.Cli.fixture;
import static org.kapsdk.cli.Cli.kapsdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidateJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static final String VALID_YAML = fixture("valid.yaml");
  private static final String VALID_JSON = fixture("valid.json");
  private static final String INVALID_YAML = fixture("invalid.yaml");
  private static final String MISSING = fixture("no-such-template.json");

  @Test
  void validateJson_validFile_exits0WithExactDocument() {
    Cli run = kapsdk("validate", "--json", VALID_YAML);

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .isEqualTo(
            String.join(
                "\n",
                "{",
                "  \"valid\": true,",
                "  \"files\": [",
                "    {",
                "      \"file\": " + MAPPER.valueToTree(VALID_YAML) + ",",
                "      \"valid\": true,",
                "      \"id\": \"cli-fixture\",",
                "      \"version\": \"1.0.0\",",
                "      \"title\": \"CLI fixture\",",
                "      \"status\": \"DRAFT\",",
                "      \"phases\": 1,",
                "      \"sessionTemplates\": 1,",
                "      \"rules\": 1",
                "    }",
                "  ]",
                "}",
                ""));
  }

  @Test
  void validateJson_validJson_reportsTemplateFields() throws IOException {
    Cli run = kapsdk("validate", VALID_JSON, "--json");

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.err()).isEmpty();
    JsonNode file = MAPPER.readTree(run.out()).path("files").path(0);
    assertThat(file.path("file").asText()).isEqualTo(VALID_JSON);
    assertThat(file.path("valid").asBoolean()).isTrue();
    assertThat(file.path("id").asText()).isEqualTo("cli-fixture-json");
    assertThat(file.path("version").asText()).isEqualTo("2.1.0");
    assertThat(file.path("title").asText()).isEqualTo("CLI fixture \"JSON\"");
    assertThat(file.path("status").asText()).isEqualTo("ACTIVE");
    assertThat(file.path("phases").asInt()).isEqualTo(2);
    assertThat(file.path("sessionTemplates").asInt()).isEqualTo(2);
    assertThat(file.path("rules").asInt()).isEqualTo(1);
    assertThat(file.has("problems")).isFalse();
  }

  @Test
  void validateJson_mixedFiles_exits2WithEveryProblemAndNothingOnStderr() throws IOException {
    Cli run = kapsdk("validate", "--json", VALID_YAML, INVALID_YAML, MISSING);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEmpty();
    JsonNode document = MAPPER.readTree(run.out());
    assertThat(fieldNames(document)).containsExactly("valid", "files");
    assertThat(document.path("valid").isBoolean()).isTrue();
    assertThat(document.path("valid").asBoolean()).isFalse();
    JsonNode files = document.path("files");
    assertThat(files).hasSize(3);

    assertThat(files.path(0).path("file").asText()).isEqualTo(VALID_YAML);
    assertThat(files.path(0).path("valid").asBoolean()).isTrue();

    JsonNode invalid = files.path(1);
    assertThat(fieldNames(invalid)).containsExactly("file", "valid", "problems");
    assertThat(invalid.path("file").asText()).isEqualTo(INVALID_YAML);
    assertThat(invalid.path("valid").asBoolean()).isFalse();
    assertThat(invalid.path("problems")).hasSize(3);
    assertProblem(
        invalid.path("problems").path(0),
        INVALID_YAML,
        17,
        5,
        "phases[0].colour",
        "unknown field 'colour'; expected one of decision, description, id, onMissed, sessions, stepBack, title");
    assertProblem(
        invalid.path("problems").path(1),
        INVALID_YAML,
        27,
        11,
        "phases[0].sessions[0].dosing.maxPerSession",
        "unit mg/kg does not fit here; expected mg");
    assertProblem(
        invalid.path("problems").path(2),
        INVALID_YAML,
        33,
        24,
        "phases[0].sessions[0].rules[0].evidence[0]",
        "refers to evidence 'LABEL', which the template does not define");

    JsonNode missing = files.path(2);
    assertThat(missing.path("valid").asBoolean()).isFalse();
    assertThat(missing.path("problems")).hasSize(1);
    assertProblem(missing.path("problems").path(0), MISSING, 0, 0, "", "file not found");
  }

  @Test
  void validateJson_sameInput_givesByteIdenticalOutput() {
    Cli first = kapsdk("validate", "--json", VALID_JSON, INVALID_YAML);
    Cli second = kapsdk("validate", "--json", VALID_JSON, INVALID_YAML);

    assertThat(first.exitCode()).isEqualTo(2);
    assertThat(second.out()).isEqualTo(first.out());
    assertThat(first.out()).endsWith("}\n").doesNotContain("\r");
  }

  @Test
  void jsonOutput_escapesNonAsciiCharacters() {
    assertThat(JsonOutput.render(JsonOutput.object().put("title", "Überblick – ketamine")))
        .isEqualTo("{\n  \"title\": \"\\u00DCberblick \\u2013 ketamine\"\n}\n");
  }

  private static void assertProblem(
      JsonNode problem, String file, int line, int column, String path, String message) {
    assertThat(fieldNames(problem)).containsExactly("file", "line", "column", "path", "message");
    assertThat(problem.path("file").asText()).isEqualTo(file);
    assertThat(problem.path("line").asInt()).isEqualTo(line);
    assertThat(problem.path("column").asInt()).isEqualTo(column);
    assertThat(problem.path("path").asText()).isEqualTo(path);
    assertThat(problem.path("message").asText()).isEqualTo(message);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
