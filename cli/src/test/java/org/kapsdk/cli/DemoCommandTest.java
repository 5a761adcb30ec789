package org.kapsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kapsdk.cli.Cli.kapsdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.kapsdk.protocols.BuiltInProtocol;
import org.junit.jupiter.api.io.TempDir;
import org.kapsdk.core.course.CourseRecord;
import org.kapsdk.core.course.CourseRules;
import org.kapsdk.core.course.DoseAdministered;
import org.kapsdk.core.course.GateChecked;
import org.kapsdk.core.course.OverrideRecorded;
import org.kapsdk.core.gate.VerdictOutcome;
import org.kapsdk.core.io.CourseDocument;
import org.kapsdk.core.io.CourseFiles;
import org.kapsdk.core.io.PlanFiles;
import org.kapsdk.core.model.Gate;
import org.kapsdk.core.model.ProtocolTemplate;
import org.kapsdk.core.plan.CoursePlan;
import org.kapsdk.core.plan.PlannedItem;

class DemoCommandTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** One run's JSON, shared by the tests that only read it: the demo is deterministic (tested below). */
  private static JsonNode json;

  private static synchronized JsonNode demoJson() throws IOException {
    if (json == null) {
      Cli run = kapsdk("demo", "--json");
      assertThat(run.exitCode()).isEqualTo(0);
      assertThat(run.err()).isEmpty();
      JsonNode doc = MAPPER.readTree(run.out());
      assertThat(doc.get("problems")).isEmpty();
      json = doc.get("demo");
    }
    return json;
  }

  /** The checks of one gate at one session, in the order they were made. */
  private static List<JsonNode> checks(JsonNode session, String gate) {
    List<JsonNode> found = new ArrayList<>();
    session.get("checks").forEach(c -> {
      if (c.get("gate").asText().equals(gate)) {
        found.add(c);
      }
    });
    return found;
  }

  private static JsonNode session(JsonNode demo, int number) {
    JsonNode s = demo.get("sessions").get(number - 1);
    assertThat(s.get("session").asText()).isEqualTo("induction/induction-dose/" + number);
    return s;
  }

  private static JsonNode finding(JsonNode check, String rule) {
    for (JsonNode f : check.get("findings")) {
      if (f.get("rule").asText().equals(rule)) {
        return f;
      }
    }
    throw new AssertionError("no finding " + rule + " in " + check);
  }

  // ------------------------------------------------------------------------------ runs

  @Test
  void demo_runsWithExit0_andTwoRunsGiveIdenticalText() {
    long started = System.nanoTime();
    Cli first = kapsdk("demo");
    Cli second = kapsdk("demo");

    assertThat(first.exitCode()).isEqualTo(0);
    assertThat(first.err()).isEmpty();
    assertThat(first.out()).startsWith("kapsdk demo: ").contains("SIMULATED DATA, NOT MEDICAL ADVICE");
    assertThat(second.out().getBytes(StandardCharsets.UTF_8)).isEqualTo(first.out().getBytes(StandardCharsets.UTF_8));
    assertThat(first.out()).doesNotContain("Exception").doesNotContain("\tat ");
    // Each run takes well under a second here; the bound only catches a pathological slowdown
    // (such as a planner search gone wild) without failing on a busy build machine.
    assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(20_000);
  }

  @Test
  void demoJson_twoRunsGiveIdenticalBytes_andFieldsInOrder() throws IOException {
    Cli first = kapsdk("demo", "--json");
    Cli second = kapsdk("demo", "--json");

    assertThat(first.exitCode()).isEqualTo(0);
    assertThat(second.out()).isEqualTo(first.out());
    JsonNode demo = MAPPER.readTree(first.out()).get("demo");
    List<String> names = new ArrayList<>();
    demo.fieldNames().forEachRemaining(names::add);
    assertThat(names).containsExactly("notice", "protocol", "profile", "patientId", "course", "eligibility", "plan",
        "sessions", "scores", "endOfInduction", "written");
    assertThat(demo.get("protocol").get("id").asText()).isEqualTo("esketamine-trd-us");
    assertThat(demo.get("notice").asText()).contains("NOT MEDICAL ADVICE");
    assertThat(demo.get("eligibility").get("gate").asText()).isEqualTo("ELIGIBILITY");
    assertThat(demo.get("eligibility").get("outcome").asText()).isEqualTo("PROCEED");
  }

  @Test
  void demo_text_showsTheBlockedSession_withRuleValueThresholdAndSource() {
    String out = kapsdk("demo").out();
    String section = out.substring(out.indexOf("4. A blocked pre-dose check"), out.indexOf("5. Discharge"));

    assertThat(section).contains("induction/induction-dose/3");
    assertThat(section).contains("PRE_DOSE (pre-dose): BLOCKED");
    assertThat(section).contains("rule       BP-PRE-ELEVATED (BLOCK, overridable)");
    assertThat(section).contains("outcome    FAIL: blocks the verdict");
    assertThat(section).contains("value      Systolic blood pressure 152 mmHg at 10:40, Diastolic blood pressure 94 mmHg at 10:40");
    assertThat(section).contains("threshold  must not hold: (Systolic blood pressure > 140 mmHg").contains("> 90 mmHg");
    assertThat(section).contains("source     PI: SPRAVATO (esketamine) nasal spray, US Prescribing Information");
    // The documented override, then the re-check that lets the dose proceed.
    assertThat(section).contains("override   by staff-prescriber-0001 (prescriber) at 10:55: " + DemoCourse.OVERRIDE_REASON);
    assertThat(section).contains("PRE_DOSE (pre-dose, after the override): PROCEED_WITH_WARNINGS");
    assertThat(section).contains("outcome    OVERRIDDEN (evaluated FAIL)");
  }

  @Test
  void demo_text_dischargeRefusedBefore2h_thenAllowed() {
    String out = kapsdk("demo").out();
    String section = out.substring(out.indexOf("5. Discharge refused"), out.indexOf("6. Integration steps"));

    int refused = section.indexOf("DISCHARGE (discharge, asked early): BLOCKED");
    int allowed = section.indexOf("DISCHARGE (discharge): PROCEED");
    assertThat(refused).isNotNegative();
    assertThat(allowed).isGreaterThan(refused);
    String early = section.substring(refused, allowed);
    assertThat(early).contains("rule       DISCHARGE-MIN-2H (BLOCK, not overridable)")
        .contains("outcome    FAIL: blocks the verdict")
        .contains("time since first administration 100 min")
        .contains("threshold  must hold: at least 2 h since first administration")
        .contains("source     REMS-FDA: REMS@FDA, SPRAVATO REMS");
    assertThat(section.substring(allowed)).contains("outcome    PASS").contains("time since first administration 125 min");
  }

  @Test
  void demo_text_formsAndEndOfInductionOutcomes_sayWhatTheJsonSays() throws IOException {
    String out = kapsdk("demo").out();
    JsonNode demo = demoJson();
    String forms = out.substring(out.indexOf("6. Integration steps"), out.indexOf("7. Scores"));
    String scores = out.substring(out.indexOf("7. Scores"), out.indexOf("8. Where the course stands"));

    // Every form was submitted within its window (the JSON test checks the instants), so none reads late.
    List<String> formRows = forms.lines().filter(l -> l.contains("rems-pmf-induction")).toList();
    assertThat(formRows).hasSize(demo.get("sessions").size()).allSatisfy(l -> assertThat(l.strip()).endsWith("on time"));
    List<String> response = new ArrayList<>();
    List<String> remission = new ArrayList<>();
    for (JsonNode o : demo.get("endOfInduction").get("outcomes")) {
      response.add(o.get("response").asText());
      remission.add(o.get("remission").asText());
    }
    assertThat(scores.lines().filter(l -> l.startsWith("    response:  ")).map(l -> l.substring(15).split(" ")[0]).toList())
        .isEqualTo(response);
    assertThat(scores.lines().filter(l -> l.startsWith("    remission: ")).map(l -> l.substring(15).split(" ")[0]).toList())
        .isEqualTo(remission);
  }

  @Test
  void demoJson_carriesTheSameVerdictsAsTheText() throws IOException {
    String text = kapsdk("demo").out();
    JsonNode demo = demoJson();
    String table = text.substring(text.indexOf("3. Induction sessions"), text.indexOf("4. A blocked"));
    List<String[]> rows = table.lines().filter(l -> l.matches("  [0-9] .*")).map(l -> l.strip().split(" {2,}")).toList();
    assertThat(rows).hasSize(8);

    for (String[] row : rows) {
      JsonNode s = session(demo, Integer.parseInt(row[0]));
      assertThat(row[4]).isEqualTo(outcomes(s, "PRE_DOSE"));
      assertThat(row[6]).isEqualTo(outcomes(s, "DURING_SESSION"));
      assertThat(row[8]).isEqualTo(outcomes(s, "DISCHARGE"));
    }
    assertThat(text).contains(demo.get("eligibility").get("gate").asText() + " "
        + demo.get("eligibility").get("outcome").asText());
  }

  private static String outcomes(JsonNode session, String gate) {
    return String.join(" -> ", checks(session, gate).stream().map(c -> c.get("outcome").asText()).toList());
  }

  @Test
  void demoJson_blockedPreDose_namesRuleValueThresholdSourceAndOverride() throws IOException {
    JsonNode s3 = session(demoJson(), DemoCourse.BLOCKED_VISIT);
    List<JsonNode> preDose = checks(s3, "PRE_DOSE");

    assertThat(preDose).hasSize(2);
    JsonNode blocked = preDose.get(0);
    assertThat(blocked.get("outcome").asText()).isEqualTo("BLOCKED");
    assertThat(blocked.get("blockedBy").toString()).isEqualTo("[\"BP-PRE-ELEVATED\"]");
    JsonNode f = finding(blocked, "BP-PRE-ELEVATED");
    assertThat(f.get("outcome").asText()).isEqualTo("FAIL");
    assertThat(f.get("overridable").asBoolean()).isTrue();
    assertThat(f.get("factsUsed").findValuesAsText("value")).containsExactly("152 mmHg", "94 mmHg");
    assertThat(f.get("threshold").asText()).contains("> 140 mmHg").contains("> 90 mmHg");
    assertThat(f.get("evidence").get(0).get("key").asText()).isEqualTo("PI");
    assertThat(f.get("evidence").get(0).get("citation").asText()).contains("US Prescribing Information");

    JsonNode after = preDose.get(1);
    assertThat(after.get("outcome").asText()).isEqualTo("PROCEED_WITH_WARNINGS");
    assertThat(after.get("blockedBy")).isEmpty();
    JsonNode overridden = finding(after, "BP-PRE-ELEVATED");
    assertThat(overridden.get("outcome").asText()).isEqualTo("OVERRIDDEN");
    assertThat(overridden.get("evaluatedOutcome").asText()).isEqualTo("FAIL");
    assertThat(overridden.get("override").get("role").asText()).isEqualTo("prescriber");
    assertThat(s3.get("override").get("reason").asText()).isEqualTo(DemoCourse.OVERRIDE_REASON);
    // The dose came after the proceeding re-check.
    assertThat(Instant.parse(s3.get("firstDevice").asText())).isAfter(Instant.parse(after.get("at").asText()));

    // Every other session proceeded at its first pre-dose check.
    for (JsonNode s : demoJson().get("sessions")) {
      if (!s.equals(s3)) {
        assertThat(outcomes(s, "PRE_DOSE")).isEqualTo("PROCEED");
        assertThat(s.get("override").isNull()).isTrue();
      }
    }
  }

  @Test
  void demoJson_dischargeRefusedBefore2h_thenAllowedAfter() throws IOException {
    JsonNode s1 = session(demoJson(), DemoCourse.EARLY_DISCHARGE_VISIT);
    List<JsonNode> discharge = checks(s1, "DISCHARGE");
    Instant firstDevice = Instant.parse(s1.get("firstDevice").asText());

    assertThat(discharge).hasSize(2);
    assertThat(discharge.get(0).get("outcome").asText()).isEqualTo("BLOCKED");
    assertThat(discharge.get(0).get("blockedBy").toString()).isEqualTo("[\"DISCHARGE-MIN-2H\"]");
    assertThat(Instant.parse(discharge.get(0).get("at").asText())).isBefore(firstDevice.plusSeconds(7200));
    assertThat(discharge.get(1).get("outcome").asText()).isEqualTo("PROCEED");
    assertThat(Instant.parse(discharge.get(1).get("at").asText())).isAfter(firstDevice.plusSeconds(7200));
    assertThat(discharge.get(1).get("passedOrNotApplicable").toString()).contains("\"DISCHARGE-MIN-2H\"");
  }

  @Test
  void demoJson_remsFormsAreDueWithin7DaysOfEachSession_andSubmittedInTime() throws IOException {
    for (JsonNode s : demoJson().get("sessions")) {
      JsonNode form = s.get("remsForm");
      Instant ended = Instant.parse(s.get("monitoringEnded").asText());
      Instant dueFrom = Instant.parse(form.get("dueFrom").asText());
      Instant dueBy = Instant.parse(form.get("dueBy").asText());

      assertThat(form.get("step").asText()).isEqualTo("rems-pmf-induction");
      assertThat(dueFrom).isAfterOrEqualTo(ended).isBefore(ended.plusSeconds(3600));
      assertThat(java.time.Duration.between(dueFrom, dueBy)).isEqualTo(java.time.Duration.ofDays(7));
      assertThat(Instant.parse(form.get("submittedAt").asText())).isBetween(dueFrom, dueBy);
    }
  }

  /**
   * Response and remission recomputed here from the item scores alone, with the reference's
   * definitions (PHQ-9: response a drop of at least 50%, remission below 5; MADRS: response 50%,
   * remission at most 12 as the built-in chooses), the baseline being the latest score at or
   * before the first dose.
   */
  @Test
  void demoJson_endOfInductionDecision_matchesScoresComputedIndependently() throws IOException {
    JsonNode demo = demoJson();
    Instant firstDose = Instant.parse(demo.get("sessions").get(0).get("firstDevice").asText());

    JsonNode end = demo.get("endOfInduction");
    for (String instrument : List.of("PHQ9", "MADRS")) {
      Integer baseline = null;
      Integer latest = null;
      Instant latestAt = Instant.MIN;
      for (JsonNode score : demo.get("scores")) {
        if (!score.get("instrument").asText().equals(instrument)) {
          continue;
        }
        int total = 0;
        for (JsonNode item : score.get("items")) {
          total += item.asInt();
        }
        Instant at = Instant.parse(score.get("at").asText());
        if (!at.isAfter(firstDose)) {
          baseline = total;
        }
        if (at.isAfter(latestAt)) {
          latest = total;
          latestAt = at;
        }
      }
      assertThat(baseline).isNotNull();
      boolean response = (baseline - latest) * 100 >= 50 * baseline;
      boolean remission = instrument.equals("PHQ9") ? latest < 5 : latest <= 12;

      JsonNode outcome = null;
      for (JsonNode o : end.get("outcomes")) {
        if (o.get("instrument").asText().equals(instrument)) {
          outcome = o;
        }
      }
      assertThat(outcome).as(instrument).isNotNull();
      assertThat(outcome.get("baseline").asInt()).as(instrument).isEqualTo(baseline);
      assertThat(outcome.get("latest").asInt()).as(instrument).isEqualTo(latest);
      assertThat(outcome.get("response").asText()).as(instrument).isEqualTo(response ? "RESPONSE" : "NO_RESPONSE");
      assertThat(outcome.get("remission").asText()).as(instrument).isEqualTo(remission ? "REMISSION" : "NO_REMISSION");
      if (instrument.equals("MADRS")) {
        JsonNode decision = end.get("decisions").get(0);
        assertThat(end.get("decisions")).hasSize(1);
        assertThat(decision.get("phase").asText()).isEqualTo("induction");
        assertThat(decision.get("instrument").asText()).isEqualTo("MADRS");
        assertThat(decision.get("status").asText()).isEqualTo(response ? "RESPONDED" : "NOT_RESPONDED");
      }
    }
    // The script makes the two scales disagree on remission, so both branches are shown.
    assertThat(end.get("outcomes").findValuesAsText("remission")).containsExactly("NO_REMISSION", "REMISSION");
    assertThat(end.get("overdue")).isEmpty();
  }

  // ------------------------------------------------------------------------------ --out

  @Test
  void demoOut_writesATimelineWhoseGateMarksMatchTheCourseRecord(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("run");
    assertThat(kapsdk("demo", "--out", out.toString()).exitCode()).isEqualTo(0);

    javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    org.w3c.dom.Document page = factory.newDocumentBuilder().parse(out.resolve("timeline.html").toFile());
    CourseRecord record = CourseFiles.read(out.resolve("course.yaml")).record();
    long checks = record.events().stream().filter(GateChecked.class::isInstance).count();
    org.w3c.dom.NodeList all = page.getElementsByTagName("*");
    int gateMarks = 0;
    int blocked = 0;
    for (int i = 0; i < all.getLength(); i++) {
      org.w3c.dom.Element e = (org.w3c.dom.Element) all.item(i);
      if (!e.getAttribute("data-gate").isEmpty()) {
        gateMarks++;
        blocked += e.getAttribute("data-outcome").equals("BLOCKED") ? 1 : 0;
      }
    }
    assertThat(gateMarks).isEqualTo(checks);
    // The pre-dose block at session 3 and the discharge refused before 2 h.
    assertThat(blocked).isEqualTo(2);
    assertThat(Files.readString(out.resolve("timeline.html"))).doesNotContain("demo-patient-0001").doesNotContain("<script");
  }

  @Test
  void demoOut_writesACourseRecordThatValidatesEventByEvent_andThePlan(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("run");
    Cli run = kapsdk("demo", "--out", out.toString());

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).contains("Written to " + out);
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactly("course.yaml", "demo-clinic-profile.yaml", "plan.yaml", "timeline.html");
    }

    Path courseFile = out.resolve("course.yaml");
    CourseDocument document = CourseFiles.read(courseFile);
    assertThat(document.protocol()).isEqualTo("esketamine-trd-us");
    ProtocolTemplate template = CourseFiles.resolveProtocol(courseFile, document, BuiltInProtocol.catalog());
    CourseRules rules = CourseRules.compile(template);
    // Replays every event through the record's own checks, one append at a time.
    CourseRecord replayed = CourseRecord.empty(document.record().courseId());
    for (var event : document.record().events()) {
      replayed = replayed.append(replayed.version(), event, rules);
    }
    assertThat(replayed.events()).isEqualTo(document.record().events());
    JsonNode demo = demoJson();
    assertThat(replayed.version()).isEqualTo(demo.get("course").get("events").asLong());
    assertThat(template.id()).isEqualTo("esketamine-trd-us");
    List<GateChecked> checks = replayed.events().stream().filter(GateChecked.class::isInstance)
        .map(GateChecked.class::cast).toList();
    assertThat(checks).anyMatch(c -> c.gate() == Gate.PRE_DOSE && c.outcome() == VerdictOutcome.BLOCKED
        && c.blockingRuleIds().equals(List.of("BP-PRE-ELEVATED")));
    assertThat(checks).anyMatch(c -> c.gate() == Gate.DISCHARGE && c.outcome() == VerdictOutcome.BLOCKED
        && c.blockingRuleIds().equals(List.of("DISCHARGE-MIN-2H")));
    assertThat(replayed.events()).filteredOn(OverrideRecorded.class::isInstance).hasSize(1);
    assertThat(replayed.events()).filteredOn(DoseAdministered.class::isInstance).hasSize(20);

    CoursePlan plan = PlanFiles.read(out.resolve("plan.yaml"));
    List<String> planned = new ArrayList<>();
    demo.get("plan").forEach(p -> planned.add(p.get("session").asText()));
    assertThat(plan.sessions().stream().map(PlannedItem::id).toList()).isEqualTo(planned);

    Cli status = kapsdk("status", courseFile.toString(), "--at", "2026-04-30T21:00:00Z");
    assertThat(status.exitCode()).isEqualTo(0);
    assertThat(status.err()).isEmpty();
    assertThat(status.out()).contains("induction: RESPONDED on MADRS: continue to phase maintenance-weekly");
  }

  @Test
  void demoOut_secondRunReplacesTheFilesWithIdenticalBytes(@TempDir Path dir) throws IOException {
    assertThat(kapsdk("demo", "--out", dir.toString()).exitCode()).isEqualTo(0);
    byte[] course = Files.readAllBytes(dir.resolve("course.yaml"));
    byte[] plan = Files.readAllBytes(dir.resolve("plan.yaml"));

    assertThat(kapsdk("demo", "--json", "--out", dir.toString()).exitCode()).isEqualTo(0);

    assertThat(Files.readAllBytes(dir.resolve("course.yaml"))).isEqualTo(course);
    assertThat(Files.readAllBytes(dir.resolve("plan.yaml"))).isEqualTo(plan);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
    }
  }

  @Test
  void demoOut_aFileInsteadOfAFolder_exits2WithAClearMessage_andWritesNothing(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("not-a-folder"), "keep me");

    Cli run = kapsdk("demo", "--out", file.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.errLines()).containsExactly("--out: " + file + ": exists and is not a folder");
    assertThat(Files.readString(file)).isEqualTo("keep me");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.toList()).containsExactly(file);
    }
  }

  @Test
  void demoOut_aFolderUnderAFile_exits2_asJsonToo(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("plain"), "x");
    String out = file.resolve("sub").toString();

    Cli text = kapsdk("demo", "--out", out);
    assertThat(text.exitCode()).isEqualTo(2);
    assertThat(text.out()).isEmpty();
    assertThat(text.errLines()).hasSize(1);
    assertThat(text.err()).startsWith("--out: " + out + ": cannot create the folder").doesNotContain("\tat ");

    Cli json = kapsdk("demo", "--json", "--out", out);
    assertThat(json.exitCode()).isEqualTo(2);
    JsonNode doc = MAPPER.readTree(json.out());
    assertThat(doc.get("demo").isNull()).isTrue();
    assertThat(doc.get("problems")).hasSize(1);
    assertThat(doc.get("problems").get(0).get("file").asText()).isEqualTo("--out");
    assertThat(doc.get("problems").get(0).get("message").asText()).startsWith(out + ": cannot create the folder");
  }
}
