package org.kapsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kapsdk.cli.Cli.fixture;
import static org.kapsdk.cli.Cli.kapsdk;
import static org.kapsdk.cli.Cli.resource;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanCommandTest {
  static final String TEMPLATE = resource("plan", "template.yaml");
  static final String UNPLANNABLE = resource("plan", "unplannable.yaml");
  static final String SAMPLE =
      Path.of("..", "examples", "templates", "esketamine-trd-sample.yaml").toString();
  static final String SAMPLE_PROFILE =
      Path.of("..", "examples", "profiles", "sample-clinic.yaml").toString();
  static final String START = "2026-01-05";

  private static final String HEADER =
      "date        window                    phase        id                     what";

  /** The rows up to the first booster session, which every 4-week plan of the fixture shares. */
  private static final List<String> FIRST_TWO_WEEKS =
      List.of(
          "2026-01-05  2026-01-05 .. 2026-01-11  screening    screening/visit/1      Screening visit #1; assess PHQ-9, MADRS",
          "2026-01-06  2026-01-06 .. 2026-01-11  induction    induction/dose/1       Dosing session #1; assess PHQ-9",
          "  step      2026-01-06 .. 2026-01-09  induction    induction/dose/1/form  Monitoring form",
          "2026-01-09  2026-01-07 .. 2026-01-12  induction    induction/dose/2       Dosing session #2; assess PHQ-9",
          "  step      2026-01-09 .. 2026-01-12  induction    induction/dose/2/form  Monitoring form");

  @Test
  void plan_smallTemplate_exits0WithHeaderCountsAndOneRowPerSessionAndStep() {
    Cli run = kapsdk("plan", TEMPLATE, "--start", START);

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.err()).isEmpty();
    assertThat(run.outLines())
        .containsExactly(
            "Plan of cli-plan 2.0.0 from 2026-01-05 (UTC; open every day)",
            "18 sessions, 4 integration steps, 6 assessments",
            "open-ended repeats (phase maintenance) are planned up to 2026-07-05, 26 weeks from the"
                + " start (--horizon-weeks)",
            "",
            "date        window                    phase        id                      what",
            "2026-01-05  2026-01-05 .. 2026-01-11  screening    screening/visit/1       Screening visit #1; assess PHQ-9, MADRS",
            "2026-01-06  2026-01-06 .. 2026-01-11  induction    induction/dose/1        Dosing session #1; assess PHQ-9",
            "  step      2026-01-06 .. 2026-01-09  induction    induction/dose/1/form   Monitoring form",
            "2026-01-09  2026-01-07 .. 2026-01-12  induction    induction/dose/2        Dosing session #2; assess PHQ-9",
            "  step      2026-01-09 .. 2026-01-12  induction    induction/dose/2/form   Monitoring form",
            "2026-01-13  2026-01-13 .. 2026-01-18  induction    induction/dose/3        Dosing session #3; assess PHQ-9",
            "  step      2026-01-13 .. 2026-01-16  induction    induction/dose/3/form   Monitoring form",
            "2026-01-16  2026-01-14 .. 2026-01-19  induction    induction/dose/4        Dosing session #4; assess PHQ-9",
            "  step      2026-01-16 .. 2026-01-19  induction    induction/dose/4/form   Monitoring form",
            "2026-01-16  2026-01-16 .. 2026-01-22  induction    induction/review/1      Induction review #1",
            "2026-01-20  2026-01-20 .. 2026-01-26  maintenance  maintenance/booster/1   Booster session #1",
            "2026-02-03  2026-01-27 .. 2026-02-09  maintenance  maintenance/booster/2   Booster session #2",
            "2026-02-17  2026-02-10 .. 2026-02-23  maintenance  maintenance/booster/3   Booster session #3",
            "2026-03-03  2026-02-24 .. 2026-03-09  maintenance  maintenance/booster/4   Booster session #4",
            "2026-03-17  2026-03-10 .. 2026-03-23  maintenance  maintenance/booster/5   Booster session #5",
            "2026-03-31  2026-03-24 .. 2026-04-06  maintenance  maintenance/booster/6   Booster session #6",
            "2026-04-14  2026-04-07 .. 2026-04-20  maintenance  maintenance/booster/7   Booster session #7",
            "2026-04-28  2026-04-21 .. 2026-05-04  maintenance  maintenance/booster/8   Booster session #8",
            "2026-05-12  2026-05-05 .. 2026-05-18  maintenance  maintenance/booster/9   Booster session #9",
            "2026-05-26  2026-05-19 .. 2026-06-01  maintenance  maintenance/booster/10  Booster session #10",
            "2026-06-09  2026-06-02 .. 2026-06-15  maintenance  maintenance/booster/11  Booster session #11",
            "2026-06-23  2026-06-16 .. 2026-06-29  maintenance  maintenance/booster/12  Booster session #12");
  }

  @Test
  void plan_sampleTemplate_startsWithScreeningEnrolmentAndTwiceWeeklyInduction() {
    Cli run =
        kapsdk("plan", SAMPLE, "--profile", SAMPLE_PROFILE, "--start", START, "--zone", "America/New_York", "--closed", "SAT,SUN");

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.err()).isEmpty();
    // cli/README.md shows these lines.
    assertThat(run.outLines().subList(0, 14))
        .containsExactly(
            "Plan of esketamine-trd-sample 1.0.0 from 2026-01-05 (America/New_York; closed SAT, SUN)",
            "25 sessions, 21 integration steps, 49 assessments",
            "open-ended repeats (phase maintenance-extended) are planned up to 2026-07-05, 26 weeks"
                + " from the start (--horizon-weeks)",
            "",
            "date        window                    phase                 id                       "
                + "                                                       what",
            "2026-01-05  2026-01-05 .. 2026-01-11  screening             screening/screening-visit/1"
                + "                                                     Medical and psychiatric"
                + " screening #1; assess PHQ-9, MADRS, C-SSRS screener",
            "2026-01-05  2026-01-05 .. 2026-01-11  screening             screening/rems-enrolment/1 "
                + "                                                     REMS enrolment and counselling #1",
            "2026-01-05  2026-01-05 .. 2026-01-10  induction             induction/induction-dose/1 "
                + "                                                     Induction dosing session #1;"
                + " assess PHQ-9, C-SSRS screener",
            "  step      2026-01-05 .. 2026-01-12  induction             induction/induction-dose/1/"
                + "rems-pmf-induction                                   Submit the SPRAVATO REMS"
                + " Patient Monitoring Form",
            "2026-01-08  2026-01-06 .. 2026-01-11  induction             induction/induction-dose/2 "
                + "                                                     Induction dosing session #2;"
                + " assess PHQ-9, C-SSRS screener",
            "  step      2026-01-08 .. 2026-01-15  induction             induction/induction-dose/2/"
                + "rems-pmf-induction                                   Submit the SPRAVATO REMS"
                + " Patient Monitoring Form",
            "2026-01-12  2026-01-12 .. 2026-01-17  induction             induction/induction-dose/3 "
                + "                                                     Induction dosing session #3;"
                + " assess PHQ-9, C-SSRS screener",
            "  step      2026-01-12 .. 2026-01-19  induction             induction/induction-dose/3/"
                + "rems-pmf-induction                                   Submit the SPRAVATO REMS"
                + " Patient Monitoring Form",
            "2026-01-15  2026-01-13 .. 2026-01-18  induction             induction/induction-dose/4 "
                + "                                                     Induction dosing session #4;"
                + " assess PHQ-9, C-SSRS screener");
  }

  @Test
  void plan_sameInputTwice_givesTheSameText() {
    assertThat(kapsdk("plan", SAMPLE, "--profile", SAMPLE_PROFILE, "--start", START, "--closed", "sat,sun").out())
        .isEqualTo(kapsdk("plan", SAMPLE, "--profile", SAMPLE_PROFILE, "--start", START, "--closed", "sat,sun").out());
  }

  /* ------------------------------------------------------------------ calendar options */

  @Test
  void plan_closedWeekdays_movesSessionsOffThemAndSaysFromWhere() {
    Cli run = kapsdk("plan", TEMPLATE, "--start", START, "--closed", "tue,THU", "--horizon-weeks", "4");

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.err()).isEmpty();
    assertThat(run.outLines())
        .containsExactly(
            "Plan of cli-plan 2.0.0 from 2026-01-05 (UTC; closed TUE, THU)",
            "7 sessions, 4 integration steps, 6 assessments",
            "open-ended repeats (phase maintenance) are planned up to 2026-02-01, 4 weeks from the"
                + " start (--horizon-weeks)",
            "",
            HEADER,
            "2026-01-05  2026-01-05 .. 2026-01-11  screening    screening/visit/1      Screening visit #1; assess PHQ-9, MADRS",
            "2026-01-07  2026-01-06 .. 2026-01-11  induction    induction/dose/1       Dosing session #1; assess PHQ-9; moved from 2026-01-06",
            "  step      2026-01-07 .. 2026-01-10  induction    induction/dose/1/form  Monitoring form",
            "2026-01-09  2026-01-08 .. 2026-01-12  induction    induction/dose/2       Dosing session #2; assess PHQ-9",
            "  step      2026-01-09 .. 2026-01-12  induction    induction/dose/2/form  Monitoring form",
            "2026-01-14  2026-01-13 .. 2026-01-18  induction    induction/dose/3       Dosing session #3; assess PHQ-9; moved from 2026-01-13",
            "  step      2026-01-14 .. 2026-01-17  induction    induction/dose/3/form  Monitoring form",
            "2026-01-16  2026-01-15 .. 2026-01-19  induction    induction/dose/4       Dosing session #4; assess PHQ-9",
            "  step      2026-01-16 .. 2026-01-19  induction    induction/dose/4/form  Monitoring form",
            "2026-01-16  2026-01-16 .. 2026-01-22  induction    induction/review/1     Induction review #1",
            "2026-01-21  2026-01-20 .. 2026-01-26  maintenance  maintenance/booster/1  Booster session #1; moved from 2026-01-20");
  }

  @Test
  void plan_closedWeekdays_acceptsAbbreviationsAndFullNamesInAnyCase() {
    String expected =
        kapsdk("plan", TEMPLATE, "--start", START, "--closed", "TUE,THU", "--horizon-weeks", "4").out();

    for (String days : List.of("tue,thu", "Tuesday,THURSDAY", "thursday,Tue", " tue , thu ")) {
      Cli run = kapsdk("plan", TEMPLATE, "--start", START, "--closed", days, "--horizon-weeks", "4");

      assertThat(run.exitCode()).as(days).isEqualTo(0);
      assertThat(run.out()).as(days).isEqualTo(expected);
    }
    assertThat(expected).startsWith("Plan of cli-plan 2.0.0 from 2026-01-05 (UTC; closed TUE, THU)\n");
  }

  @Test
  void plan_closedDates_movesTheSessionsOnThemAndListsThemInTheHeader() {
    Cli run =
        kapsdk("plan", TEMPLATE, "--start", START, "--closed-dates", "2026-01-20,2026-01-13",
            "--horizon-weeks", "4");

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.err()).isEmpty();
    assertThat(run.outLines().get(0))
        .isEqualTo("Plan of cli-plan 2.0.0 from 2026-01-05 (UTC; closed 2026-01-13, 2026-01-20)");
    assertThat(run.outLines().subList(4, run.outLines().size()))
        .containsSequence(FIRST_TWO_WEEKS)
        .contains(
            "2026-01-14  2026-01-13 .. 2026-01-18  induction    induction/dose/3       Dosing session #3; assess PHQ-9; moved from 2026-01-13",
            "  step      2026-01-14 .. 2026-01-17  induction    induction/dose/3/form  Monitoring form",
            "2026-01-21  2026-01-20 .. 2026-01-26  maintenance  maintenance/booster/1  Booster session #1; moved from 2026-01-20")
        .noneMatch(line -> line.startsWith("2026-01-13") || line.startsWith("2026-01-20"));
  }

  @Test
  void plan_closedWeekdaysAndDates_namesBothInTheHeader() {
    Cli run =
        kapsdk("plan", TEMPLATE, "--start", START, "--closed", "sun,sat", "--closed-dates", "2026-01-13",
            "--zone", "Europe/Berlin");

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.outLines().get(0))
        .isEqualTo("Plan of cli-plan 2.0.0 from 2026-01-05 (Europe/Berlin; closed SAT, SUN and 2026-01-13)");
  }

  @Test
  void plan_horizonWeeks_limitsOnlyTheOpenEndedRepeats() {
    Cli run = kapsdk("plan", TEMPLATE, "--start", START, "--horizon-weeks", "8");

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.outLines().subList(0, 3))
        .containsExactly(
            "Plan of cli-plan 2.0.0 from 2026-01-05 (UTC; open every day)",
            "9 sessions, 4 integration steps, 6 assessments",
            "open-ended repeats (phase maintenance) are planned up to 2026-03-01, 8 weeks from the"
                + " start (--horizon-weeks)");
    assertThat(run.outLines())
        .filteredOn(line -> line.contains("/dose/") && !line.contains("/form"))
        .hasSize(4);
    assertThat(run.outLines())
        .filteredOn(line -> line.contains("maintenance/booster/"))
        .containsExactly(
            "2026-01-20  2026-01-20 .. 2026-01-26  maintenance  maintenance/booster/1  Booster session #1",
            "2026-02-03  2026-01-27 .. 2026-02-09  maintenance  maintenance/booster/2  Booster session #2",
            "2026-02-17  2026-02-10 .. 2026-02-23  maintenance  maintenance/booster/3  Booster session #3");
  }

  @Test
  void plan_templateWithoutOpenEndedRepeat_plansEveryPatternInFullWithoutAHorizonLine() {
    Cli run = kapsdk("plan", fixture("valid.yaml"), "--start", START, "--horizon-weeks", "1");

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.outLines())
        .containsExactly(
            "Plan of cli-fixture 1.0.0 from 2026-01-05 (UTC; open every day)",
            "8 sessions, 0 integration steps, 0 assessments",
            "",
            "date        window                    phase      id                what",
            "2026-01-05  2026-01-05 .. 2026-01-10  induction  induction/dose/1  Dosing session #1",
            "2026-01-08  2026-01-06 .. 2026-01-11  induction  induction/dose/2  Dosing session #2",
            "2026-01-12  2026-01-12 .. 2026-01-17  induction  induction/dose/3  Dosing session #3",
            "2026-01-15  2026-01-13 .. 2026-01-18  induction  induction/dose/4  Dosing session #4",
            "2026-01-19  2026-01-19 .. 2026-01-24  induction  induction/dose/5  Dosing session #5",
            "2026-01-22  2026-01-20 .. 2026-01-25  induction  induction/dose/6  Dosing session #6",
            "2026-01-26  2026-01-26 .. 2026-01-31  induction  induction/dose/7  Dosing session #7",
            "2026-01-29  2026-01-27 .. 2026-02-01  induction  induction/dose/8  Dosing session #8");
  }

  @Test
  void plan_singleDayWindow_saysOnTheDay() {
    Cli run = kapsdk("plan", UNPLANNABLE, "--start", START);

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.outLines())
        .containsExactly(
            "Plan of cli-plan-fixed 1.0.0 from 2026-01-05 (UTC; open every day)",
            "1 session, 0 integration steps, 0 assessments",
            "",
            "date        window      phase      id                 what",
            "2026-01-10  on the day  follow-up  follow-up/visit/1  Follow-up visit #1");
  }

  /* ------------------------------------------------------------------ bad input */

  private static void assertBadInput(Cli run, String... errLines) {
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.errLines()).containsExactly(errLines);
  }

  @Test
  void plan_unparseableStart_exits2NamingTheOption() {
    assertBadInput(
        kapsdk("plan", TEMPLATE, "--start", "2026-13-01"),
        "--start: '2026-13-01' is not an ISO-8601 date such as 2026-01-05");
  }

  @Test
  void plan_badZone_exits2NamingTheOption() {
    assertBadInput(
        kapsdk("plan", TEMPLATE, "--start", START, "--zone", "Mars/Olympus_Mons"),
        "--zone: 'Mars/Olympus_Mons' is not a time zone such as America/New_York or UTC");
  }

  @Test
  void plan_unknownWeekday_exits2NamingIt() {
    assertBadInput(
        kapsdk("plan", TEMPLATE, "--start", START, "--closed", "sat,funday"),
        "--closed: 'funday' is not a weekday; expected MON, TUE, WED, THU, FRI, SAT or SUN");
  }

  @Test
  void plan_everyWeekdayClosed_exits2() {
    assertBadInput(
        kapsdk("plan", TEMPLATE, "--start", START, "--closed", "mon,tue,wed,thu,fri,saturday,SUN"),
        "--closed: closes every weekday; a plan needs at least one open day");
  }

  @Test
  void plan_badClosedDate_exits2NamingIt() {
    assertBadInput(
        kapsdk("plan", TEMPLATE, "--start", START, "--closed-dates", "2026-01-13,2026-02-30"),
        "--closed-dates: '2026-02-30' is not an ISO-8601 date such as 2026-01-05");
  }

  @Test
  void plan_horizonWeeksZero_exits2() {
    assertBadInput(
        kapsdk("plan", TEMPLATE, "--start", START, "--horizon-weeks", "0"),
        "--horizon-weeks: must be between 1 and 520 weeks, not 0");
  }

  @Test
  void plan_horizonWeeksAboveTenYears_exits2() {
    assertBadInput(
        kapsdk("plan", TEMPLATE, "--start", START, "--horizon-weeks", "521"),
        "--horizon-weeks: must be between 1 and 520 weeks, not 521");
  }

  @Test
  void plan_missingTemplate_exits2() {
    String missing = resource("plan", "no-such-template.yaml");

    assertBadInput(kapsdk("plan", missing, "--start", START), missing + ": file not found");
  }

  @Test
  void plan_invalidTemplate_exits2WithEveryProblemAtItsLine() {
    String invalid = fixture("invalid.yaml");

    assertBadInput(
        kapsdk("plan", invalid, "--start", START),
        invalid + ":17:5: phases[0].colour: unknown field 'colour'; expected one of decision,"
            + " description, id, onMissed, sessions, stepBack, title",
        invalid + ":27:11: phases[0].sessions[0].dosing.maxPerSession: unit mg/kg does not fit here;"
            + " expected mg",
        invalid + ":33:24: phases[0].sessions[0].rules[0].evidence[0]: refers to evidence 'LABEL',"
            + " which the template does not define");
  }

  @Test
  void plan_noPlanOnTheCalendar_exits2WithTheProblemAtTheTemplatesTiming() {
    // Day 5 from Monday 2026-01-05 is a Saturday; the fixture's timing is at line 19.
    assertBadInput(
        kapsdk("plan", UNPLANNABLE, "--start", START, "--closed", "SAT,SUN"),
        UNPLANNABLE + ":19:9: phases[0].sessions[0].timing: session visit #1: target 2026-01-10, the"
            + " only day of its window, is closed (2026-01-10 closed on Saturdays)");
  }

  @Test
  void plan_noPlanBecauseOfAClosedDate_namesTheDate() {
    assertBadInput(
        kapsdk("plan", UNPLANNABLE, "--start", START, "--closed-dates", "2026-01-10"),
        UNPLANNABLE + ":19:9: phases[0].sessions[0].timing: session visit #1: target 2026-01-10, the"
            + " only day of its window, is closed (2026-01-10 closed date)");
  }

  @Test
  void plan_severalBadInputs_reportsEveryOneInOneRun() {
    String missing = resource("plan", "no-such-template.yaml");

    assertBadInput(
        kapsdk("plan", missing, "--start", "next monday", "--zone", "Nowhere", "--closed", "xyz",
            "--horizon-weeks", "0"),
        missing + ": file not found",
        "--start: 'next monday' is not an ISO-8601 date such as 2026-01-05",
        "--zone: 'Nowhere' is not a time zone such as America/New_York or UTC",
        "--closed: 'xyz' is not a weekday; expected MON, TUE, WED, THU, FRI, SAT or SUN",
        "--horizon-weeks: must be between 1 and 520 weeks, not 0");
  }

  @Test
  void plan_withoutStart_isAUsageError() {
    Cli run = kapsdk("plan", TEMPLATE);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.errLines().get(0)).isEqualTo("kapsdk plan: Missing required option: '--start=DATE'");
    assertThat(run.errLines()).last().isEqualTo("Try 'kapsdk plan --help' for more information.");
  }
}
