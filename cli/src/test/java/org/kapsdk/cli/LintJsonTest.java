package org.kapsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kapsdk.cli.Cli.fixture;
import static org.kapsdk.cli.Cli.kapsdk;
import static org.kapsdk.cli.Cli.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LintJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String CLEAN = resource("lint", "clean.yaml");
  private static final String BROKEN = resource("lint", "broken.yaml");
  private static final String INVALID = fixture("invalid.yaml");

  @Test
  void lintJson_cleanTemplate_exits0WithExactDocument() {
    Cli run = kapsdk("lint", "--json", CLEAN);

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).isEqualTo(String.join("\n",
        "{",
        "  \"passed\": true,",
        "  \"files\": [",
        "    {",
        "      \"file\": " + MAPPER.valueToTree(CLEAN) + ",",
        "      \"valid\": true,",
        "      \"id\": \"lint-clean\",",
        "      \"version\": \"1.0.0\",",
        "      \"errors\": 0,",
        "      \"warnings\": 0,",
        "      \"infos\": 0,",
        "      \"findings\": [ ]",
        "    }",
        "  ]",
        "}",
        ""));
  }

  @Test
  void lintJson_brokenTemplate_exits1WithEveryFindingPlaced() throws IOException {
    Cli run = kapsdk("lint", BROKEN, "--json");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEmpty();
    JsonNode document = MAPPER.readTree(run.out());
    assertThat(fieldNames(document)).containsExactly("passed", "files");
    assertThat(document.path("passed").asBoolean(true)).isFalse();
    JsonNode file = document.path("files").path(0);
    assertThat(fieldNames(file)).containsExactly("file", "valid", "id", "version", "errors", "warnings", "infos", "findings");
    assertThat(file.path("errors").asInt()).isEqualTo(1);
    assertThat(file.path("warnings").asInt()).isEqualTo(1);
    assertThat(file.path("infos").asInt()).isEqualTo(1);
    JsonNode monitoring = file.path("findings").path(1);
    assertThat(fieldNames(monitoring))
        .containsExactly("file", "line", "column", "severity", "id", "path", "message", "fix");
    assertThat(monitoring.path("file").asText()).isEqualTo(BROKEN);
    assertThat(monitoring.path("line").asInt()).isEqualTo(30);
    assertThat(monitoring.path("column").asInt()).isEqualTo(9);
    assertThat(monitoring.path("severity").asText()).isEqualTo("ERROR");
    assertThat(monitoring.path("id").asText()).isEqualTo("KAP-L007");
    assertThat(monitoring.path("path").asText()).isEqualTo("phases[1].sessions[0].monitoring");
    assertThat(monitoring.path("message").asText())
        .isEqualTo("dosing session induction-dose has no monitoring plan: nothing says what is observed after the dose or for how long");
    assertThat(monitoring.path("fix").asText())
        .isEqualTo("add a monitoring plan with a minimumDuration and the observations taken (blood pressure, pulse oximetry)");
    List<String> ids = new ArrayList<>();
    file.path("findings").forEach(f -> ids.add(f.path("id").asText()));
    assertThat(ids).containsExactly("KAP-L014", "KAP-L007", "KAP-L011");
  }

  @Test
  void lintJson_invalidTemplate_exits2WithProblemsAndNothingOnStderr() throws IOException {
    Cli run = kapsdk("lint", "--json", INVALID, CLEAN);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEmpty();
    JsonNode document = MAPPER.readTree(run.out());
    assertThat(document.path("passed").asBoolean(true)).isFalse();
    JsonNode invalid = document.path("files").path(0);
    assertThat(fieldNames(invalid)).containsExactly("file", "valid", "problems");
    assertThat(invalid.path("valid").asBoolean(true)).isFalse();
    assertThat(invalid.path("problems")).hasSize(3);
    assertThat(invalid.path("problems").path(0).path("line").asInt()).isEqualTo(17);
    assertThat(document.path("files").path(1).path("valid").asBoolean()).isTrue();
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
