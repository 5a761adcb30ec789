package org.kapsdk.core.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.kapsdk.core.course.CourseFixtures.COURSE;
import static org.kapsdk.core.course.CourseFixtures.DOSE_1;
import static org.kapsdk.core.course.CourseFixtures.DOSE_2;
import static org.kapsdk.core.course.CourseFixtures.OTHER_DRUG;
import static org.kapsdk.core.course.CourseFixtures.RULES;
import static org.kapsdk.core.course.CourseFixtures.appendAll;
import static org.kapsdk.core.course.CourseFixtures.assertRejected;
import static org.kapsdk.core.course.CourseFixtures.completed;
import static org.kapsdk.core.course.CourseFixtures.dose;
import static org.kapsdk.core.course.CourseFixtures.doseBuilder;
import static org.kapsdk.core.course.CourseFixtures.dosedAndCompleted;
import static org.kapsdk.core.course.CourseFixtures.dosing;
import static org.kapsdk.core.course.CourseFixtures.override;
import static org.kapsdk.core.course.CourseFixtures.overrideRecorded;
import static org.kapsdk.core.course.CourseFixtures.preDose;
import static org.kapsdk.core.course.CourseFixtures.q;
import static org.kapsdk.core.course.CourseFixtures.readyToDose;
import static org.kapsdk.core.course.CourseFixtures.rule;
import static org.kapsdk.core.course.CourseFixtures.scheduled;
import static org.kapsdk.core.course.CourseFixtures.scheduledCourse;
import static org.kapsdk.core.course.CourseFixtures.sessionStarted;
import static org.kapsdk.core.course.CourseFixtures.started;
import static org.kapsdk.core.course.CourseFixtures.t;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kapsdk.core.facts.Observation;
import org.kapsdk.core.gate.VerdictOutcome;
import org.kapsdk.core.model.Codes;
import org.kapsdk.core.model.CumulativeLimit;
import org.kapsdk.core.model.DoseLimit;
import org.kapsdk.core.model.DoseRange;
import org.kapsdk.core.model.DosingSpec;
import org.kapsdk.core.model.Gate;
import org.kapsdk.core.model.LimitPeriod;
import org.kapsdk.core.model.Route;
import org.kapsdk.core.model.Rule;
import org.kapsdk.core.model.Severity;

/** Doses: where they may be given, units, session and cumulative limits, dose-limit rules, gate checks, waste. */
class DoseValidationTest {

  /** A course under rules compiled from the fixture template with another dosing spec and extra rules. */
  private static CourseRules rules(DosingSpec dosing, Rule... extra) {
    return CourseRules.compile(CourseFixtures.template(dosing, List.of(extra)));
  }

  /** Started, then one dosing session per start instant (each checked PROCEED and given 2 × 28 mg, completed). */
  private static CourseRecord dosedSessions(CourseRules rules, Instant... starts) {
    CourseRecord r = CourseRecord.empty(COURSE).append(0, started(), rules);
    for (int i = 0; i < starts.length; i++) {
      String id = "induction/dose/" + (i + 1);
      Instant s = starts[i];
      r = appendAll(r, rules,
          scheduled(id, "dose", s),
          sessionStarted(id, s),
          preDose(id, s.plusSeconds(300), VerdictOutcome.PROCEED),
          dose(id, "28 mg", s.plusSeconds(600)),
          dose(id, "28 mg", s.plusSeconds(900)),
          completed(id, s.plusSeconds(8400)));
    }
    return r;
  }

  /** {@link #dosedSessions} plus the next session started and checked, ready for its dose. */
  private static CourseRecord nextSessionReady(CourseRules rules, Instant next, Instant... earlier) {
    CourseRecord r = dosedSessions(rules, earlier);
    String id = "induction/dose/" + (earlier.length + 1);
    return appendAll(r, rules, scheduled(id, "dose", next), sessionStarted(id, next),
        preDose(id, next.plusSeconds(300), VerdictOutcome.PROCEED));
  }

  private static String sessionId(int n) {
    return "induction/dose/" + n;
  }

  /* --------------------------------------------------------------- where */

  @Test
  void dose_inAStartedDosingSessionAfterAProceedCheck_isAccepted() {
    CourseRecord r = readyToDose();

    CourseRecord after = r.append(r.version(), dose(DOSE_1, "28 mg", t("2 d", "10 min")), RULES);

    SessionState s = after.state(RULES).session(DOSE_1).orElseThrow();
    assertThat(s.administrations()).hasSize(1);
    assertThat(s.totalDose()).isEqualTo(q("28 mg"));
  }

  @Test
  void dose_inASessionThatHasNotStarted_isRefused() {
    CourseRecord r = scheduledCourse();

    assertRejected(() -> r.append(r.version(), dose(DOSE_1, "28 mg", t("2 d", "10 min")), RULES))
        .containsExactly(tuple("sessionId",
            "a dose is given only in a started session that is not completed; session 'induction/dose/1' has not started"));
  }

  @Test
  void dose_inACompletedSession_isRefused() {
    CourseRecord r = dosedAndCompleted();

    assertRejected(() -> r.append(r.version(), dose(DOSE_1, "28 mg", t("2 d", "3 h")), RULES))
        .containsExactly(tuple("sessionId",
            "a dose is given only in a started session that is not completed; session 'induction/dose/1' has already been completed"));
  }

  @Test
  void dose_inAnUnscheduledSession_isRefused() {
    CourseRecord r = readyToDose();

    assertRejected(() -> r.append(r.version(), dose(DOSE_2, "28 mg", t("2 d", "10 min")), RULES))
        .containsExactly(tuple("sessionId", "session 'induction/dose/2' is not scheduled in this course"));
  }

  @Test
  void dose_inANonDosingSession_isRefused() {
    CourseRecord r = appendAll(scheduledCourse(), RULES,
        scheduled("induction/review/1", "review", t("1 d")), sessionStarted("induction/review/1", t("1 d")));

    assertRejected(() -> r.append(r.version(), dose("induction/review/1", "28 mg", t("1 d", "10 min")), RULES))
        .containsExactly(tuple("sessionId",
            "session 'induction/review/1' is not a dosing session (ASSESSMENT); doses are given only in dosing sessions"));
  }

  @Test
  void dose_beforeItsSessionStarted_isRefused() {
    CourseRecord r = readyToDose();

    assertRejected(() -> r.append(r.version(), dose(DOSE_1, "28 mg", t("1 d")), RULES))
        .contains(tuple("at", "lies before the session started (2026-01-07T14:00:00Z)"));
  }

  /* --------------------------------------------------------------- route, medication, unit */

  @Test
  void dose_byAnotherRoute_isRefused() {
    CourseRecord r = readyToDose();

    assertRejected(() -> r.append(r.version(),
        doseBuilder(DOSE_1, "28 mg", t("2 d", "10 min")).route(Route.INTRAVENOUS).build(), RULES))
        .containsExactly(tuple("route", "must be the dosing spec's route INTRANASAL, not INTRAVENOUS"));
  }

  @Test
  void dose_ofAnotherMedication_isRefused() {
    CourseRecord r = readyToDose();

    assertRejected(() -> r.append(r.version(),
        doseBuilder(DOSE_1, "28 mg", t("2 d", "10 min")).medication(OTHER_DRUG).build(), RULES))
        .containsExactly(tuple("medication", "must be the dosing spec's medication urn:kapsdk:test:medication|esketamine"));
  }

  @Test
  void dose_ofTheSpecsMedication_isAccepted() {
    CourseRecord r = readyToDose();

    CourseRecord after = r.append(r.version(),
        doseBuilder(DOSE_1, "28 mg", t("2 d", "10 min")).medication(CourseFixtures.ESKETAMINE).lot("LOT-42").build(), RULES);

    assertThat(after.state(RULES).administrations().get(0).lot()).contains("LOT-42");
  }

  @Test
  void dose_inMgPerKg_isRefused() {
    CourseRecord r = readyToDose();

    assertRejected(() -> r.append(r.version(), dose(DOSE_1, "0.5 mg/kg", t("2 d", "10 min")), RULES))
        .containsExactly(tuple("amount", "must be a mass in mg, not in mg/kg"));
  }

  @Test
  void dose_inMmHg_isRefused() {
    CourseRecord r = readyToDose();

    assertRejected(() -> r.append(r.version(), dose(DOSE_1, "28 mmHg", t("2 d", "10 min")), RULES))
        .containsExactly(tuple("amount", "must be a mass in mg, not in mmHg"));
  }

  @Test
  void dose_ofZero_isRefused() {
    CourseRecord r = readyToDose();

    assertRejected(() -> r.append(r.version(), dose(DOSE_1, "0 mg", t("2 d", "10 min")), RULES))
        .containsExactly(tuple("amount", "must be positive"));
  }

  @Test
  void dose_negative_isRefused() {
    CourseRecord r = readyToDose();

    assertRejected(() -> r.append(r.version(), dose(DOSE_1, "-28 mg", t("2 d", "10 min")), RULES))
        .containsExactly(tuple("amount", "must be positive"));
  }

  /* --------------------------------------------------------------- per-session limits */

  @Test
  void sessionTotal_aboveMaxPerSession_isRefused() {
    CourseRules rules = rules(dosing().maxPerSession(q("56 mg")).cumulativeLimits(List.of()).build());
    CourseRecord r = appendAll(nextSessionReady(rules, t("2 d")), rules,
        dose(sessionId(1), "28 mg", t("2 d", "10 min")), dose(sessionId(1), "28 mg", t("2 d", "15 min")));

    assertRejected(() -> r.append(r.version(), dose(sessionId(1), "28 mg", t("2 d", "20 min")), rules))
        .containsExactly(tuple("amount", "brings the session total to 84 mg, above the dosing spec's maxPerSession of 56 mg"));
  }

  @Test
  void sessionTotal_aboveTheAllowedRange_isRefused() {
    CourseRules rules = rules(dosing().allowedRange(DoseRange.builder().min(q("28 mg")).max(q("56 mg")).build())
        .titrationSteps(List.of(q("28 mg"), q("56 mg"))).cumulativeLimits(List.of()).build());
    CourseRecord r = appendAll(nextSessionReady(rules, t("2 d")), rules,
        dose(sessionId(1), "28 mg", t("2 d", "10 min")), dose(sessionId(1), "28 mg", t("2 d", "15 min")));

    assertRejected(() -> r.append(r.version(), dose(sessionId(1), "28 mg", t("2 d", "20 min")), rules))
        .containsExactly(tuple("amount", "brings the session total to 84 mg, above the allowed range's maximum of 56 mg"));
  }

  @Test
  void sessionTotal_atTheLimits_isAccepted() {
    CourseRecord r = appendAll(readyToDose(), RULES,
        dose(DOSE_1, "28 mg", t("2 d", "10 min")), dose(DOSE_1, "28 mg", t("2 d", "15 min")));

    CourseRecord after = r.append(r.version(), dose(DOSE_1, "28 mg", t("2 d", "20 min")), RULES);

    assertThat(after.state(RULES).session(DOSE_1).orElseThrow().totalDose()).isEqualTo(q("84 mg"));
  }

  /* --------------------------------------------------------------- cumulative limits */

  @Test
  void dayTotal_aboveTheDayLimit_isRefused() {
    CourseRecord r = nextSessionReady(RULES, t("2 d", "20 h"), t("2 d"));
    r = appendAll(r, RULES, dose(sessionId(2), "28 mg", t("2 d", "20 h", "10 min")));
    CourseRecord ready = r;

    assertRejected(() -> ready.append(ready.version(), dose(sessionId(2), "28 mg", t("2 d", "20 h", "15 min")), RULES))
        .containsExactly(tuple("amount", "brings the total in 24 h to 112 mg, above the dosing spec's DAY limit of 84 mg"));
  }

  @Test
  void dayLimit_countsADoseGivenExactly24HoursBefore() {
    // Session 1 gave 28 mg at +2d+10m and +2d+15m; a dose exactly 24 h after the first still sees both.
    CourseRecord r = nextSessionReady(RULES, t("3 d"), t("2 d"));
    r = appendAll(r, RULES, dose(sessionId(2), "28 mg", t("3 d", "8 min")));
    CourseRecord ready = r;

    assertRejected(() -> ready.append(ready.version(), dose(sessionId(2), "28 mg", t("3 d", "10 min")), RULES))
        .containsExactly(tuple("amount", "brings the total in 24 h to 112 mg, above the dosing spec's DAY limit of 84 mg"));
  }

  @Test
  void dayLimit_forgetsADoseMoreThan24HoursBefore() {
    CourseRecord r = nextSessionReady(RULES, t("3 d"), t("2 d"));
    r = appendAll(r, RULES, dose(sessionId(2), "28 mg", t("3 d", "8 min")));

    CourseRecord after = r.append(r.version(), dose(sessionId(2), "28 mg", t("3 d", "10 min", "1 s")), RULES);

    assertThat(after.state(RULES).cumulativeDose(LimitPeriod.DAY, t("3 d", "10 min", "1 s"))).isEqualTo(q("84 mg"));
  }

  @Test
  void weekTotal_aboveTheWeekLimit_isRefused() {
    CourseRecord r = nextSessionReady(RULES, t("6 d"), t("1 d"), t("2 d", "12 h"), t("4 d"));

    assertRejected(() -> r.append(r.version(), dose(sessionId(4), "28 mg", t("6 d", "10 min")), RULES))
        .containsExactly(tuple("amount", "brings the total in 7 d to 196 mg, above the dosing spec's WEEK limit of 168 mg"));
  }

  @Test
  void courseTotal_aboveTheCourseLimit_isRefused() {
    CourseRules rules = rules(dosing().cumulativeLimits(List.of(
        CumulativeLimit.builder().period(LimitPeriod.COURSE).maximum(q("112 mg")).build())).build());
    CourseRecord r = nextSessionReady(rules, t("9 d"), t("1 d"), t("5 d"));

    assertRejected(() -> r.append(r.version(), dose(sessionId(3), "28 mg", t("9 d", "10 min")), rules))
        .containsExactly(tuple("amount", "brings the total in the course to 140 mg, above the dosing spec's COURSE limit of 112 mg"));
  }

  /* --------------------------------------------------------------- dose-limit rules through the gate */

  @Test
  void doseLimitRule_failing_refusesTheDose() {
    CourseRules rules = rules(dosing().cumulativeLimits(List.of()).build());
    CourseRecord r = nextSessionReady(rules, t("13 d"), t("1 d"), t("4 d"), t("7 d"), t("10 d"));

    assertRejected(() -> r.append(r.version(), dose(sessionId(5), "28 mg", t("13 d", "10 min")), rules))
        .containsExactly(tuple("amount", "rule COURSE-CAP refuses this dose: rule COURSE-CAP failed: 252 mg"));
  }

  @Test
  void doseLimitRule_overriddenForThisSession_letsTheDoseProceed() {
    CourseRules rules = rules(dosing().cumulativeLimits(List.of()).build());
    CourseRecord r = nextSessionReady(rules, t("13 d"), t("1 d"), t("4 d"), t("7 d"), t("10 d"));
    r = appendAll(r, rules, overrideRecorded(override("COURSE-CAP", t("13 d", "6 min")).session(sessionId(5)).build()));

    CourseRecord after = r.append(r.version(), dose(sessionId(5), "28 mg", t("13 d", "10 min")), rules);

    assertThat(after.state(rules).cumulativeDose(LimitPeriod.COURSE, t("13 d", "10 min"))).isEqualTo(q("252 mg"));
  }

  @Test
  void doseLimitRule_overriddenForAnotherSession_stillRefuses() {
    CourseRules rules = rules(dosing().cumulativeLimits(List.of()).build());
    CourseRecord r = nextSessionReady(rules, t("13 d"), t("1 d"), t("4 d"), t("7 d"), t("10 d"));
    r = appendAll(r, rules, overrideRecorded(override("COURSE-CAP", t("13 d", "6 min")).session(sessionId(4)).build()));
    CourseRecord ready = r;

    assertRejected(() -> ready.append(ready.version(), dose(sessionId(5), "28 mg", t("13 d", "10 min")), rules))
        .containsExactly(tuple("amount", "rule COURSE-CAP refuses this dose: rule COURSE-CAP failed: 252 mg"));
  }

  @Test
  void doseLimitRule_overrideRecordedAfterTheDose_doesNotCount() {
    CourseRules rules = rules(dosing().cumulativeLimits(List.of()).build());
    CourseRecord r = nextSessionReady(rules, t("13 d"), t("1 d"), t("4 d"), t("7 d"), t("10 d"));
    r = appendAll(r, rules, overrideRecorded(override("COURSE-CAP", t("13 d", "20 min")).session(sessionId(5)).build()));
    CourseRecord ready = r;

    assertRejected(() -> ready.append(ready.version(), dose(sessionId(5), "28 mg", t("13 d", "10 min")), rules))
        .hasSize(1);
  }

  @Test
  void doseLimitRule_notEvaluable_refusesTheDose() {
    Rule weightCap = rule("WEIGHT-CAP", Gate.PRE_DOSE).require(DoseLimit.builder().period(LimitPeriod.SESSION)
        .maximum(q("1.5 mg/kg")).weightMaxAge(CourseFixtures.d("30 d")).build()).build();
    CourseRules rules = rules(dosing().build(), weightCap);
    CourseRecord r = nextSessionReady(rules, t("2 d"));

    assertRejected(() -> r.append(r.version(), dose(sessionId(1), "28 mg", t("2 d", "10 min")), rules))
        .containsExactly(tuple("amount", "rule WEIGHT-CAP refuses this dose (not evaluable): Cannot be evaluated, missing: "
            + "body weight no older than 30 d. The rule checks that it holds: at most 1.5 mg/kg in this session"));
  }

  @Test
  void doseLimitRule_evaluableFromTheCoursesOwnReadings_passes() {
    Rule weightCap = rule("WEIGHT-CAP", Gate.PRE_DOSE).require(DoseLimit.builder().period(LimitPeriod.SESSION)
        .maximum(q("1.5 mg/kg")).weightMaxAge(CourseFixtures.d("30 d")).build()).build();
    CourseRules rules = rules(dosing().build(), weightCap);
    CourseRecord r = appendAll(nextSessionReady(rules, t("2 d")), rules, ObservationRecorded.builder().at(t("1 d"))
        .observation(Observation.builder().code(Codes.BODY_WEIGHT).value(q("70 kg")).at(t("1 d")).build()).build());

    CourseRecord after = r.append(r.version(), dose(sessionId(1), "28 mg", t("2 d", "10 min")), rules);

    assertThat(after.version()).isEqualTo(r.version() + 1);
  }

  @Test
  void doseLimitRule_ofSeverityWarn_doesNotRefuse() {
    Rule warn = rule("SMALL-DOSE-WARN", Gate.PRE_DOSE).severity(Severity.WARN)
        .require(DoseLimit.builder().period(LimitPeriod.SESSION).maximum(q("28 mg")).build()).build();
    CourseRules rules = rules(dosing().build(), warn);
    CourseRecord r = appendAll(nextSessionReady(rules, t("2 d")), rules, dose(sessionId(1), "28 mg", t("2 d", "10 min")));

    CourseRecord after = r.append(r.version(), dose(sessionId(1), "28 mg", t("2 d", "15 min")), rules);

    assertThat(after.state(rules).session(sessionId(1)).orElseThrow().totalDose()).isEqualTo(q("56 mg"));
  }

  /* --------------------------------------------------------------- the PRE_DOSE gate check */

  @Test
  void dose_withoutAnyPreDoseCheck_isRefused() {
    CourseRecord r = appendAll(scheduledCourse(), RULES, sessionStarted(DOSE_1, t("2 d")));

    assertRejected(() -> r.append(r.version(), dose(DOSE_1, "28 mg", t("2 d", "10 min")), RULES))
        .containsExactly(tuple("sessionId", "no PRE_DOSE gate check is recorded for session 'induction/dose/1' at or before "
            + "the dose; check the gate and record its verdict first"));
  }

  @Test
  void dose_withACheckOnlyAfterTheDoseTime_isRefused() {
    CourseRecord r = appendAll(scheduledCourse(), RULES, sessionStarted(DOSE_1, t("2 d")),
        preDose(DOSE_1, t("2 d", "20 min"), VerdictOutcome.PROCEED));

    assertRejected(() -> r.append(r.version(), dose(DOSE_1, "28 mg", t("2 d", "10 min")), RULES))
        .containsExactly(tuple("sessionId", "no PRE_DOSE gate check is recorded for session 'induction/dose/1' at or before "
            + "the dose; check the gate and record its verdict first"));
  }

  @Test
  void dose_withACheckOfAnotherSessionOnly_isRefused() {
    CourseRecord r = appendAll(scheduledCourse(), RULES, scheduled(DOSE_2, "dose", t("2 d")),
        sessionStarted(DOSE_1, t("2 d")), preDose(DOSE_2, t("2 d", "5 min"), VerdictOutcome.PROCEED));

    assertRejected(() -> r.append(r.version(), dose(DOSE_1, "28 mg", t("2 d", "10 min")), RULES))
        .containsExactly(tuple("sessionId", "no PRE_DOSE gate check is recorded for session 'induction/dose/1' at or before "
            + "the dose; check the gate and record its verdict first"));
  }

  @Test
  void dose_afterABlockedLatestCheck_isRefused() {
    CourseRecord r = appendAll(readyToDose(), RULES,
        preDose(DOSE_1, t("2 d", "6 min"), VerdictOutcome.BLOCKED, "COURSE-CAP"));

    assertRejected(() -> r.append(r.version(), dose(DOSE_1, "28 mg", t("2 d", "10 min")), RULES))
        .containsExactly(tuple("sessionId", "the latest PRE_DOSE gate check for session 'induction/dose/1' "
            + "(2026-01-07T14:06:00Z) was BLOCKED by COURSE-CAP; record a check that does not block before dosing"));
  }

  @Test
  void dose_afterABlockedCheckFollowedByAProceedCheck_isAccepted() {
    CourseRecord r = appendAll(readyToDose(), RULES,
        preDose(DOSE_1, t("2 d", "6 min"), VerdictOutcome.BLOCKED, "COURSE-CAP"),
        preDose(DOSE_1, t("2 d", "8 min"), VerdictOutcome.PROCEED_WITH_WARNINGS));

    CourseRecord after = r.append(r.version(), dose(DOSE_1, "28 mg", t("2 d", "10 min")), RULES);

    assertThat(after.state(RULES).session(DOSE_1).orElseThrow().preDoseChecks()).hasSize(3);
  }

  @Test
  void dose_latestCheckIsByTime_notByRecordOrder() {
    CourseRecord r = appendAll(readyToDose(), RULES,
        preDose(DOSE_1, t("2 d", "8 min"), VerdictOutcome.BLOCKED, "COURSE-CAP"),
        preDose(DOSE_1, t("2 d", "6 min"), VerdictOutcome.PROCEED));

    assertRejected(() -> r.append(r.version(), dose(DOSE_1, "28 mg", t("2 d", "10 min")), RULES))
        .containsExactly(tuple("sessionId", "the latest PRE_DOSE gate check for session 'induction/dose/1' "
            + "(2026-01-07T14:08:00Z) was BLOCKED by COURSE-CAP; record a check that does not block before dosing"));
  }

  /* --------------------------------------------------------------- waste, drawn, witness */

  @Test
  void wasted_withoutAWitness_isRefused() {
    CourseRecord r = readyToDose();

    assertRejected(() -> r.append(r.version(),
        doseBuilder(DOSE_1, "28 mg", t("2 d", "10 min")).wasted(q("2 mg")).build(), RULES))
        .containsExactly(tuple("witness", "a wasted amount of a controlled substance must be witnessed; name the witness"));
  }

  @Test
  void wasted_witnessedByTheRecorder_isRefused() {
    CourseRecord r = readyToDose();

    assertRejected(() -> r.append(r.version(),
        doseBuilder(DOSE_1, "28 mg", t("2 d", "10 min")).wasted(q("2 mg")).witness("nurse-01").build(), RULES))
        .containsExactly(tuple("witness", "must be someone other than the person recording the dose (by)"));
  }

  @Test
  void wasted_withoutARecorder_isRefused() {
    CourseRecord r = readyToDose();
    DoseAdministered noBy = DoseAdministered.builder().from(
        doseBuilder(DOSE_1, "28 mg", t("2 d", "10 min")).wasted(q("2 mg")).witness("nurse-02").build())
        .by(java.util.Optional.empty()).build();

    assertRejected(() -> r.append(r.version(), noBy, RULES))
        .containsExactly(tuple("by", "a dose with a wasted amount must name who recorded it, so that the witness is someone else"));
  }

  @Test
  void wasted_inMgPerKg_isRefused() {
    CourseRecord r = readyToDose();

    assertRejected(() -> r.append(r.version(),
        doseBuilder(DOSE_1, "28 mg", t("2 d", "10 min")).wasted(q("0.1 mg/kg")).witness("nurse-02").build(), RULES))
        .containsExactly(tuple("wasted", "must be a mass in mg, not in mg/kg"));
  }

  @Test
  void drawn_lessThanAmountPlusWasted_isRefused() {
    CourseRecord r = readyToDose();

    assertRejected(() -> r.append(r.version(), doseBuilder(DOSE_1, "28 mg", t("2 d", "10 min"))
        .drawn(q("29 mg")).wasted(q("2 mg")).witness("nurse-02").build(), RULES))
        .containsExactly(tuple("drawn", "must be at least amount + wasted (30 mg)"));
  }

  @Test
  void drawn_lessThanAmount_isRefused() {
    CourseRecord r = readyToDose();

    assertRejected(() -> r.append(r.version(), doseBuilder(DOSE_1, "28 mg", t("2 d", "10 min")).drawn(q("20 mg")).build(), RULES))
        .containsExactly(tuple("drawn", "must be at least amount + wasted (28 mg)"));
  }

  @Test
  void witnessedWaste_withEnoughDrawn_isAccepted() {
    CourseRecord r = readyToDose();

    CourseRecord after = r.append(r.version(), doseBuilder(DOSE_1, "28 mg", t("2 d", "10 min"))
        .drawn(q("30 mg")).wasted(q("2 mg")).witness("nurse-02").lot("LOT-7").build(), RULES);

    DoseAdministered given = after.state(RULES).administrations().get(0);
    assertThat(given.wasted()).contains(q("2 mg"));
    assertThat(given.witness()).contains("nurse-02");
  }

  @Test
  void everyProblemOfADose_isReportedAtOnce() {
    CourseRecord r = appendAll(scheduledCourse(), RULES, sessionStarted(DOSE_1, t("2 d")));

    assertRejected(() -> r.append(r.version(), doseBuilder(DOSE_1, "28 mg", t("2 d", "10 min"))
        .route(Route.ORAL).wasted(q("1 mg")).build(), RULES))
        .extracting(tuple -> (String) tuple.toList().get(0))
        .containsExactly("route", "witness", "sessionId");
  }
}
