package org.kapsdk.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.kapsdk.core.gate.GateTesting.ago;
import static org.kapsdk.core.gate.GateTesting.assertProblems;
import static org.kapsdk.core.gate.GateTesting.compile;
import static org.kapsdk.core.gate.GateTesting.current;
import static org.kapsdk.core.gate.GateTesting.facts;
import static org.kapsdk.core.gate.GateTesting.request;
import static org.kapsdk.core.gate.GateTesting.sessionRecord;
import static org.kapsdk.core.gate.GateTesting.withRules;

import org.junit.jupiter.api.Test;
import org.kapsdk.core.facts.PatientFacts;
import org.kapsdk.core.model.Gate;
import org.kapsdk.core.validation.ValidationException;

class RequestValidationTest {

  private static final SafetyGate GATE = compile(withRules());

  @Test
  void preDose_withoutSession_isRefused() {
    assertThatThrownBy(() -> GATE.evaluate(request(Gate.PRE_DOSE, facts().addSessions(current()).build()).build()))
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessage("session: gate PRE_DOSE needs the current session's occurrence id");
  }

  @Test
  void duringSession_withoutSession_isRefused() {
    assertProblems(() -> GATE.evaluate(request(Gate.DURING_SESSION, facts().build()).build()))
        .containsExactly(tuple("session", "gate DURING_SESSION needs the current session's occurrence id"));
  }

  @Test
  void discharge_withoutSession_isRefused() {
    assertProblems(() -> GATE.evaluate(request(Gate.DISCHARGE, facts().build()).build()))
        .containsExactly(tuple("session", "gate DISCHARGE needs the current session's occurrence id"));
  }

  @Test
  void session_unknownOccurrenceId_isRefused() {
    assertThatThrownBy(() -> GATE.evaluate(request(Gate.PRE_DOSE, facts().addSessions(current()).build())
            .session("s-404").build()))
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessage("session: session 's-404' is not among the facts' sessions");
  }

  @Test
  void session_unknownOccurrenceIdAtEligibility_isRefused() {
    assertProblems(() -> GATE.evaluate(request(Gate.ELIGIBILITY, facts().build()).session("s-404").build()))
        .containsExactly(tuple("session", "session 's-404' is not among the facts' sessions"));
  }

  @Test
  void facts_sessionOfTemplateTheProtocolLacks_isRefused() {
    PatientFacts facts = facts().addSessions(current(), sessionRecord("b-1", "booster", ago("2 d")).build()).build();

    assertThatThrownBy(() -> GATE.evaluate(request(Gate.ELIGIBILITY, facts).build()))
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessage("facts.sessions[1].template: names session template 'booster', which protocol 'gate-test' does not define");
  }

  @Test
  void request_everyProblemReportedAtOnce() {
    PatientFacts facts = facts().addSessions(sessionRecord("b-1", "booster", ago("2 d")).build(),
        sessionRecord("x-1", "extra", ago("1 d")).build()).build();

    assertProblems(() -> GATE.evaluate(request(Gate.DISCHARGE, facts).build()))
        .containsExactly(
            tuple("facts.sessions[0].template", "names session template 'booster', which protocol 'gate-test' does not define"),
            tuple("facts.sessions[1].template", "names session template 'extra', which protocol 'gate-test' does not define"),
            tuple("session", "gate DISCHARGE needs the current session's occurrence id"));
  }

  @Test
  void preDose_atNonDosingSessionWithoutRules_isRefusedNotPassed() {
    PatientFacts facts = facts().addSessions(sessionRecord("scr-1", "screen", ago("10 min")).build()).build();

    assertThatThrownBy(() -> GATE.evaluate(request(Gate.PRE_DOSE, facts).session("scr-1").build()))
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessage("session: gate PRE_DOSE applies to dosing sessions; session 'scr-1' is a SCREENING session with no PRE_DOSE rules");
  }

  @Test
  void discharge_atNonDosingSessionWithoutRules_isRefusedNotPassed() {
    PatientFacts facts = facts().addSessions(sessionRecord("f-1", "follow-up", ago("10 min")).build()).build();

    assertProblems(() -> GATE.evaluate(request(Gate.DISCHARGE, facts).session("f-1").build()))
        .containsExactly(tuple("session",
            "gate DISCHARGE applies to dosing sessions; session 'f-1' is a FOLLOW_UP session with no DISCHARGE rules"));
  }

  @Test
  void eligibility_withoutSession_isEvaluated() {
    assertThat(GATE.evaluate(request(Gate.ELIGIBILITY, facts().build()).build()).outcome())
        .isEqualTo(VerdictOutcome.PROCEED);
  }

  @Test
  void gateRequest_withoutInstant_isRefusedWhenBuilt() {
    assertThatThrownBy(() -> GateRequest.builder().gate(Gate.ELIGIBILITY).facts(facts().build()).build())
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessage("at: is required but missing");
  }
}
