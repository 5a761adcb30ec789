package org.kapsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kapsdk.cli.Cli.kapsdk;
import static org.kapsdk.cli.Cli.resource;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code kapsdk status} on the sample course (examples/courses) and on small broken course files.
 * The first test is the example cli/README.md shows, so the README cannot drift from the output.
 */
class StatusCommandTest {
  static final String SAMPLE_COURSE =
      Path.of("..", "examples", "courses", "esketamine-course-sample.yaml").toString();
  static final String AT = "2026-01-21T15:00:00Z";
  static final String LATER = "2026-02-04T15:00:00Z";

  private static final String PMF = "Submit the SPRAVATO REMS Patient Monitoring Form";

  private static final List<String> SESSIONS =
      List.of(
          "Sessions:",
          "  screening/screening-visit/1  COMPLETED  2026-01-05 09:30",
          "  screening/rems-enrolment/1   COMPLETED  2026-01-06 09:00",
          "  induction/induction-dose/1   COMPLETED  2026-01-09 09:00  dose 56 mg  monitored 130 min",
          "  induction/induction-dose/2   COMPLETED  2026-01-13 09:00  dose 56 mg  monitored 130 min",
          "  induction/induction-dose/3   COMPLETED  2026-01-16 09:00  dose 56 mg  monitored 130 min",
          "  induction/induction-dose/4   COMPLETED  2026-01-20 09:00  dose 56 mg  monitored 130 min");

  private static final List<String> DEVIATIONS =
      List.of(
          "Deviations from the plan:",
          "  induction/induction-dose/2: held on 2026-01-13, 2 days after its window 2026-01-06 .. 2026-01-11",
          "  induction/induction-dose/4: held on 2026-01-20, 2 days after its window 2026-01-13 .. 2026-01-18");

  private static final List<String> OUTCOMES =
      List.of(
          "Outcomes:",
          "  PHQ-9: baseline 14 (moderate) on 2026-01-09; latest 8 (mild) on 2026-01-20; change -42.9%;"
              + " trend IMPROVING",
          "    response NO_RESPONSE (PHQ-9 dropped 42.9% from baseline 14 to 8 on 2026-01-20T14:05:00Z;"
              + " response is a drop of at least 50% (clinical reference PHQ9)); remission NO_REMISSION"
              + " (PHQ-9 total 8 on 2026-01-20T14:05:00Z is above the remission cut-off 4 (clinical"
              + " reference PHQ9))",
          "  MADRS: baseline 32 (moderate) on 2026-01-05; latest 32 (moderate) on 2026-01-05; change"
              + " 0.0%; trend UNKNOWN",
          "    response UNKNOWN (no MADRS score after the baseline of 2026-01-05T15:00:00Z); remission"
              + " UNKNOWN (no MADRS score after the baseline of 2026-01-05T15:00:00Z)");

  @Test
  void status_sampleCourse_exits0WithPhaseDosesDueItemsOutcomesSessionsAndDeviations() {
    Cli run = kapsdk("status", SAMPLE_COURSE, "--at", AT);

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.err()).isEmpty();
    List<String> lines = run.outLines();
    assertThat(lines.subList(0, 17))
        .containsExactly(
            "Course sample-course-0001 on esketamine-trd-sample 1.0.0 at 2026-01-21 10:00"
                + " America/New_York (2026-01-21T15:00:00Z)",
            "  status:     ACTIVE",
            "  phase:      induction",
            "  doses:      0 mg in 24 h, 112 mg in 7 days, 224 mg in the course",
            "  C-SSRS:     NOT_HIGH: no high-risk answer in C-SSRS screeners of the past 30 days (item 6:"
                + " 90 days); no positive item",
            "",
            "Overdue: nothing",
            "",
            "Next due:",
            "  SESSION           induction/induction-dose/5                     Induction dosing session #5"
                + "                       planned 2026-01-19, window 2026-01-19 .. 2026-01-24",
            "  INTEGRATION_STEP  induction/induction-dose/4/rems-pmf-induction  " + PMF
                + "  due by 2026-01-27 11:25",
            "  SESSION           induction/induction-dose/6                     Induction dosing session #6"
                + "                       planned 2026-01-23, window 2026-01-21 .. 2026-01-26",
            "  SESSION           induction/induction-dose/7                     Induction dosing session #7"
                + "                       planned 2026-01-27, window 2026-01-27 .. 2026-02-01",
            "  SESSION           induction/induction-dose/8                     Induction dosing session #8"
                + "                       planned 2026-01-30, window 2026-01-28 .. 2026-02-02",
            "  SESSION           induction/end-of-induction-review/1            End-of-induction review"
                + " (week 4) #1               planned 2026-01-30, window 2026-01-30 .. 2026-02-05",
            "  SESSION           maintenance-weekly/maintenance-weekly-dose/1   Weekly maintenance dosing"
                + " session #1              planned 2026-02-03, window 2026-02-03 .. 2026-02-09",
            "");
    assertThat(lines).containsSequence(OUTCOMES).containsSequence(SESSIONS).containsSequence(DEVIATIONS);
    assertThat(lines.subList(lines.indexOf(DEVIATIONS.get(0)) + DEVIATIONS.size(), lines.size()))
        .containsExactly(
            "",
            "Re-planned sessions (--json lists all 88 changes, with steps and assessments):",
            "  induction/induction-dose/6: MOVED 2026-01-22 -> 2026-01-23 (follows its anchor"
                + " screening/rems-enrolment/1, which moved 1 d later)",
            "  induction/induction-dose/7: MOVED 2026-01-26 -> 2026-01-27 (follows its anchor"
                + " screening/rems-enrolment/1, which moved 1 d later)",
            "  induction/end-of-induction-review/1: MOVED 2026-01-29 -> 2026-01-30 (follows its anchor"
                + " induction/induction-dose/8, which moved 1 d later)",
            "  induction/induction-dose/8: MOVED 2026-01-29 -> 2026-01-30 (follows its anchor"
                + " screening/rems-enrolment/1, which moved 1 d later)",
            "  maintenance-weekly/maintenance-weekly-dose/1: MOVED 2026-02-02 -> 2026-02-03 (phase"
                + " maintenance-weekly starts 1 d later because phase induction now ends 1 d later)",
            "  maintenance-weekly/maintenance-weekly-dose/2: MOVED 2026-02-09 -> 2026-02-10 (phase"
                + " maintenance-weekly starts 1 d later because phase induction now ends 1 d later)",
            "  maintenance-weekly/maintenance-weekly-dose/3: MOVED 2026-02-16 -> 2026-02-17 (phase"
                + " maintenance-weekly starts 1 d later because phase induction now ends 1 d later)",
            "  maintenance-weekly/maintenance-weekly-dose/4: MOVED 2026-02-23 -> 2026-02-24 (phase"
                + " maintenance-weekly starts 1 d later because phase induction now ends 1 d later)",
            "  ... and 10 more sessions");
    // Every section, in the order a clinician reads them.
    assertThat(lines)
        .filteredOn(line -> !line.isEmpty() && !line.startsWith(" "))
        .extracting(line -> line.split(":")[0])
        .containsExactly(
            "Course sample-course-0001 on esketamine-trd-sample 1.0.0 at 2026-01-21 10",
            "Overdue", "Next due", "Outcomes", "Sessions", "Deviations from the plan",
            "Re-planned sessions (--json lists all 88 changes, with steps and assessments)");
  }

  @Test
  void status_twoWeeksLater_listsTheMissedSessionsAndTheFormAsOverdue() {
    Cli run = kapsdk("status", SAMPLE_COURSE, "--at", LATER);

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.err()).isEmpty();
    List<String> lines = run.outLines();
    assertThat(lines.subList(0, 20))
        .containsExactly(
            "Course sample-course-0001 on esketamine-trd-sample 1.0.0 at 2026-02-04 10:00"
                + " America/New_York (2026-02-04T15:00:00Z)",
            "  status:     ACTIVE",
            "  phase:      induction",
            "  doses:      0 mg in 24 h, 0 mg in 7 days, 224 mg in the course",
            "  C-SSRS:     NOT_HIGH: no high-risk answer in C-SSRS screeners of the past 30 days (item 6:"
                + " 90 days); no positive item",
            "",
            "Overdue:",
            "  SESSION           induction/induction-dose/5                     Induction dosing session #5"
                + "                       planned 2026-01-19, window 2026-01-19 .. 2026-01-24 (passed)",
            "  SESSION           induction/induction-dose/6                     Induction dosing session #6"
                + "                       planned 2026-01-22, window 2026-01-20 .. 2026-01-25 (passed)",
            "  INTEGRATION_STEP  induction/induction-dose/4/rems-pmf-induction  " + PMF
                + "  was due by 2026-01-27 11:25",
            "  SESSION           induction/induction-dose/7                     Induction dosing session #7"
                + "                       planned 2026-01-26, window 2026-01-26 .. 2026-01-31 (passed)",
            "  SESSION           induction/induction-dose/8                     Induction dosing session #8"
                + "                       planned 2026-01-29, window 2026-01-27 .. 2026-02-01 (passed)",
            "",
            "Next due:",
            "  SESSION  induction/end-of-induction-review/1           End-of-induction review (week 4) #1"
                + "   planned 2026-01-29, window 2026-01-29 .. 2026-02-04",
            "  SESSION  maintenance-weekly/maintenance-weekly-dose/1  Weekly maintenance dosing session #1"
                + "  planned 2026-02-02, window 2026-02-02 .. 2026-02-08",
            "  SESSION  maintenance-weekly/maintenance-weekly-dose/2  Weekly maintenance dosing session #2"
                + "  planned 2026-02-09, window 2026-02-09 .. 2026-02-15",
            "  SESSION  maintenance-weekly/maintenance-weekly-dose/3  Weekly maintenance dosing session #3"
                + "  planned 2026-02-16, window 2026-02-16 .. 2026-02-22",
            "",
            "Outcomes:");
    assertThat(lines).containsSequence(SESSIONS).containsSequence(DEVIATIONS);
  }

  @Test
  void status_beforeTheFormWasSubmitted_listsItAsDueAndAfterItsDeadlineAsOverdue() {
    // The form for induction 4 is due within 7 days of the session's end, 2026-01-20T16:25Z.
    String before = kapsdk("status", SAMPLE_COURSE, "--at", "2026-01-27T16:24:00Z").out();
    String after = kapsdk("status", SAMPLE_COURSE, "--at", "2026-01-27T16:25:00Z").out();

    String dueSection = before.substring(before.indexOf("Next due:"), before.indexOf("Outcomes:"));
    String overdueSection = after.substring(after.indexOf("Overdue:"), after.indexOf("Next due:"));
    assertThat(dueSection).contains("induction/induction-dose/4/rems-pmf-induction  " + PMF
        + "  due by 2026-01-27 11:25");
    assertThat(overdueSection).contains("induction/induction-dose/4/rems-pmf-induction  " + PMF
        + "  was due by 2026-01-27 11:25");
    assertThat(before.substring(before.indexOf("Overdue:"), before.indexOf("Next due:")))
        .doesNotContain("rems-pmf-induction");
  }

  @Test
  void status_atAnEarlierInstant_leavesOutWhatHappenedLater() {
    // Induction 3 and 4 were held on 2026-01-16 and 2026-01-20; at 2026-01-14 they had not been.
    String out = kapsdk("status", SAMPLE_COURSE, "--at", "2026-01-14T15:00:00Z").out();

    List<String> sessions = out.substring(out.indexOf("Sessions:"), out.indexOf("Deviations")).lines().toList();
    assertThat(sessions).filteredOn(l -> l.startsWith("  induction/induction-dose/2 ")).singleElement()
        .asString().contains("COMPLETED");
    // Scheduled in advance, so listed; but not yet held.
    assertThat(sessions).filteredOn(l -> l.startsWith("  induction/induction-dose/3 ") || l.startsWith("  induction/induction-dose/4 "))
        .hasSize(2).allSatisfy(l -> assertThat(l).endsWith("SCHEDULED"));
    assertThat(out).contains("112 mg in the course");
  }

  @Test
  void status_sameInputTwice_givesTheSameText() {
    assertThat(kapsdk("status", SAMPLE_COURSE, "--at", AT).out())
        .isEqualTo(kapsdk("status", SAMPLE_COURSE, "--at", AT).out());
  }

  /* ------------------------------------------------------------------ bad input */

  private static void assertBadInput(Cli run, String... errLines) {
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.errLines()).containsExactly(errLines);
  }

  @Test
  void status_doseWithoutPreDoseGateCheck_exits2AtTheRefusedEvent() {
    String course = resource("status", "dose-without-gate.yaml");

    assertBadInput(
        kapsdk("status", course, "--at", AT),
        course + ":46:5: events[5].sessionId: no PRE_DOSE gate check is recorded for session"
            + " 'induction/induction-dose/1' at or before the dose; check the gate and record its"
            + " verdict first");
  }

  @Test
  void status_malformedCourseFile_exits2AtTheSyntaxError() {
    String course = resource("status", "malformed.yaml");

    assertBadInput(
        kapsdk("status", course, "--at", AT),
        course + ":6:27: events[0]: malformed YAML: mapping values are not allowed here");
  }

  @Test
  void status_unknownEventType_exits2NamingTheKnownTypes() {
    String course = resource("status", "unknown-event.yaml");

    assertBadInput(
        kapsdk("status", course, "--at", AT),
        course + ":13:11: events[1]: unknown type 'doseGiven'; expected one of courseStarted,"
            + " sessionScheduled, sessionStarted, sessionCompleted, sessionMissed, sessionCancelled,"
            + " doseAdministered, observationRecorded, assessmentRecorded, adverseEventRecorded,"
            + " integrationStepCompleted, overrideRecorded, gateChecked, coursePaused, courseResumed,"
            + " courseDiscontinued, phaseChanged");
  }

  @Test
  void status_templateFileNotFound_exits2AtTheCoursesProtocolField() {
    String course = resource("status", "missing-template.yaml");

    assertBadInput(
        kapsdk("status", course, "--at", AT),
        course + ":1:1: protocol: template " + resource("status", "no-such-template.yaml")
            + ": file not found");
  }

  @Test
  void status_protocolIsNeitherFileNorBuiltIn_exits2AtTheProtocolField() {
    String course = resource("status", "builtin-id.yaml");

    assertBadInput(
        kapsdk("status", course, "--at", AT),
        course + ":1:1: protocol: 'esketamine-trd' is neither a template file (.yaml, .yml, .json)"
            + " nor a built-in protocol id");
  }

  @Test
  void status_noProtocolField_exits2() {
    String course = resource("status", "no-protocol.yaml");

    assertBadInput(
        kapsdk("status", course, "--at", AT),
        course + ":1:1: missing required field 'protocol': a template path relative to this file,"
            + " or a built-in protocol id");
  }

  @Test
  void status_invalidTemplate_exits2WithItsProblemsAtTheirLinesInTheTemplate() {
    String template = resource("templates", "invalid.yaml");

    assertBadInput(
        kapsdk("status", resource("status", "invalid-template.yaml"), "--at", AT),
        template + ":17:5: phases[0].colour: unknown field 'colour'; expected one of decision,"
            + " description, id, onMissed, sessions, stepBack, title",
        template + ":27:11: phases[0].sessions[0].dosing.maxPerSession: unit mg/kg does not fit"
            + " here; expected mg",
        template + ":33:24: phases[0].sessions[0].rules[0].evidence[0]: refers to evidence"
            + " 'LABEL', which the template does not define");
  }

  @Test
  void status_withoutAt_describesTheCurrentTimeToTheSecond() {
    Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Cli run = kapsdk("status", SAMPLE_COURSE);
    Instant after = Instant.now();

    assertThat(run.exitCode()).isEqualTo(0);
    Matcher header = Pattern.compile("\\((\\S+)\\)$").matcher(run.outLines().get(0));
    assertThat(header.find()).as(run.outLines().get(0)).isTrue();
    Instant at = Instant.parse(header.group(1));
    assertThat(at.getNano()).isZero();
    assertThat(at).isBetween(before, after);
  }

  @Test
  void status_badAt_exits2NamingTheOption() {
    assertBadInput(
        kapsdk("status", SAMPLE_COURSE, "--at", "2026-01-21 15:00"),
        "--at: '2026-01-21 15:00' is not an ISO-8601 instant such as 2026-01-21T15:00:00Z");
  }

  @Test
  void status_missingCourseFileAndBadAt_reportsBoth() {
    String course = resource("status", "no-such-course.yaml");

    assertBadInput(
        kapsdk("status", course, "--at", "yesterday"),
        "--at: 'yesterday' is not an ISO-8601 instant such as 2026-01-21T15:00:00Z",
        course + ": file not found");
  }

  @Test
  void status_withoutCourseFile_isAUsageError() {
    Cli run = kapsdk("status", "--at", AT);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.errLines().get(0)).isEqualTo("kapsdk status: Missing required parameter: 'COURSE_FILE'");
    assertThat(run.errLines()).last().isEqualTo("Try 'kapsdk status --help' for more information.");
  }
}
