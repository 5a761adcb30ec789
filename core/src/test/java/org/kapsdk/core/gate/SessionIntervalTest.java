package org.kapsdk.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.kapsdk.core.gate.GateTesting.RULE;
import static org.kapsdk.core.gate.GateTesting.ago;
import static org.kapsdk.core.gate.GateTesting.current;
import static org.kapsdk.core.gate.GateTesting.d;
import static org.kapsdk.core.gate.GateTesting.evaluate;
import static org.kapsdk.core.gate.GateTesting.facts;
import static org.kapsdk.core.gate.GateTesting.preDose;
import static org.kapsdk.core.gate.GateTesting.request;
import static org.kapsdk.core.gate.GateTesting.rule;
import static org.kapsdk.core.gate.GateTesting.sessionRecord;
import static org.kapsdk.core.gate.GateTesting.withDoseRules;
import static org.kapsdk.core.gate.GateTesting.withRules;

import org.junit.jupiter.api.Test;
import org.kapsdk.core.facts.SessionRecord;
import org.kapsdk.core.model.Gate;
import org.kapsdk.core.model.SessionInterval;
import org.kapsdk.core.model.SessionKind;

class SessionIntervalTest {

  private static final SessionInterval TWO_DAYS_SINCE_DOSING = SessionInterval.builder().atLeast(d("2 d")).build();

  /** Evaluates a PRE_DOSE rule of {@code dose} requiring the interval, for current session s-now (started T0-30 min). */
  private static Finding preDoseInterval(SessionInterval c, SessionRecord... earlier) {
    return evaluate(withDoseRules(rule(RULE, Gate.PRE_DOSE).require(c).message("Only {elapsed} since the last dose").build()),
        preDose(facts().addSessions(current()).addSessions(earlier).build()).build());
  }

  private static SessionRecord dosed(String id, String start, String end) {
    return sessionRecord(id, "dose", ago(start)).end(ago(end)).build();
  }

  @Test
  void interval_noEarlierDosingSession_holds() {
    Finding f = preDoseInterval(TWO_DAYS_SINCE_DOSING);

    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
    assertThat(f.factsUsed()).extracting(FactUse::label, FactUse::value)
        .containsExactly(tuple("previous DOSING session", "none"));
  }

  @Test
  void interval_longEnoughSinceEndOfPreviousDose_holds() {
    Finding f = preDoseInterval(TWO_DAYS_SINCE_DOSING, dosed("s-1", "74 h", "72 h"));

    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
    assertThat(f.factsUsed()).extracting(FactUse::label, FactUse::value, u -> u.at().orElseThrow())
        .containsExactly(tuple("time since the previous DOSING session", "4290 min", ago("72 h")));
  }

  @Test
  void interval_tooSoonAfterPreviousDose_fails() {
    Finding f = preDoseInterval(TWO_DAYS_SINCE_DOSING, dosed("s-1", "26 h", "24 h"));

    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).isEqualTo("Only 1410 min since the last dose");
  }

  @Test
  void interval_measuredToStartOfCurrentSession_notToEvaluationInstant() {
    // 48 h before T0, but only 47.5 h before the current session started.
    Finding f = preDoseInterval(TWO_DAYS_SINCE_DOSING, dosed("s-1", "50 h", "48 h"));

    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
  }

  @Test
  void interval_previousDoseWithoutEnd_isUnknown() {
    Finding f = preDoseInterval(TWO_DAYS_SINCE_DOSING, sessionRecord("s-1", "dose", ago("5 d")).build());

    assertThat(f.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(f.missingFacts()).containsExactly("end of the previous DOSING session");
  }

  @Test
  void interval_latestPreviousDoseDecides() {
    Finding f = preDoseInterval(TWO_DAYS_SINCE_DOSING,
        sessionRecord("s-1", "dose", ago("10 d")).build(), dosed("s-2", "26 h", "24 h"));

    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
  }

  @Test
  void interval_earlierSessionOfOtherKind_isNotAPreviousDose() {
    Finding f = preDoseInterval(TWO_DAYS_SINCE_DOSING, sessionRecord("f-1", "follow-up", ago("3 h")).end(ago("2 h")).build());

    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void interval_atMostExceeded_fails() {
    SessionInterval withinAWeek = SessionInterval.builder().atLeast(d("2 d")).atMost(d("1 wk")).build();

    Finding f = preDoseInterval(withinAWeek, dosed("s-1", "10 d", "10 d"));

    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
  }

  @Test
  void interval_sinceNamedSessionTemplate_measuresFromThatTemplateOnly() {
    SessionInterval screenedWithin4Weeks = SessionInterval.builder().session("screen")
        .sinceKind(SessionKind.SCREENING).atMost(d("4 wk")).build();

    Finding f = preDoseInterval(screenedWithin4Weeks, sessionRecord("sc-1", "screen", ago("5 wk")).end(ago("5 wk")).build(),
        dosed("s-1", "3 d", "3 d"));

    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.factsUsed()).extracting(FactUse::label).containsExactly("time since the previous 'screen' session");
  }

  @Test
  void interval_withoutCurrentSession_measuresToEvaluationInstant() {
    Finding f = evaluate(withRules(rule(RULE, Gate.COURSE).require(TWO_DAYS_SINCE_DOSING).build()),
        request(Gate.COURSE, facts().addSessions(dosed("s-1", "50 h", "48 h")).build()).build());

    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
    assertThat(f.factsUsed()).extracting(FactUse::value).containsExactly("2 d");
  }

  @Test
  void interval_withoutCurrentSession_ignoresSessionsStartingLater() {
    Finding f = evaluate(withRules(rule(RULE, Gate.COURSE).require(TWO_DAYS_SINCE_DOSING).build()),
        request(Gate.COURSE, facts().addSessions(sessionRecord("s-9", "dose", GateTesting.later("1 h")).build()).build())
            .build());

    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
  }
}
