package org.kapsdk.core.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kapsdk.core.io.CourseDocument;
import org.kapsdk.core.io.CourseFiles;
import org.kapsdk.core.io.DocumentFormat;
import org.kapsdk.core.model.Instrument;
import org.kapsdk.core.model.LimitPeriod;
import org.kapsdk.core.model.ProtocolTemplate;
import org.kapsdk.core.model.Quantity;

/**
 * The sample course file in {@code examples/courses} reads, resolves its template relative to
 * itself, and is accepted event by event by the sample esketamine template.
 */
class SampleCourseTest {
  private static final Path FILE = Path.of("..", "examples", "courses", "esketamine-course-sample.yaml");

  private static CourseDocument document;
  private static CourseRules rules;
  private static CourseRecord course;

  @BeforeAll
  static void readAndValidate() {
    document = CourseFiles.read(FILE);
    ProtocolTemplate template = CourseFiles.resolveProtocol(FILE, document, id -> Optional.empty());
    rules = CourseRules.compile(template);
    course = CourseRecord.validated(rules, document.record().courseId(), document.record().events());
  }

  @Test
  void sample_isValidAgainstTheSampleTemplate() {
    assertThat(document.protocol()).isEqualTo("../templates/esketamine-trd-sample.yaml");
    assertThat(rules.template().id()).isEqualTo("esketamine-trd-sample");
    assertThat(course).isEqualTo(document.record());
    assertThat(course.courseId()).isEqualTo("sample-course-0001");
  }

  @Test
  void sample_startedInNewYorkWithWeekendsClosed() {
    CourseStarted started = course.state(rules).started().orElseThrow();

    assertThat(started.startDate()).hasToString("2026-01-05");
    assertThat(started.zone().getId()).isEqualTo("America/New_York");
    assertThat(started.closedWeekdays()).extracting(Enum::name).containsExactly("SATURDAY", "SUNDAY");
    assertThat(started.patientId()).isEqualTo("sample-patient-0001");
  }

  @Test
  void sample_holdsScreeningEnrolmentAndFourInductionSessions() {
    CourseState state = course.state(rules);

    assertThat(state.status()).isEqualTo(CourseStatus.ACTIVE);
    assertThat(state.currentPhaseId()).isEqualTo("induction");
    assertThat(state.sessions().keySet()).containsExactly("screening/screening-visit/1", "screening/rems-enrolment/1",
        "induction/induction-dose/1", "induction/induction-dose/2", "induction/induction-dose/3",
        "induction/induction-dose/4");
    assertThat(state.sessions().values()).allSatisfy(s -> assertThat(s.status()).isEqualTo(SessionStatus.COMPLETED));
  }

  @Test
  void sample_inductionSessions_give56MgWithTheRemsMonitoringTime() {
    CourseState state = course.state(rules);

    for (int i = 1; i <= 4; i++) {
      SessionState s = state.session("induction/induction-dose/" + i).orElseThrow();
      assertThat(s.administrations()).hasSize(2);
      assertThat(s.totalDose()).isEqualTo(Quantity.parse("56 mg"));
      assertThat(s.monitoredMinutes()).contains(130L);
      assertThat(s.preDoseChecks()).hasSize(1);
    }
    assertThat(state.cumulativeDose(LimitPeriod.COURSE, Instant.parse("2026-01-21T00:00:00Z")))
        .isEqualTo(Quantity.parse("224 mg"));
    assertThat(state.cumulativeDose(LimitPeriod.WEEK, Instant.parse("2026-01-16T15:00:00Z")))
        .isEqualTo(Quantity.parse("112 mg"));
  }

  @Test
  void sample_remsFormDoneForThreeSessions_andDueForTheFourth() {
    CourseState state = course.state(rules);

    assertThat(state.completedAt("induction/induction-dose/1", "rems-pmf-induction")).isPresent();
    assertThat(state.completedAt("induction/induction-dose/2", "rems-pmf-induction")).isPresent();
    assertThat(state.completedAt("induction/induction-dose/3", "rems-pmf-induction")).isPresent();
    assertThat(state.completedAt("induction/induction-dose/4", "rems-pmf-induction")).isEmpty();
  }

  @Test
  void sample_recordsBaselineAndSessionAssessmentsAndReadings() {
    CourseState state = course.state(rules);

    List<Instrument> instruments = state.assessments().stream().map(a -> a.result().instrument()).toList();
    assertThat(instruments).startsWith(Instrument.PHQ9, Instrument.MADRS, Instrument.CSSRS_SCREENER);
    assertThat(instruments).filteredOn(i -> i == Instrument.MADRS).hasSize(1);
    assertThat(instruments).filteredOn(i -> i == Instrument.PHQ9).hasSize(5);
    assertThat(state.observations()).hasSize(16);
    assertThat(state.gateChecks()).hasSize(4);
  }

  @Test
  void sample_aFourthDevice_isRefusedByTheSpecAndTheTemplatesRule() {
    List<CourseEvent> events = new java.util.ArrayList<>(document.record().events());
    int completion = events.size() - 1;
    while (!(events.get(completion) instanceof SessionCompleted)) {
      completion--;
    }
    String session = "induction/induction-dose/4";
    events.add(completion, DoseAdministered.builder().at(Instant.parse("2026-01-20T14:25:00Z")).by("rn-0001")
        .sessionId(session).amount(Quantity.parse("28 mg")).route(org.kapsdk.core.model.Route.INTRANASAL).build());
    events.add(completion + 1, DoseAdministered.builder().at(Instant.parse("2026-01-20T14:30:00Z")).by("rn-0001")
        .sessionId(session).amount(Quantity.parse("28 mg")).route(org.kapsdk.core.model.Route.INTRANASAL).build());

    EventRejectedException e = org.assertj.core.api.Assertions.catchThrowableOfType(EventRejectedException.class,
        () -> CourseRecord.validated(rules, course.courseId(), events));

    assertThat(e.index()).contains(completion + 1);
    assertThat(e.problems()).extracting(p -> p.path() + ": " + p.message()).containsExactly(
        "events[" + (completion + 1) + "].amount: brings the session total to 112 mg, above the dosing spec's maxPerSession of 84 mg",
        "events[" + (completion + 1) + "].amount: brings the session total to 112 mg, above the allowed range's maximum of 84 mg",
        "events[" + (completion + 1) + "].amount: rule DOSE-MAX-PER-SESSION refuses this dose: This dose would exceed 84 mg in one session.");
    assertThat(e.getMessage()).doesNotContain("sample-patient-0001");
  }

  @Test
  void sample_roundTripsThroughTheWriter() {
    for (DocumentFormat format : DocumentFormat.values()) {
      assertThat(CourseFiles.read(CourseFiles.write(document, format), format, "again")).isEqualTo(document);
    }
  }
}
