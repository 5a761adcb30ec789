package org.kapsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kapsdk.cli.Cli.kapsdk;
import static org.kapsdk.cli.Cli.resource;
import static org.kapsdk.cli.StatusCommandTest.AT;
import static org.kapsdk.cli.StatusCommandTest.LATER;
import static org.kapsdk.cli.StatusCommandTest.SAMPLE_COURSE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static JsonNode status(String at) throws IOException {
    Cli run = kapsdk("status", SAMPLE_COURSE, "--at", at, "--json");
    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.err()).isEmpty();
    JsonNode doc = MAPPER.readTree(run.out());
    assertThat(fieldNames(doc)).containsExactly("status", "problems");
    assertThat(doc.get("problems")).isEmpty();
    return doc.get("status");
  }

  @Test
  void statusJson_sampleCourse_exits0WithEveryFieldInOrder() throws IOException {
    JsonNode s = status(AT);

    assertThat(fieldNames(s))
        .containsExactly(
            "courseId", "templateId", "templateVersion", "at", "zone", "status", "phase",
            "cumulativeDose", "overdue", "nextDue", "outcomes", "decisions", "cssrs", "itemFlags",
            "sessions", "deviations", "planChanges", "notes", "planProblems");
    assertThat(s.get("courseId").asText()).isEqualTo("sample-course-0001");
    assertThat(s.get("templateId").asText()).isEqualTo("esketamine-trd-sample");
    assertThat(s.get("templateVersion").asText()).isEqualTo("1.0.0");
    assertThat(s.get("at").asText()).isEqualTo(AT);
    assertThat(s.get("zone").asText()).isEqualTo("America/New_York");
    assertThat(s.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(s.get("phase").asText()).isEqualTo("induction");
    assertThat(s.get("cumulativeDose").toString())
        .isEqualTo("{\"day\":\"0 mg\",\"week\":\"112 mg\",\"course\":\"224 mg\"}");
    assertThat(s.get("cssrs").get("level").asText()).isEqualTo("NOT_HIGH");
    assertThat(s.get("decisions")).isEmpty();
    assertThat(s.get("itemFlags")).isEmpty();
    assertThat(s.get("notes")).isEmpty();
    assertThat(s.get("planProblems")).isEmpty();
  }

  @Test
  void statusJson_dueItems_carryThePlannedDateOfSessionsOnly() throws IOException {
    JsonNode s = status(AT);

    assertThat(s.get("overdue")).isEmpty();
    assertThat(s.get("nextDue").findValuesAsText("id"))
        .containsExactly(
            "induction/induction-dose/5", "induction/induction-dose/4/rems-pmf-induction",
            "induction/induction-dose/6", "induction/induction-dose/7", "induction/induction-dose/8",
            "induction/end-of-induction-review/1", "maintenance-weekly/maintenance-weekly-dose/1");
    assertThat(s.get("nextDue").get(0).toString())
        .isEqualTo("{\"id\":\"induction/induction-dose/5\",\"kind\":\"SESSION\","
            + "\"title\":\"Induction dosing session #5\",\"session\":\"induction/induction-dose/5\","
            + "\"planned\":\"2026-01-19\",\"dueFrom\":\"2026-01-19T05:00:00Z\","
            + "\"dueBy\":\"2026-01-25T05:00:00Z\",\"required\":true}");
    assertThat(s.get("nextDue").get(1).toString())
        .isEqualTo("{\"id\":\"induction/induction-dose/4/rems-pmf-induction\","
            + "\"kind\":\"INTEGRATION_STEP\",\"title\":\"Submit the SPRAVATO REMS Patient Monitoring"
            + " Form\",\"session\":\"induction/induction-dose/4\",\"planned\":null,"
            + "\"dueFrom\":\"2026-01-20T16:25:00Z\",\"dueBy\":\"2026-01-27T16:25:00Z\","
            + "\"required\":true}");
  }

  @Test
  void statusJson_later_listsOverdueItemsByDeadline() throws IOException {
    JsonNode s = status(LATER);

    assertThat(s.get("overdue").findValuesAsText("id"))
        .containsExactly(
            "induction/induction-dose/5", "induction/induction-dose/6",
            "induction/induction-dose/4/rems-pmf-induction", "induction/induction-dose/7",
            "induction/induction-dose/8");
    assertThat(s.get("overdue").findValuesAsText("kind"))
        .containsExactly("SESSION", "SESSION", "INTEGRATION_STEP", "SESSION", "SESSION");
    assertThat(s.get("cumulativeDose").get("week").asText()).isEqualTo("0 mg");
  }

  @Test
  void statusJson_outcomesSessionsAndDeviations() throws IOException {
    JsonNode s = status(AT);

    assertThat(s.get("outcomes").toString())
        .isEqualTo("[{\"instrument\":\"PHQ9\",\"baseline\":14,\"latest\":8,\"band\":\"mild\","
            + "\"percentChange\":-42.9,\"trend\":\"IMPROVING\",\"response\":\"NO_RESPONSE\","
            + "\"remission\":\"NO_REMISSION\"},"
            + "{\"instrument\":\"MADRS\",\"baseline\":32,\"latest\":32,\"band\":\"moderate\","
            + "\"percentChange\":0.0,\"trend\":\"UNKNOWN\",\"response\":\"UNKNOWN\","
            + "\"remission\":\"UNKNOWN\"}]");
    assertThat(s.get("sessions").findValuesAsText("id"))
        .containsExactly(
            "screening/screening-visit/1", "screening/rems-enrolment/1", "induction/induction-dose/1",
            "induction/induction-dose/2", "induction/induction-dose/3", "induction/induction-dose/4");
    assertThat(s.get("sessions").get(1).toString())
        .isEqualTo("{\"id\":\"screening/rems-enrolment/1\",\"template\":\"rems-enrolment\","
            + "\"status\":\"COMPLETED\",\"startedAt\":\"2026-01-06T14:00:00Z\",\"totalDose\":\"0 mg\","
            + "\"monitoredMinutes\":null}");
    assertThat(s.get("sessions").get(5).toString())
        .isEqualTo("{\"id\":\"induction/induction-dose/4\",\"template\":\"induction-dose\","
            + "\"status\":\"COMPLETED\",\"startedAt\":\"2026-01-20T14:00:00Z\",\"totalDose\":\"56 mg\","
            + "\"monitoredMinutes\":130}");
    assertThat(s.get("deviations").toString())
        .isEqualTo("[{\"session\":\"induction/induction-dose/2\",\"description\":\"held on 2026-01-13,"
            + " 2 days after its window 2026-01-06 .. 2026-01-11\"},"
            + "{\"session\":\"induction/induction-dose/4\",\"description\":\"held on 2026-01-20,"
            + " 2 days after its window 2026-01-13 .. 2026-01-18\"}]");
    assertThat(s.get("planChanges")).hasSize(88);
    assertThat(s.get("planChanges").get(1).toString())
        .isEqualTo("{\"item\":\"screening/rems-enrolment/1\",\"kind\":\"HELD\",\"from\":\"2026-01-05\","
            + "\"to\":\"2026-01-06\",\"reason\":\"held 1 d after its planned date; KEEP_SCHEDULE: the"
            + " rest of phase screening keeps its dates\"}");
  }

  @Test
  void statusJson_isDeterministic() {
    Cli first = kapsdk("status", SAMPLE_COURSE, "--at", AT, "--json");
    Cli second = kapsdk("status", SAMPLE_COURSE, "--at", AT, "--json");

    assertThat(first.out()).isNotEmpty().isEqualTo(second.out());
    assertThat(first.out()).endsWith("\n").doesNotContain("\r");
  }

  @Test
  void statusJson_refusedEvent_exits2WithTheProblemInTheDocument() throws IOException {
    String course = resource("status", "dose-without-gate.yaml");

    Cli run = kapsdk("status", course, "--at", AT, "--json");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEmpty();
    JsonNode doc = MAPPER.readTree(run.out());
    assertThat(fieldNames(doc)).containsExactly("status", "problems");
    assertThat(doc.get("status").isNull()).isTrue();
    assertThat(doc.get("problems").toString())
        .isEqualTo("[{\"file\":" + MAPPER.writeValueAsString(course) + ",\"line\":46,\"column\":5,"
            + "\"path\":\"events[5].sessionId\",\"message\":\"no PRE_DOSE gate check is recorded for"
            + " session 'induction/induction-dose/1' at or before the dose; check the gate and record"
            + " its verdict first\"}]");
  }

  @Test
  void statusJson_badAt_exits2WithTheOptionAsTheFile() throws IOException {
    Cli run = kapsdk("status", SAMPLE_COURSE, "--at", "now", "--json");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEmpty();
    assertThat(MAPPER.readTree(run.out()).get("problems").toString())
        .isEqualTo("[{\"file\":\"--at\",\"line\":0,\"column\":0,\"path\":\"\","
            + "\"message\":\"'now' is not an ISO-8601 instant such as 2026-01-21T15:00:00Z\"}]");
  }
}
