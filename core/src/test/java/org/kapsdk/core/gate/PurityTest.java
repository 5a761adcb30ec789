package org.kapsdk.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kapsdk.core.gate.GateTesting.d;
import static org.kapsdk.core.gate.GateTesting.facts;
import static org.kapsdk.core.gate.GateTesting.q;
import static org.kapsdk.core.gate.GateTesting.request;
import static org.kapsdk.core.gate.GateTesting.rule;
import static org.kapsdk.core.gate.GateTesting.systolic;
import static org.kapsdk.core.gate.GateTesting.withRules;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.kapsdk.core.model.Codes;
import org.kapsdk.core.model.Comparator;
import org.kapsdk.core.model.Gate;
import org.kapsdk.core.model.ObservationThreshold;

class PurityTest {
  private static final Instant IN_2001 = Instant.parse("2001-03-04T10:00:00Z");
  private static final Instant IN_2099 = Instant.parse("2099-11-30T22:15:00Z");

  private static final SafetyGate BP_GATE = GateTesting.compile(withRules(rule("BP", Gate.ELIGIBILITY)
      .forbid(ObservationThreshold.builder().code(Codes.SYSTOLIC_BP).comparator(Comparator.GT).value(q("140 mmHg"))
          .maxAge(d("1 h")).build()).build()));

  @Test
  void sameRequestTwice_equalVerdictContent() {
    SafetyGate gate = GateTesting.compile(GateRequests.template());

    for (GateRequest r : GateRequests.mix(GateTesting.T0)) {
      assertThat(GateTesting.content(gate.evaluate(r))).isEqualTo(GateTesting.content(gate.evaluate(r)));
    }
  }

  @Test
  void sameRequestOnTwoCompilations_equalVerdictContent() {
    GateRequest r = GateRequests.mix(GateTesting.T0).get(1);

    assertThat(GateTesting.content(GateTesting.compile(GateRequests.template()).evaluate(r)))
        .isEqualTo(GateTesting.content(GateTesting.compile(GateRequests.template()).evaluate(r)));
  }

  @Test
  void evaluationIn2001_agesReadingsAgainstRequestInstant() {
    Verdict v = BP_GATE.evaluate(request(Gate.ELIGIBILITY, facts().addObservations(systolic("120 mmHg", IN_2001.minus(d("10 min"))))
        .build()).at(IN_2001).build());

    assertThat(v.finding("BP").orElseThrow().outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void evaluationIn2099_readingTenMinutesEarlierCounts() {
    // Against the wall clock this reading would lie in the future and be ignored.
    Verdict v = BP_GATE.evaluate(request(Gate.ELIGIBILITY, facts().addObservations(systolic("150 mmHg", IN_2099.minus(d("10 min"))))
        .build()).at(IN_2099).build());

    assertThat(v.finding("BP").orElseThrow().outcome()).isEqualTo(Outcome.FAIL);
  }

  @Test
  void evaluationIn2099_readingFrom2001IsStaleByTheRequestInstant() {
    Verdict v = BP_GATE.evaluate(request(Gate.ELIGIBILITY, facts().addObservations(systolic("120 mmHg", IN_2001))
        .build()).at(IN_2099).build());

    Finding f = v.finding("BP").orElseThrow();
    assertThat(f.outcome()).isEqualTo(Outcome.UNKNOWN);
    long minutes = java.time.Duration.between(IN_2001, IN_2099).toMinutes();
    assertThat(f.missingFacts()).containsExactly(
        "Systolic blood pressure reading no older than 1 h (latest is " + minutes + " min old)");
  }

  @Test
  void mixIn2001And2099_sameOutcomesAsAtT0() {
    SafetyGate gate = GateTesting.compile(GateRequests.template());

    assertThat(GateRequests.mix(IN_2001).stream().map(gate::evaluate).map(Verdict::outcome).toList())
        .isEqualTo(GateRequests.mix(GateTesting.T0).stream().map(gate::evaluate).map(Verdict::outcome).toList())
        .isEqualTo(GateRequests.mix(IN_2099).stream().map(gate::evaluate).map(Verdict::outcome).toList());
  }

  @Test
  void mixIn2099_messagesDifferOnlyByTheInstants() {
    SafetyGate gate = GateTesting.compile(GateRequests.template());
    var at2099 = GateRequests.mix(IN_2099).stream().map(gate::evaluate).flatMap(v -> v.findings().stream())
        .map(Finding::message).toList();
    var atT0 = GateRequests.mix(GateTesting.T0).stream().map(gate::evaluate).flatMap(v -> v.findings().stream())
        .map(Finding::message).map(m -> shift(m, GateTesting.T0, IN_2099)).toList();

    assertThat(at2099).isEqualTo(atT0);
  }

  /** Replaces every instant written in a message with the same offset from another origin. */
  private static String shift(String message, Instant from, Instant to) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}T[0-9:]+Z").matcher(message);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      Instant i = Instant.parse(m.group());
      m.appendReplacement(out, to.plus(java.time.Duration.between(from, i)).toString());
    }
    m.appendTail(out);
    return out.toString();
  }
}
