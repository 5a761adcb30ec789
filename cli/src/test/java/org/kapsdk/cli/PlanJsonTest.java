package org.kapsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kapsdk.cli.Cli.kapsdk;
import static org.kapsdk.cli.PlanCommandTest.SAMPLE;
import static org.kapsdk.cli.PlanCommandTest.SAMPLE_PROFILE;
import static org.kapsdk.cli.PlanCommandTest.START;
import static org.kapsdk.cli.PlanCommandTest.TEMPLATE;
import static org.kapsdk.cli.PlanCommandTest.UNPLANNABLE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static JsonNode item(JsonNode plan, String id) {
    for (JsonNode item : plan.get("items")) {
      if (item.get("id").asText().equals(id)) {
        return item;
      }
    }
    throw new AssertionError("no item " + id);
  }

  @Test
  void planJson_smallTemplate_exits0WithCalendarAndEveryItemInPlanOrder() throws IOException {
    Cli run =
        kapsdk("plan", TEMPLATE, "--start", START, "--closed", "tue", "--closed-dates", "2026-01-20",
            "--horizon-weeks", "4", "--json");

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.err()).isEmpty();
    JsonNode doc = MAPPER.readTree(run.out());
    assertThat(fieldNames(doc)).containsExactly("plan", "problems");
    assertThat(doc.get("problems")).isEmpty();
    JsonNode plan = doc.get("plan");
    assertThat(fieldNames(plan))
        .containsExactly("templateId", "templateVersion", "start", "horizonEnd", "calendar", "items");
    assertThat(plan.get("templateId").asText()).isEqualTo("cli-plan");
    assertThat(plan.get("templateVersion").asText()).isEqualTo("2.0.0");
    assertThat(plan.get("start").asText()).isEqualTo("2026-01-05");
    assertThat(plan.get("horizonEnd").asText()).isEqualTo("2026-02-02");
    assertThat(plan.get("calendar").toString())
        .isEqualTo("{\"zone\":\"UTC\",\"closedWeekdays\":[\"TUESDAY\"],\"closedDates\":[\"2026-01-20\"]}");
    assertThat(plan.get("items").findValuesAsText("id"))
        .containsExactly(
            "screening/visit/1", "screening/visit/1/PHQ9", "screening/visit/1/MADRS",
            "induction/dose/1", "induction/dose/1/PHQ9", "induction/dose/1/form",
            "induction/dose/2", "induction/dose/2/PHQ9", "induction/dose/2/form",
            "induction/dose/3", "induction/dose/3/PHQ9", "induction/dose/3/form",
            "induction/dose/4", "induction/dose/4/PHQ9", "induction/dose/4/form",
            "induction/review/1",
            "maintenance/booster/1");
  }

  @Test
  void planJson_items_haveEveryFieldInOrderWithNullsWhereAbsent() throws IOException {
    JsonNode plan =
        MAPPER.readTree(
                kapsdk("plan", TEMPLATE, "--start", START, "--closed", "tue", "--horizon-weeks", "4",
                    "--json").out())
            .get("plan");

    assertThat(item(plan, "induction/dose/1").toString())
        .isEqualTo("{\"id\":\"induction/dose/1\",\"kind\":\"SESSION\",\"phase\":\"induction\","
            + "\"sessionTemplate\":\"dose\",\"sessionKind\":\"DOSING\",\"occurrence\":1,"
            + "\"session\":null,\"step\":null,\"instrument\":null,"
            + "\"target\":\"2026-01-07\",\"earliest\":\"2026-01-06\",\"latest\":\"2026-01-11\","
            + "\"nominal\":\"2026-01-06\",\"required\":true,\"title\":\"Dosing session #1\"}");
    assertThat(item(plan, "induction/dose/1/form").toString())
        .isEqualTo("{\"id\":\"induction/dose/1/form\",\"kind\":\"INTEGRATION_STEP\","
            + "\"phase\":\"induction\",\"sessionTemplate\":\"dose\",\"sessionKind\":\"DOSING\","
            + "\"occurrence\":1,\"session\":\"induction/dose/1\",\"step\":\"form\",\"instrument\":null,"
            + "\"target\":\"2026-01-07\",\"earliest\":\"2026-01-07\",\"latest\":\"2026-01-10\","
            + "\"nominal\":null,\"required\":true,\"title\":\"Monitoring form\"}");
    assertThat(item(plan, "screening/visit/1/MADRS").toString())
        .isEqualTo("{\"id\":\"screening/visit/1/MADRS\",\"kind\":\"ASSESSMENT\","
            + "\"phase\":\"screening\",\"sessionTemplate\":\"visit\",\"sessionKind\":\"SCREENING\","
            + "\"occurrence\":1,\"session\":\"screening/visit/1\",\"step\":null,\"instrument\":\"MADRS\","
            + "\"target\":\"2026-01-05\",\"earliest\":\"2026-01-05\",\"latest\":\"2026-01-05\","
            + "\"nominal\":null,\"required\":true,\"title\":\"MADRS\"}");
  }

  @Test
  void planJson_countsMatchTheTextHeader() throws IOException {
    JsonNode items =
        MAPPER.readTree(kapsdk("plan", SAMPLE, "--profile", SAMPLE_PROFILE, "--start", START, "--json").out()).get("plan").get("items");

    assertThat(items.findValuesAsText("kind"))
        .filteredOn("SESSION"::equals).hasSize(25);
    assertThat(items.findValuesAsText("kind"))
        .filteredOn("INTEGRATION_STEP"::equals).hasSize(21);
    assertThat(items.findValuesAsText("kind"))
        .filteredOn("ASSESSMENT"::equals).hasSize(49);
    assertThat(kapsdk("plan", SAMPLE, "--profile", SAMPLE_PROFILE, "--start", START).outLines().get(1))
        .isEqualTo("25 sessions, 21 integration steps, 49 assessments");
  }

  @Test
  void planJson_isDeterministic() {
    String[] args = {
      "plan", SAMPLE, "--profile", SAMPLE_PROFILE, "--start", START, "--zone", "America/New_York", "--closed", "sat,sun",
      "--closed-dates", "2026-01-19,2026-02-16", "--json"
    };

    Cli first = kapsdk(args);
    Cli second = kapsdk(args);

    assertThat(first.exitCode()).isEqualTo(0);
    assertThat(first.out()).isNotEmpty().isEqualTo(second.out());
    assertThat(first.out()).endsWith("\n").doesNotContain("\r");
  }

  @Test
  void planJson_noPlanOnTheCalendar_exits2WithTheProblemsInTheDocument() throws IOException {
    Cli run = kapsdk("plan", UNPLANNABLE, "--start", START, "--closed", "sat,sun", "--json");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEmpty();
    JsonNode doc = MAPPER.readTree(run.out());
    assertThat(fieldNames(doc)).containsExactly("plan", "problems");
    assertThat(doc.get("plan").isNull()).isTrue();
    assertThat(doc.get("problems").toString())
        .isEqualTo("[{\"file\":" + MAPPER.writeValueAsString(UNPLANNABLE) + ",\"line\":19,\"column\":9,"
            + "\"path\":\"phases[0].sessions[0].timing\",\"message\":\"session visit #1: target"
            + " 2026-01-10, the only day of its window, is closed (2026-01-10 closed on Saturdays)\"}]");
  }

  @Test
  void planJson_badOptions_exits2WithTheOptionAsTheFile() throws IOException {
    Cli run = kapsdk("plan", TEMPLATE, "--start", "soon", "--horizon-weeks", "0", "--json");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEmpty();
    assertThat(MAPPER.readTree(run.out()).get("problems").toString())
        .isEqualTo("[{\"file\":\"--start\",\"line\":0,\"column\":0,\"path\":\"\","
            + "\"message\":\"'soon' is not an ISO-8601 date such as 2026-01-05\"},"
            + "{\"file\":\"--horizon-weeks\",\"line\":0,\"column\":0,\"path\":\"\","
            + "\"message\":\"must be between 1 and 520 weeks, not 0\"}]");
  }
}
