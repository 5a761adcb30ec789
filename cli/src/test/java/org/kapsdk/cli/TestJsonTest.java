package org.kapsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kapsdk.cli.Cli.kapsdk;
import static org.kapsdk.cli.TestCommandTest.COMPLETE;
import static org.kapsdk.cli.TestCommandTest.ELIGIBILITY;
import static org.kapsdk.cli.TestCommandTest.FAILING;
import static org.kapsdk.cli.TestCommandTest.MALFORMED;
import static org.kapsdk.cli.TestCommandTest.PRE_DOSE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void testJson_passingDirectory_exits0WithResultsAndMergedCoverage() throws IOException {
    Cli run = kapsdk("test", "--json", COMPLETE);

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.err()).isEmpty();
    JsonNode doc = MAPPER.readTree(run.out());
    assertThat(fieldNames(doc))
        .containsExactly("passed", "scenariosPassed", "scenariosFailed", "filesWithProblems",
            "failOnUncovered", "files", "coverage");
    assertThat(doc.get("passed").asBoolean()).isTrue();
    assertThat(doc.get("scenariosPassed").asInt()).isEqualTo(10);
    assertThat(doc.get("scenariosFailed").asInt()).isEqualTo(0);
    assertThat(doc.get("files").findValuesAsText("file")).containsExactly(ELIGIBILITY, PRE_DOSE);
    JsonNode first = doc.get("files").get(0);
    assertThat(fieldNames(first))
        .containsExactly("file", "status", "protocol", "scenarios", "problems");
    assertThat(first.get("status").asText()).isEqualTo("PASS");
    assertThat(first.get("protocol").asText()).isEqualTo("cli-check");
    assertThat(first.get("scenarios").get(1).toString())
        .isEqualTo("{\"name\":\"a minor is not\",\"status\":\"PASS\",\"verdict\":\"BLOCKED\","
            + "\"rejection\":null,\"mismatches\":[]}");
    JsonNode rejected = doc.get("files").get(1).get("scenarios").get(6);
    assertThat(rejected.get("verdict").isNull()).isTrue();
    assertThat(rejected.get("rejection").asText())
        .isEqualTo("overrides[0].ruleId: rule 'dose#maxPerSession' is not overridable");

    JsonNode coverage = doc.get("coverage");
    assertThat(coverage).hasSize(1);
    JsonNode protocol = coverage.get(0);
    assertThat(protocol.get("protocol").asText()).isEqualTo("cli-check");
    assertThat(protocol.get("files").toString())
        .isEqualTo(MAPPER.writeValueAsString(List.of(ELIGIBILITY, PRE_DOSE)));
    assertThat(protocol.get("complete").asBoolean()).isTrue();
    assertThat(protocol.get("rules").toString())
        .isEqualTo("["
            + "{\"id\":\"AGE-ADULT\",\"severity\":\"BLOCK\",\"outcomes\":[\"PASS\",\"FAIL\",\"UNKNOWN\"],"
            + "\"unreachable\":[]},"
            + "{\"id\":\"AGE-65-INFO\",\"severity\":\"INFO\",\"outcomes\":[\"PASS\",\"UNKNOWN\"],"
            + "\"unreachable\":[]},"
            + "{\"id\":\"BP-PRE\",\"severity\":\"BLOCK\","
            + "\"outcomes\":[\"PASS\",\"FAIL\",\"UNKNOWN\",\"OVERRIDDEN\"],\"unreachable\":[]},"
            + "{\"id\":\"FOOD-2H\",\"severity\":\"WARN\",\"outcomes\":[\"PASS\"],\"unreachable\":[]},"
            + "{\"id\":\"dose#maxPerSession\",\"severity\":\"BLOCK\","
            + "\"outcomes\":[\"PASS\",\"FAIL\",\"UNKNOWN\"],\"unreachable\":[]}]");
    assertThat(protocol.get("uncoveredBlockRules")).isEmpty();
  }

  @Test
  void testJson_failOnUncoveredWithAGap_exits1AndListsWhatIsLacking() throws IOException {
    Cli run = kapsdk("test", "--json", "--fail-on-uncovered", PRE_DOSE);

    assertThat(run.exitCode()).isEqualTo(1);
    JsonNode doc = MAPPER.readTree(run.out());
    assertThat(doc.get("passed").asBoolean()).isFalse();
    assertThat(doc.get("failOnUncovered").asBoolean()).isTrue();
    assertThat(doc.get("scenariosFailed").asInt()).isEqualTo(0);
    JsonNode protocol = doc.get("coverage").get(0);
    assertThat(protocol.get("complete").asBoolean()).isFalse();
    assertThat(protocol.get("uncoveredBlockRules").toString())
        .isEqualTo("[{\"id\":\"AGE-ADULT\",\"lacking\":[\"FAIL\",\"UNKNOWN\"]}]");
  }

  @Test
  void testJson_failureAndMalformedFile_exits2WithMismatchesAndProblems() throws IOException {
    Cli run = kapsdk("test", "--json", FAILING, MALFORMED);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEmpty();
    JsonNode doc = MAPPER.readTree(run.out());
    assertThat(doc.get("passed").asBoolean()).isFalse();
    assertThat(doc.get("scenariosPassed").asInt()).isEqualTo(1);
    assertThat(doc.get("scenariosFailed").asInt()).isEqualTo(1);
    assertThat(doc.get("filesWithProblems").asInt()).isEqualTo(1);
    JsonNode failing = doc.get("files").get(0);
    assertThat(failing.get("status").asText()).isEqualTo("FAIL");
    assertThat(failing.get("scenarios").get(1).get("mismatches").toString())
        .isEqualTo("[\"verdict: expected BLOCKED, got PROCEED\","
            + "\"rule AGE-65-INFO: expected PASS, got FAIL (Patient is 65 or older)\"]");
    JsonNode malformed = doc.get("files").get(1);
    assertThat(malformed.get("status").asText()).isEqualTo("ERROR");
    assertThat(malformed.get("protocol").isNull()).isTrue();
    assertThat(malformed.get("scenarios")).isEmpty();
    assertThat(malformed.get("problems")).hasSize(2);
    assertThat(malformed.get("problems").get(1).toString())
        .isEqualTo("{\"file\":" + MAPPER.writeValueAsString(MALFORMED) + ",\"line\":8,\"column\":5,"
            + "\"path\":\"scenarios[0].colour\",\"message\":\"unknown field 'colour'; expected one"
            + " of at, description, expect, facts, gate, name, overrides, plannedDose, session\"}");
    assertThat(doc.get("coverage").findValuesAsText("protocol")).containsExactly("cli-check");
  }

  @Test
  void testJson_isDeterministic() {
    assertThat(kapsdk("test", "--json", COMPLETE).out())
        .isEqualTo(kapsdk("test", "--json", COMPLETE).out());
  }
}
