package org.kapsdk.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.kapsdk.core.gate.GateTesting.RULE;
import static org.kapsdk.core.gate.GateTesting.admin;
import static org.kapsdk.core.gate.GateTesting.ago;
import static org.kapsdk.core.gate.GateTesting.d;
import static org.kapsdk.core.gate.GateTesting.evaluate;
import static org.kapsdk.core.gate.GateTesting.facts;
import static org.kapsdk.core.gate.GateTesting.later;
import static org.kapsdk.core.gate.GateTesting.request;
import static org.kapsdk.core.gate.GateTesting.rule;
import static org.kapsdk.core.gate.GateTesting.sessionRecord;
import static org.kapsdk.core.gate.GateTesting.withDoseRules;
import static org.kapsdk.core.gate.GateTesting.withRules;

import org.junit.jupiter.api.Test;
import org.kapsdk.core.facts.Administration;
import org.kapsdk.core.facts.SessionRecord;
import org.kapsdk.core.model.Gate;
import org.kapsdk.core.model.MonitoringElapsed;
import org.kapsdk.core.model.TimeAnchor;

class MonitoringElapsedTest {

  private static final MonitoringElapsed TWO_HOURS = MonitoringElapsed.builder().atLeast(d("2 h")).build();

  private static Finding discharge(MonitoringElapsed c, SessionRecord current) {
    return evaluate(withDoseRules(rule(RULE, Gate.DISCHARGE).require(c)
            .message("Monitored only {elapsed} of {threshold}").build()),
        request(Gate.DISCHARGE, facts().addSessions(current).build()).session("s-now").build());
  }

  private static SessionRecord startedAgo(String start, Administration... given) {
    return sessionRecord("s-now", "dose", ago(start)).addAdministrations(given).build();
  }

  @Test
  void monitoring_enoughTimeSinceFirstAdministration_holds() {
    Finding f = discharge(TWO_HOURS, startedAgo("3 h", admin("28 mg", ago("150 min")), admin("28 mg", ago("145 min"))));

    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
    assertThat(f.factsUsed()).extracting(FactUse::label, FactUse::value, u -> u.at().orElseThrow())
        .containsExactly(tuple("time since first administration", "150 min", ago("150 min")));
  }

  @Test
  void monitoring_tooLittleTimeSinceFirstAdministration_fails() {
    Finding f = discharge(TWO_HOURS, startedAgo("3 h", admin("28 mg", ago("100 min")), admin("28 mg", ago("95 min"))));

    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).isEqualTo("Monitored only 100 min of 2 h");
  }

  @Test
  void monitoring_firstAdministrationListedLast_isStillTheAnchor() {
    Finding f = discharge(TWO_HOURS, startedAgo("3 h", admin("28 mg", ago("60 min")), admin("28 mg", ago("125 min"))));

    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void monitoring_noAdministration_isUnknown() {
    Finding f = discharge(TWO_HOURS, startedAgo("3 h"));

    assertThat(f.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(f.missingFacts()).containsExactly("first administration of the current session");
  }

  @Test
  void monitoring_administrationOnlyAfterEvaluationInstant_isUnknown() {
    Finding f = discharge(TWO_HOURS, startedAgo("3 h", admin("28 mg", later("5 min"))));

    assertThat(f.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(f.missingFacts()).containsExactly("first administration before the evaluation instant");
  }

  @Test
  void monitoring_fromLastAdministration_measuresFromLastDevice() {
    MonitoringElapsed sinceLast = MonitoringElapsed.builder().from(TimeAnchor.LAST_ADMINISTRATION).atLeast(d("2 h")).build();

    Finding f = discharge(sinceLast, startedAgo("3 h", admin("28 mg", ago("125 min")), admin("28 mg", ago("115 min"))));

    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
  }

  @Test
  void monitoring_fromSessionStart_measuresFromStart() {
    MonitoringElapsed sinceStart = MonitoringElapsed.builder().from(TimeAnchor.SESSION_START).atLeast(d("2 h")).build();

    Finding f = discharge(sinceStart, startedAgo("3 h"));

    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void monitoring_fromSessionEndWhileSessionRuns_isUnknown() {
    MonitoringElapsed sinceEnd = MonitoringElapsed.builder().from(TimeAnchor.SESSION_END).atLeast(d("1 h")).build();

    Finding f = discharge(sinceEnd, startedAgo("3 h", admin("28 mg", ago("150 min"))));

    assertThat(f.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(f.missingFacts()).containsExactly("session end of the current session");
  }

  @Test
  void monitoring_withoutCurrentSession_isUnknown() {
    Finding f = evaluate(withRules(rule(RULE, Gate.COURSE).require(TWO_HOURS).build()),
        request(Gate.COURSE, facts().build()).build());

    assertThat(f.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(f.missingFacts()).containsExactly("current session");
  }
}
