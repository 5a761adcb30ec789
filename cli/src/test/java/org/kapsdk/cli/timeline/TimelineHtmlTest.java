package org.kapsdk.cli.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.kapsdk.core.course.AssessmentRecorded;
import org.kapsdk.core.course.CourseEvent;
import org.kapsdk.core.course.CourseRecord;
import org.kapsdk.core.course.CourseRules;
import org.kapsdk.core.course.GateChecked;
import org.kapsdk.core.course.OverrideRecorded;
import org.kapsdk.core.course.SessionMissed;
import org.kapsdk.core.course.SessionStarted;
import org.kapsdk.core.gate.ClinicianOverride;
import org.kapsdk.core.gate.VerdictOutcome;
import org.kapsdk.core.io.CourseDocument;
import org.kapsdk.core.io.CourseFiles;
import org.kapsdk.core.io.ProtocolFiles;
import org.kapsdk.core.model.Gate;
import org.kapsdk.core.model.Instrument;
import org.kapsdk.core.model.Phase;
import org.kapsdk.core.model.ProtocolTemplate;
import org.kapsdk.core.model.SessionTemplate;
import org.kapsdk.core.plan.ClinicCalendar;
import org.kapsdk.core.plan.CoursePlan;
import org.kapsdk.core.plan.CoursePlanner;
import org.kapsdk.core.plan.ItemKind;
import org.kapsdk.core.plan.PlannedItem;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The page read back as XML: its marks must be exactly the plan's items and the course's events,
 * every mark titled, nothing loaded from anywhere, every text escaped.
 */
class TimelineHtmlTest {
  static final Path TEMPLATE = Path.of("..", "examples", "templates", "esketamine-trd-sample.yaml");
  static final Path PROFILE = Path.of("..", "examples", "profiles", "sample-clinic.yaml");
  static final Path COURSE = Path.of("..", "examples", "courses", "esketamine-course-sample.yaml");
  static final String SVG = "http://www.w3.org/2000/svg";
  static final String XHTML = "http://www.w3.org/1999/xhtml";

  static ProtocolTemplate template() {
    return ProtocolFiles.read(TEMPLATE, PROFILE);
  }

  static CoursePlan plan(ProtocolTemplate template) {
    ClinicCalendar calendar = ClinicCalendar.builder().zone(ZoneId.of("America/New_York"))
        .closedWeekdays(Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY)).build();
    return CoursePlanner.plan(template, LocalDate.parse("2026-01-05"), calendar);
  }

  record Sample(ProtocolTemplate template, CourseRecord record) {}

  static Sample course() {
    CourseDocument document = CourseFiles.read(COURSE);
    ProtocolTemplate template = CourseFiles.resolveProtocol(COURSE, document, id -> Optional.empty());
    CourseRecord record = CourseRecord.validated(CourseRules.compile(template), document.record().courseId(),
        document.record().events());
    return new Sample(template, record);
  }

  /** Parses as XML with a JDK parser, loading no DTD and expanding no external entity. */
  static Document parse(String html) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
    factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    factory.setExpandEntityReferences(false);
    return factory.newDocumentBuilder().parse(new InputSource(new StringReader(html)));
  }

  static List<Element> marks(Document doc, String kind) {
    List<Element> found = new ArrayList<>();
    NodeList all = doc.getElementsByTagNameNS("*", "*");
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      if (kind.equals(e.getAttribute("data-kind"))) {
        found.add(e);
      }
    }
    return found;
  }

  static List<Element> allMarks(Document doc) {
    List<Element> found = new ArrayList<>();
    NodeList all = doc.getElementsByTagNameNS("*", "*");
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      if (e.hasAttribute("data-kind")) {
        found.add(e);
      }
    }
    return found;
  }

  /** The text of the mark's own SVG title element. */
  static String title(Element mark) {
    for (Node n = mark.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && SVG.equals(e.getNamespaceURI()) && "title".equals(e.getLocalName())) {
        return e.getTextContent();
      }
    }
    return "";
  }

  static Map<String, String> byId(List<Element> marks, String idAttribute, String valueAttribute) {
    Map<String, String> map = new TreeMap<>();
    marks.forEach(e -> map.put(e.getAttribute(idAttribute), e.getAttribute(valueAttribute)));
    return map;
  }

  // ------------------------------------------------------------------------------------ plan

  @Test
  void forPlan_sampleTemplate_sessionMarksAreThePlansSessionsWithTheirDatesAndWindows() throws Exception {
    ProtocolTemplate template = template();
    CoursePlan plan = plan(template);

    Document doc = parse(TimelineHtml.forPlan(template, plan));

    List<PlannedItem> sessions = plan.items().stream().filter(i -> i.kind() == ItemKind.SESSION).toList();
    List<Element> marks = marks(doc, "session");
    assertThat(sessions).hasSizeGreaterThan(10);
    assertThat(marks).hasSameSizeAs(sessions);
    Map<String, String> expected = new TreeMap<>();
    sessions.forEach(i -> expected.put(i.id(), i.target() + " " + i.earliest() + " " + i.latest() + " " + i.sessionKind()));
    Map<String, String> actual = new TreeMap<>();
    marks.forEach(e -> actual.put(e.getAttribute("data-session-id"), e.getAttribute("data-date") + " "
        + e.getAttribute("data-earliest") + " " + e.getAttribute("data-latest") + " " + e.getAttribute("data-session-kind")));
    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void forPlan_sampleTemplate_stepAndAssessmentMarksAreThePlansItems() throws Exception {
    ProtocolTemplate template = template();
    CoursePlan plan = plan(template);

    Document doc = parse(TimelineHtml.forPlan(template, plan));

    Map<String, String> steps = new TreeMap<>();
    Map<String, String> assessments = new TreeMap<>();
    for (PlannedItem i : plan.items()) {
      if (i.kind() == ItemKind.INTEGRATION_STEP) {
        steps.put(i.id(), i.earliest() + ".." + i.latest() + " " + i.sessionItemId().orElseThrow());
      } else if (i.kind() == ItemKind.ASSESSMENT) {
        assessments.put(i.id(), i.target() + " " + i.instrument().orElseThrow().name());
      }
    }
    Map<String, String> stepMarks = new TreeMap<>();
    marks(doc, "integration-step").forEach(e -> stepMarks.put(e.getAttribute("data-item-id"),
        e.getAttribute("data-earliest") + ".." + e.getAttribute("data-latest") + " " + e.getAttribute("data-session-id")));
    Map<String, String> assessmentMarks = new TreeMap<>();
    marks(doc, "assessment").forEach(e -> assessmentMarks.put(e.getAttribute("data-item-id"),
        e.getAttribute("data-date") + " " + e.getAttribute("data-instrument")));
    assertThat(steps).isNotEmpty();
    assertThat(stepMarks).isEqualTo(steps);
    assertThat(assessments).isNotEmpty();
    assertThat(assessmentMarks).isEqualTo(assessments);
  }

  @Test
  void forPlan_sampleTemplate_phaseBandsArePlannedPhasesSpanningTheirSessions() throws Exception {
    ProtocolTemplate template = template();
    CoursePlan plan = plan(template);

    Document doc = parse(TimelineHtml.forPlan(template, plan));

    Map<String, String> expected = new TreeMap<>();
    for (Phase phase : template.phases()) {
      List<LocalDate> dates = plan.items().stream()
          .filter(i -> i.kind() == ItemKind.SESSION && i.phaseId().equals(phase.id())).map(PlannedItem::target).sorted().toList();
      if (!dates.isEmpty()) {
        expected.put(phase.id(), dates.get(0) + ".." + dates.get(dates.size() - 1));
      }
    }
    Map<String, String> bands = new TreeMap<>();
    marks(doc, "phase").forEach(e -> bands.put(e.getAttribute("data-phase-id"),
        e.getAttribute("data-start") + ".." + e.getAttribute("data-end")));
    // The sample's four phases all have sessions on the 26-week horizon.
    assertThat(expected.keySet()).containsExactlyInAnyOrder("screening", "induction", "maintenance-weekly", "maintenance-extended");
    assertThat(bands).isEqualTo(expected);
  }

  @Test
  void forPlan_everyMark_hasATitleAndTheSameAriaLabel() throws Exception {
    ProtocolTemplate template = template();
    Document doc = parse(TimelineHtml.forPlan(template, plan(template)));

    List<Element> marks = allMarks(doc);
    assertThat(marks).hasSizeGreaterThan(50);
    for (Element mark : marks) {
      assertThat(title(mark)).as("title of %s %s", mark.getAttribute("data-kind"), mark.getAttribute("data-session-id"))
          .isNotBlank();
      assertThat(mark.getAttribute("aria-label")).isEqualTo(title(mark));
      assertThat(mark.getAttribute("role")).isEqualTo("img");
    }
  }

  @Test
  void forPlan_page_loadsNothingAndRunsNothing() throws Exception {
    ProtocolTemplate template = template();
    String html = TimelineHtml.forPlan(template, plan(template));

    assertThat(html).startsWith("<!DOCTYPE html>\n");
    assertThat(html.toLowerCase()).doesNotContain("<script", "<link", "<img", "<iframe", "<object", "@import", "url(",
        " src=", " href=", "xlink:");
    String withoutNamespaces = html.replace("xmlns=\"" + XHTML + "\"", "").replace("xmlns=\"" + SVG + "\"", "");
    assertThat(withoutNamespaces).doesNotContain("http://", "https://");
    Document doc = parse(html);
    assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo(XHTML);
    assertThat(doc.getElementsByTagNameNS(SVG, "svg").getLength()).isGreaterThan(1);
  }

  @Test
  void forPlan_sameInput_givesTheSameText() {
    ProtocolTemplate template = template();

    assertThat(TimelineHtml.forPlan(template, plan(template))).isEqualTo(TimelineHtml.forPlan(template(), plan(template())));
  }

  @Test
  void forPlan_titlesWithMarkup_areEscapedText() throws Exception {
    String evil = "A <b>bold</b> & \"quoted\" 'title' <script>alert(1)</script> ]]> \u0007";
    ProtocolTemplate sample = template();
    List<Phase> phases = new ArrayList<>();
    for (Phase p : sample.phases()) {
      List<SessionTemplate> sessions = new ArrayList<>();
      for (SessionTemplate s : p.sessions()) {
        sessions.add(SessionTemplate.builder().from(s).title(s.title() + " <&>").build());
      }
      phases.add(Phase.builder().from(p).title(p.title() + " <i>&amp;</i>").sessions(sessions).build());
    }
    ProtocolTemplate template = ProtocolTemplate.builder().from(sample).title(evil).phases(phases).build();

    String html = TimelineHtml.forPlan(template, plan(template));
    Document doc = parse(html);

    assertThat(doc.getElementsByTagNameNS(XHTML, "h1").item(0).getTextContent())
        .isEqualTo("Plan: " + evil.replace('\u0007', '\uFFFD'));
    assertThat(doc.getElementsByTagNameNS("*", "script").getLength()).isZero();
    assertThat(doc.getElementsByTagNameNS("*", "b").getLength()).isZero();
    assertThat(doc.getElementsByTagNameNS("*", "i").getLength()).isZero();
    assertThat(html).doesNotContain("<script", "<b>", "<i>");
    Element band = marks(doc, "phase").get(0);
    assertThat(title(band)).contains("Screening and REMS enrolment <i>&amp;</i>");
    Element first = marks(doc, "session").get(0);
    assertThat(title(first)).contains(" <&> #1");
  }

  @Test
  void forPlan_planOfAnotherTemplate_isRefused() {
    ProtocolTemplate template = template();
    CoursePlan plan = plan(template);
    ProtocolTemplate other = ProtocolTemplate.builder().from(template).version("2.0.0").build();

    assertThatThrownBy(() -> TimelineHtml.forPlan(other, plan))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the plan is of template esketamine-trd-sample 1.0.0, not esketamine-trd-sample 2.0.0");
  }

  // ---------------------------------------------------------------------------------- course

  static Instant lastEvent(CourseRecord record) {
    return record.events().stream().map(CourseEvent::at).max(Instant::compareTo).orElseThrow();
  }

  @Test
  void forCourse_sampleCourse_gateMarksAreTheRecordsGateChecks() throws Exception {
    Sample sample = course();
    Instant asOf = lastEvent(sample.record());
    CoursePlan plan = TimelineHtml.coursePlan(sample.template(), sample.record());

    Document doc = parse(TimelineHtml.forCourse(sample.template(), plan, sample.record(), asOf));

    List<GateChecked> checks = sample.record().events().stream()
        .filter(GateChecked.class::isInstance).map(GateChecked.class::cast).toList();
    assertThat(checks).hasSize(4);
    Map<String, String> expected = new TreeMap<>();
    checks.forEach(g -> expected.put(g.sessionId().orElseThrow(), g.gate() + " " + g.outcome() + " " + g.at()));
    Map<String, String> actual = new TreeMap<>();
    marks(doc, "gate-check").forEach(e -> actual.put(e.getAttribute("data-session-id"),
        e.getAttribute("data-gate") + " " + e.getAttribute("data-outcome") + " " + e.getAttribute("data-at")));
    assertThat(actual).isEqualTo(expected);
    assertThat(marks(doc, "gate-check")).allSatisfy(e -> assertThat(e.getAttribute("data-display")).isEqualTo("PROCEED"));
  }

  @Test
  void forCourse_sampleCourse_scorePointsAreTheRecordsAssessments() throws Exception {
    Sample sample = course();
    CoursePlan plan = TimelineHtml.coursePlan(sample.template(), sample.record());

    Document doc = parse(TimelineHtml.forCourse(sample.template(), plan, sample.record(), lastEvent(sample.record())));

    Set<String> expected = new HashSet<>();
    for (CourseEvent e : sample.record().events()) {
      if (e instanceof AssessmentRecorded a && a.result().instrument() != Instrument.CSSRS_SCREENER) {
        expected.add(a.result().instrument() + " " + a.result().at() + " " + a.result().effectiveTotal().orElseThrow());
      }
    }
    Set<String> actual = new HashSet<>();
    marks(doc, "score").forEach(e -> actual.add(e.getAttribute("data-instrument") + " " + e.getAttribute("data-at") + " "
        + e.getAttribute("data-total")));
    // PHQ-9 at screening and each of the 4 doses, MADRS at screening.
    assertThat(expected).hasSize(6);
    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void forCourse_sampleCourse_drawsResponseAndRemissionLinesFromBaselineAndReference() throws Exception {
    Sample sample = course();
    CoursePlan plan = TimelineHtml.coursePlan(sample.template(), sample.record());

    Document doc = parse(TimelineHtml.forCourse(sample.template(), plan, sample.record(), lastEvent(sample.record())));

    // PHQ-9 baseline 14 (the score before the first dose); response is a 50% drop (reference PHQ9),
    // so 7 or less; remission is "below 5", a total of at most 4.
    assertThat(marks(doc, "score")).filteredOn(e -> e.getAttribute("data-baseline").equals("true"))
        .extracting(e -> e.getAttribute("data-instrument") + " " + e.getAttribute("data-total"))
        .containsExactlyInAnyOrder("PHQ9 14", "MADRS 32");
    assertThat(marks(doc, "response-line")).extracting(e -> e.getAttribute("data-instrument") + " " + e.getAttribute("data-value"))
        .containsExactlyInAnyOrder("PHQ9 7", "MADRS 16");
    // MADRS: the sample template chooses a 50% drop (16 from baseline 32) and remission at most 12.
    assertThat(marks(doc, "remission-line")).extracting(e -> e.getAttribute("data-instrument") + " " + e.getAttribute("data-value"))
        .containsExactlyInAnyOrder("PHQ9 4", "MADRS 12");
  }

  @Test
  void forCourse_sampleCourse_heldSessionsAreTheRecordsSessionsWithTheirPlannedDates() throws Exception {
    Sample sample = course();
    CoursePlan plan = TimelineHtml.coursePlan(sample.template(), sample.record());

    Document doc = parse(TimelineHtml.forCourse(sample.template(), plan, sample.record(), lastEvent(sample.record())));

    Map<String, String> expected = new TreeMap<>();
    for (CourseEvent e : sample.record().events()) {
      if (e instanceof SessionStarted s) {
        expected.put(s.sessionId(), s.at().atZone(ZoneId.of("America/New_York")).toLocalDate() + " planned "
            + plan.item(s.sessionId()).orElseThrow().target());
      }
    }
    assertThat(expected).hasSize(6);
    assertThat(byId(marks(doc, "held-session"), "data-session-id", "data-date"))
        .isEqualTo(new TreeMap<>(expected.entrySet().stream().collect(
            java.util.stream.Collectors.toMap(Map.Entry::getKey, x -> x.getValue().substring(0, 10)))));
    Map<String, String> actual = new TreeMap<>();
    marks(doc, "held-session").forEach(e -> actual.put(e.getAttribute("data-session-id"),
        e.getAttribute("data-date") + " planned " + e.getAttribute("data-planned-date")));
    assertThat(actual).isEqualTo(expected);
    // The planned marks stay the plan's sessions, now with their status in the course.
    assertThat(marks(doc, "session")).hasSize((int) plan.items().stream().filter(i -> i.kind() == ItemKind.SESSION).count());
    assertThat(marks(doc, "session")).filteredOn(e -> e.getAttribute("data-status").equals("HELD")).hasSize(6);
  }

  @Test
  void forCourse_earlierInstant_leavesLaterEventsOut() throws Exception {
    Sample sample = course();
    CoursePlan plan = TimelineHtml.coursePlan(sample.template(), sample.record());
    Instant asOf = Instant.parse("2026-01-14T00:00:00Z");

    Document doc = parse(TimelineHtml.forCourse(sample.template(), plan, sample.record(), asOf));

    assertThat(marks(doc, "gate-check")).extracting(e -> e.getAttribute("data-session-id"))
        .containsExactly("induction/induction-dose/1", "induction/induction-dose/2");
    assertThat(marks(doc, "score")).allSatisfy(e -> assertThat(Instant.parse(e.getAttribute("data-at"))).isBefore(asOf));
    assertThat(marks(doc, "score")).hasSize(4);
    assertThat(marks(doc, "as-of")).singleElement().satisfies(e -> assertThat(e.getAttribute("data-at")).isEqualTo(asOf.toString()));
  }

  @Test
  void forCourse_blockedAndOverriddenChecks_areMarkedAsSuch() throws Exception {
    Sample sample = course();
    Instant blockedAt = Instant.parse("2026-01-20T14:11:00Z");
    Instant overrideAt = Instant.parse("2026-01-05T15:10:00Z");
    Instant eligibilityAt = Instant.parse("2026-01-05T15:11:00Z");
    List<CourseEvent> events = new ArrayList<>();
    for (CourseEvent e : sample.record().events()) {
      if (!e.at().isBefore(eligibilityAt) && events.stream().noneMatch(x -> x.at().equals(eligibilityAt))) {
        events.add(OverrideRecorded.builder().at(overrideAt).by("md-0001").override(ClinicianOverride.builder()
            .ruleId("WARN-LABEL-CONDITIONS").clinicianId("md-0001").role("prescriber").reason("reviewed")
            .at(overrideAt).build()).build());
        events.add(GateChecked.builder().gate(Gate.ELIGIBILITY).at(eligibilityAt).by("md-0001")
            .outcome(VerdictOutcome.PROCEED_WITH_WARNINGS).addOverriddenRuleId("WARN-LABEL-CONDITIONS").build());
      }
      if (e.at().equals(Instant.parse("2026-01-20T14:12:00Z")) && e instanceof GateChecked) {
        events.add(GateChecked.builder().gate(Gate.PRE_DOSE).sessionId("induction/induction-dose/4").at(blockedAt)
            .by("md-0001").outcome(VerdictOutcome.BLOCKED).addBlockingRuleId("BP-PRE-ELEVATED").build());
      }
      events.add(e);
    }
    CourseRecord record = CourseRecord.validated(CourseRules.compile(sample.template()), "sample-course-0001", events);
    CoursePlan plan = TimelineHtml.coursePlan(sample.template(), record);

    String html = TimelineHtml.forCourse(sample.template(), plan, record, lastEvent(record));
    Document doc = parse(html);

    List<Element> checks = marks(doc, "gate-check");
    assertThat(checks).extracting(e -> e.getAttribute("data-gate") + " " + e.getAttribute("data-session-id") + " "
            + e.getAttribute("data-outcome") + " " + e.getAttribute("data-display"))
        .containsExactly(
            "ELIGIBILITY  PROCEED_WITH_WARNINGS OVERRIDDEN",
            "PRE_DOSE induction/induction-dose/1 PROCEED PROCEED",
            "PRE_DOSE induction/induction-dose/2 PROCEED PROCEED",
            "PRE_DOSE induction/induction-dose/3 PROCEED PROCEED",
            "PRE_DOSE induction/induction-dose/4 BLOCKED BLOCKED",
            "PRE_DOSE induction/induction-dose/4 PROCEED PROCEED");
    assertThat(checks.get(0).getAttribute("data-overridden-rules")).isEqualTo("WARN-LABEL-CONDITIONS");
    assertThat(title(checks.get(0))).contains("overridden: WARN-LABEL-CONDITIONS");
    assertThat(checks.get(4).getAttribute("data-blocking-rules")).isEqualTo("BP-PRE-ELEVATED");
    assertThat(title(checks.get(4))).contains("BLOCKED; blocked by BP-PRE-ELEVATED");
    // Shape as well as colour: a blocked check is a crossed square, an overridden one a dotted diamond.
    assertThat(checks.get(4).getElementsByTagNameNS(SVG, "polygon").getLength()).isEqualTo(1);
    assertThat(checks.get(4).getElementsByTagNameNS(SVG, "path").getLength()).isEqualTo(1);
    assertThat(checks.get(0).getElementsByTagNameNS(SVG, "circle").getLength()).isEqualTo(1);
    assertThat(checks.get(1).getElementsByTagNameNS(SVG, "polygon").getLength()).isZero();
    // The override's reason and the staff ids are not course data a picture needs.
    assertThat(html).doesNotContain("reviewed", "md-0001", "rn-0001", "sample-patient-0001");
  }

  @Test
  void forCourse_blockedCheckWithAnOverriddenRule_isStillMarkedBlocked_andTheSessionShowsItsLatestCheck() throws Exception {
    Sample sample = course();
    String session = "induction/induction-dose/4";
    Instant overrideAt = Instant.parse("2026-01-20T14:10:00Z");
    Instant blockedAt = Instant.parse("2026-01-20T14:11:00Z");
    List<CourseEvent> events = new ArrayList<>();
    for (CourseEvent e : sample.record().events()) {
      if (e.at().equals(Instant.parse("2026-01-20T14:12:00Z")) && e instanceof GateChecked) {
        // The prescriber overrode the blood pressure rule, but another rule still blocked.
        events.add(OverrideRecorded.builder().at(overrideAt).by("md-0001").override(ClinicianOverride.builder()
            .ruleId("BP-PRE-ELEVATED").clinicianId("md-0001").role("prescriber").reason("reviewed").at(overrideAt)
            .session(session).build()).build());
        events.add(GateChecked.builder().gate(Gate.PRE_DOSE).sessionId(session).at(blockedAt).by("md-0001")
            .outcome(VerdictOutcome.BLOCKED).addBlockingRuleId("REMS-SETTING-READY").addOverriddenRuleId("BP-PRE-ELEVATED")
            .build());
      }
      events.add(e);
    }
    CourseRecord record = CourseRecord.validated(CourseRules.compile(sample.template()), "sample-course-0001", events);
    CoursePlan plan = TimelineHtml.coursePlan(sample.template(), record);

    Document doc = parse(TimelineHtml.forCourse(sample.template(), plan, record, lastEvent(record)));

    List<Element> checks = marks(doc, "gate-check").stream().filter(e -> e.getAttribute("data-session-id").equals(session)).toList();
    assertThat(checks).extracting(e -> e.getAttribute("data-outcome") + " " + e.getAttribute("data-display"))
        .containsExactly("BLOCKED BLOCKED", "PROCEED PROCEED");
    Element blocked = checks.get(0);
    assertThat(blocked.getAttribute("data-blocking-rules")).isEqualTo("REMS-SETTING-READY");
    assertThat(blocked.getAttribute("data-overridden-rules")).isEqualTo("BP-PRE-ELEVATED");
    assertThat(blocked.getElementsByTagNameNS(SVG, "path").getLength()).as("crossed square").isEqualTo(1);
    assertThat(title(blocked)).contains("BLOCKED (overridden); blocked by REMS-SETTING-READY");
    // The held session carries its latest pre-dose check, the one the dose was given on.
    Element held = marks(doc, "held-session").stream().filter(e -> e.getAttribute("data-session-id").equals(session))
        .findFirst().orElseThrow();
    assertThat(held.getAttribute("data-gate-outcome")).isEqualTo("PROCEED");
    assertThat(title(held)).contains("; pre-dose gate PROCEED");
  }

  @Test
  void forCourse_scorePoints_sitOnTheScoreLine_higherTotalsHigherUp() throws Exception {
    Sample sample = course();
    CoursePlan plan = TimelineHtml.coursePlan(sample.template(), sample.record());

    Document doc = parse(TimelineHtml.forCourse(sample.template(), plan, sample.record(), lastEvent(sample.record())));

    NodeList svgs = doc.getElementsByTagNameNS(SVG, "svg");
    int charts = 0;
    for (int i = 0; i < svgs.getLength(); i++) {
      Element chart = (Element) svgs.item(i);
      if (!chart.getAttribute("class").equals("chart")) {
        continue;
      }
      charts++;
      String instrument = chart.getAttribute("data-instrument");
      String line = "";
      NodeList polylines = chart.getElementsByTagNameNS(SVG, "polyline");
      for (int j = 0; j < polylines.getLength(); j++) {
        Element p = (Element) polylines.item(j);
        if (p.getAttribute("class").equals("score-line")) {
          line = p.getAttribute("points");
        }
      }
      List<String> points = new ArrayList<>();
      List<double[]> totalAndY = new ArrayList<>();
      for (Element mark : marks(doc, "score")) {
        if (!mark.getAttribute("data-instrument").equals(instrument)) {
          continue;
        }
        NodeList circles = mark.getElementsByTagNameNS(SVG, "circle");
        Element point = (Element) circles.item(circles.getLength() - 1);
        assertThat(point.getAttribute("class")).isEqualTo("score-point");
        points.add(point.getAttribute("cx") + "," + point.getAttribute("cy"));
        totalAndY.add(new double[] {Double.parseDouble(mark.getAttribute("data-total")), Double.parseDouble(point.getAttribute("cy"))});
      }
      assertThat(points).as(instrument).hasSizeGreaterThan(instrument.equals("PHQ9") ? 1 : 0);
      assertThat(String.join(" ", points)).as(instrument + ": each point on its line").isEqualTo(line);
      for (double[] a : totalAndY) {
        for (double[] b : totalAndY) {
          if (a[0] > b[0]) {
            assertThat(a[1]).as(instrument + ": total " + a[0] + " above total " + b[0]).isLessThan(b[1]);
          }
        }
      }
    }
    assertThat(charts).isEqualTo(2);
  }

  @Test
  void forCourse_missedSession_isACrossOnTheDayItWasMissed() throws Exception {
    Sample sample = course();
    Instant missedAt = Instant.parse("2026-01-20T15:00:00Z");
    List<CourseEvent> events = new ArrayList<>(sample.record().events().stream()
        .filter(e -> e.at().isBefore(Instant.parse("2026-01-20T14:00:00Z"))).toList());
    events.add(SessionMissed.builder().at(missedAt).by("rn-0001").sessionId("induction/induction-dose/4")
        .reason("did not attend").build());
    CourseRecord record = CourseRecord.validated(CourseRules.compile(sample.template()), "sample-course-0001", events);
    CoursePlan plan = TimelineHtml.coursePlan(sample.template(), record);

    String html = TimelineHtml.forCourse(sample.template(), plan, record, missedAt);
    Document doc = parse(html);

    Element missed = marks(doc, "held-session").stream()
        .filter(e -> e.getAttribute("data-session-id").equals("induction/induction-dose/4")).findFirst().orElseThrow();
    assertThat(missed.getAttribute("data-status")).isEqualTo("MISSED");
    assertThat(missed.getAttribute("data-date")).isEqualTo("2026-01-20");
    assertThat(title(missed)).contains("missed on 2026-01-20");
    assertThat(missed.getElementsByTagNameNS(SVG, "path").getLength()).isEqualTo(1);
    assertThat(missed.getElementsByTagNameNS(SVG, "polygon").getLength()).isZero();
    assertThat(marks(doc, "session")).filteredOn(e -> e.getAttribute("data-session-id").equals("induction/induction-dose/4"))
        .singleElement().satisfies(e -> assertThat(e.getAttribute("data-status")).isEqualTo("MISSED"));
    assertThat(html).doesNotContain("did not attend");
  }

  @Test
  void forCourse_page_holdsTheCourseIdButNoPatientOrStaffId() throws Exception {
    Sample sample = course();
    CoursePlan plan = TimelineHtml.coursePlan(sample.template(), sample.record());

    String html = TimelineHtml.forCourse(sample.template(), plan, sample.record(), lastEvent(sample.record()));

    assertThat(html).contains("sample-course-0001").doesNotContain("sample-patient-0001", "staff-0001", "md-0001", "rn-0001",
        "SAMPLE-LOT-0001");
    assertThat(html.toLowerCase()).doesNotContain("<script", "url(", " src=", " href=");
    String withoutNamespaces = html.replace("xmlns=\"" + XHTML + "\"", "").replace("xmlns=\"" + SVG + "\"", "");
    assertThat(withoutNamespaces).doesNotContain("http://", "https://");
    for (Element mark : allMarks(parse(html))) {
      assertThat(title(mark)).as("title of %s", mark.getAttribute("data-kind")).isNotBlank();
    }
  }

  @Test
  void forCourse_sameInput_givesTheSameText() {
    Sample sample = course();
    CoursePlan plan = TimelineHtml.coursePlan(sample.template(), sample.record());
    Instant asOf = lastEvent(sample.record());

    String first = TimelineHtml.forCourse(sample.template(), plan, sample.record(), asOf);

    assertThat(TimelineHtml.forCourse(course().template(), plan, course().record(), asOf)).isEqualTo(first);
    Matcher stamp = Pattern.compile("generated", Pattern.CASE_INSENSITIVE).matcher(first.replace("content=\"kapsdk timeline\"", ""));
    assertThat(stamp.find()).isFalse();
  }

  @Test
  void forCourse_planFromAnotherStart_isRefused() {
    Sample sample = course();
    CoursePlan other = CoursePlanner.plan(sample.template(), LocalDate.parse("2026-02-02"),
        ClinicCalendar.builder().zone(ZoneId.of("America/New_York")).build());

    assertThatThrownBy(() -> TimelineHtml.forCourse(sample.template(), other, sample.record(), lastEvent(sample.record())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the plan starts on 2026-02-02 in America/New_York but the course started on 2026-01-05 in"
            + " America/New_York: plan the course from its own start and calendar");
  }
}
