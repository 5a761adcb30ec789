package org.kapsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kapsdk.cli.CheckCommandTest.AT;
import static org.kapsdk.cli.CheckCommandTest.TEMPLATE;
import static org.kapsdk.cli.CheckCommandTest.preDose;
import static org.kapsdk.cli.Cli.kapsdk;
import static org.kapsdk.cli.Cli.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static JsonNode parse(Cli run) throws IOException {
    return MAPPER.readTree(run.out());
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void checkJson_withoutAt_evaluatesAtTheCurrentTimeToTheSecond() throws IOException {
    Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Cli run = kapsdk("check", TEMPLATE, "--facts", resource("check", "facts-ready.yaml"), "--gate", "PRE_DOSE",
        "--session", "s1", "--planned-dose", "56 mg", "--json");
    Instant after = Instant.now();

    Instant at = Instant.parse(parse(run).get("at").asText());
    assertThat(at.getNano()).isZero();
    assertThat(at).isBetween(before, after);
  }

  @Test
  void checkJson_blocked_exits1WithVerdictCountsAndFindingsInTemplateOrder() throws IOException {
    Cli run = preDose("facts-high-bp.yaml", "--json");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEmpty();
    JsonNode doc = parse(run);
    assertThat(fieldNames(doc))
        .containsExactly("verdict", "gate", "at", "template", "session", "plannedDose", "counts",
            "blockedBy", "findings");
    assertThat(doc.get("verdict").asText()).isEqualTo("BLOCKED");
    assertThat(doc.get("gate").asText()).isEqualTo("PRE_DOSE");
    assertThat(doc.get("at").asText()).isEqualTo(AT);
    assertThat(doc.get("template").get("id").asText()).isEqualTo("cli-check");
    assertThat(doc.get("template").get("version").asText()).isEqualTo("1.2.0");
    assertThat(doc.get("session").asText()).isEqualTo("s1");
    assertThat(doc.get("plannedDose").asText()).isEqualTo("56 mg");
    assertThat(doc.get("counts").toString())
        .isEqualTo("{\"FAIL\":2,\"UNKNOWN\":0,\"OVERRIDDEN\":0,\"PASS\":1,\"NOT_APPLICABLE\":0}");
    assertThat(doc.get("blockedBy").toString()).isEqualTo("[\"BP-PRE\"]");

    JsonNode findings = doc.get("findings");
    assertThat(findings).hasSize(3);
    assertThat(findings.findValuesAsText("ruleId"))
        .containsExactly("BP-PRE", "FOOD-2H", "dose#maxPerSession");
    JsonNode bp = findings.get(0);
    assertThat(fieldNames(bp))
        .containsExactly("ruleId", "outcome", "evaluatedOutcome", "severity", "blocking", "message",
            "threshold", "factsUsed", "missingFacts", "derived", "evidence", "override");
    assertThat(bp.get("outcome").asText()).isEqualTo("FAIL");
    assertThat(bp.get("severity").asText()).isEqualTo("BLOCK");
    assertThat(bp.get("blocking").asBoolean()).isTrue();
    assertThat(bp.get("message").asText()).isEqualTo("Systolic 152 mmHg is above 140 mmHg");
    assertThat(bp.get("threshold").asText())
        .isEqualTo("must not hold: Systolic blood pressure > 140 mmHg (reading within 1 h)");
    assertThat(bp.get("factsUsed").toString())
        .isEqualTo("[{\"label\":\"Systolic blood pressure\",\"value\":\"152 mmHg\","
            + "\"at\":\"2026-01-05T08:55:00Z\"}]");
    assertThat(bp.get("missingFacts")).isEmpty();
    assertThat(bp.get("derived").asBoolean()).isFalse();
    assertThat(bp.get("evidence").toString())
        .isEqualTo("[{\"key\":\"PI\",\"citation\":\"Spravato PI\",\"section\":\"2.3\","
            + "\"jurisdiction\":\"US\",\"confirmed\":true}]");
    assertThat(bp.get("override").isNull()).isTrue();

    JsonNode food = findings.get(1);
    assertThat(food.get("blocking").asBoolean()).isFalse();
    assertThat(food.get("evidence").toString())
        .isEqualTo("[{\"key\":\"LOCAL\",\"citation\":\"Clinic fasting policy (draft)\","
            + "\"section\":null,\"jurisdiction\":null,\"confirmed\":false}]");
    JsonNode limit = findings.get(2);
    assertThat(limit.get("outcome").asText()).isEqualTo("PASS");
    assertThat(limit.get("derived").asBoolean()).isTrue();
    assertThat(limit.get("evidence")).isEmpty();
  }

  @Test
  void checkJson_overridden_carriesTheOverrideAndTheMissingFacts() throws IOException {
    Cli run = preDose("facts-stale-bp.yaml", "--json", "--override",
        resource("check", "overrides-bp.yaml"));

    assertThat(run.exitCode()).isEqualTo(1);
    JsonNode doc = parse(run);
    assertThat(doc.get("verdict").asText()).isEqualTo("PROCEED_WITH_WARNINGS");
    JsonNode bp = doc.get("findings").get(0);
    assertThat(bp.get("outcome").asText()).isEqualTo("OVERRIDDEN");
    assertThat(bp.get("evaluatedOutcome").asText()).isEqualTo("UNKNOWN");
    assertThat(bp.get("blocking").asBoolean()).isFalse();
    assertThat(bp.get("factsUsed")).isEmpty();
    assertThat(bp.get("missingFacts").toString())
        .isEqualTo("[\"Systolic blood pressure reading no older than 1 h (latest is 3 h old)\"]");
    assertThat(bp.get("override").toString())
        .isEqualTo("{\"ruleId\":\"BP-PRE\",\"clinicianId\":\"c-17\",\"role\":\"prescriber\","
            + "\"reason\":\"Reading repeated by hand at 08:58, 132 mmHg; device upload pending\","
            + "\"at\":\"2026-01-05T08:58:00Z\",\"session\":\"s1\"}");
  }

  @Test
  void checkJson_proceed_exits0WithNullSessionAndDoseWhenNotGiven() throws IOException {
    Cli run = kapsdk("check", TEMPLATE, "--facts", resource("check", "facts-ready.yaml"),
        "--gate", "ELIGIBILITY", "--at", AT, "--json");

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.err()).isEmpty();
    JsonNode doc = parse(run);
    assertThat(doc.get("verdict").asText()).isEqualTo("PROCEED");
    assertThat(doc.get("session").isNull()).isTrue();
    assertThat(doc.get("plannedDose").isNull()).isTrue();
    assertThat(doc.get("blockedBy")).isEmpty();
    assertThat(doc.get("findings").findValuesAsText("ruleId"))
        .containsExactly("AGE-ADULT", "AGE-65-INFO");
  }

  @Test
  void checkJson_badInput_exits2WithEveryProblemInTheDocumentAndNothingOnStderr()
      throws IOException {
    String facts = resource("check", "facts-invalid.yaml");

    Cli run = kapsdk("check", TEMPLATE, "--facts", facts, "--gate", "nope", "--at", AT, "--json");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEmpty();
    JsonNode doc = parse(run);
    assertThat(fieldNames(doc)).containsExactly("verdict", "problems");
    assertThat(doc.get("verdict").isNull()).isTrue();
    JsonNode problems = doc.get("problems");
    assertThat(problems).hasSize(4);
    assertThat(problems.get(0).toString())
        .isEqualTo("{\"file\":" + MAPPER.valueToTree(facts) + ",\"line\":3,\"column\":1,"
            + "\"path\":\"agee\",\"message\":\"unknown field 'agee'; expected one of ageYears,"
            + " assessments, attestations, conditions, medications, observations, patientId,"
            + " pregnancy, sessions\"}");
    assertThat(problems.findValuesAsText("file"))
        .containsExactly(facts, facts, facts, "--gate");
    assertThat(problems.get(3).toString())
        .isEqualTo("{\"file\":\"--gate\",\"line\":0,\"column\":0,\"path\":\"\",\"message\":"
            + "\"'nope' is not a gate; expected one of ELIGIBILITY, PRE_DOSE, DURING_SESSION,"
            + " DISCHARGE, COURSE\"}");
  }

  @Test
  void checkJson_isDeterministic() {
    Cli first = preDose("facts-high-bp.yaml", "--json");
    Cli second = preDose("facts-high-bp.yaml", "--json");

    assertThat(first.out()).isEqualTo(second.out());
    assertThat(first.out()).startsWith("{\n  \"verdict\": \"BLOCKED\",\n  \"gate\": \"PRE_DOSE\",\n");
    assertThat(first.out()).endsWith("}\n");
  }
}
