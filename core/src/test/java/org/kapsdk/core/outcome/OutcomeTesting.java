package org.kapsdk.core.outcome;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.kapsdk.core.facts.AssessmentResult;
import org.kapsdk.core.model.Codes;
import org.kapsdk.core.model.DecisionPoint;
import org.kapsdk.core.model.Evidence;
import org.kapsdk.core.model.Instrument;
import org.kapsdk.core.model.NonResponseAction;
import org.kapsdk.core.model.OutcomeDefinition;
import org.kapsdk.core.model.Phase;
import org.kapsdk.core.model.ProtocolTemplate;
import org.kapsdk.core.model.SessionKind;
import org.kapsdk.core.model.SessionTemplate;
import org.kapsdk.core.model.TemplateStatus;

/** Small builders shared by the outcome tests. Every method returns a fresh value. */
final class OutcomeTesting {
  /** The evaluation instant and the first dose of the test course. */
  static final Instant T0 = Instant.parse("2026-03-31T12:00:00Z");

  private OutcomeTesting() {}

  static Instant days(long n) {
    return T0.plus(Duration.ofDays(n));
  }

  static AssessmentResult items(Instrument instrument, Instant at, Integer... items) {
    return AssessmentResult.builder().instrument(instrument).at(at).addAllItems(Arrays.asList(items)).build();
  }

  static AssessmentResult total(Instrument instrument, Instant at, int total) {
    return AssessmentResult.builder().instrument(instrument).at(at).total(total).build();
  }

  static AssessmentResult phq9(Instant at, int total) {
    return total(Instrument.PHQ9, at, total);
  }

  /** A C-SSRS screener with the six yes/no answers given as 0 or 1. */
  static AssessmentResult cssrs(Instant at, Integer... items) {
    return items(Instrument.CSSRS_SCREENER, at, items);
  }

  /** A list of item scores: {@code n} zeros with the given 1-based items set. */
  static Integer[] zerosWith(int n, int... itemAndScore) {
    Integer[] out = new Integer[n];
    Arrays.fill(out, 0);
    for (int i = 0; i < itemAndScore.length; i += 2) {
      out[itemAndScore[i] - 1] = itemAndScore[i + 1];
    }
    return out;
  }

  static SessionTemplate session(String id) {
    return SessionTemplate.builder().id(id).kind(SessionKind.ASSESSMENT).title("Session " + id).build();
  }

  static Phase phase(String id) {
    return Phase.builder().id(id).title("Phase " + id).addSessions(session(id + "-visit")).build();
  }

  static DecisionPoint decision(Instrument instrument, NonResponseAction onNonResponse, Optional<String> onResponse) {
    return DecisionPoint.builder().instrument(instrument).onNonResponse(onNonResponse).onResponse(onResponse)
        .addEvidence("PI").build();
  }

  /**
   * A template with phases screening, induction (whose decision point is the one given, if any),
   * maintenance and extended, and the given outcome definitions.
   */
  static ProtocolTemplate template(Optional<DecisionPoint> inductionDecision, OutcomeDefinition... outcomes) {
    return ProtocolTemplate.builder()
        .id("outcome-test")
        .version("1.0.0")
        .title("Outcome test protocol")
        .status(TemplateStatus.DRAFT)
        .addIndication(Codes.MAJOR_DEPRESSIVE_DISORDER)
        .addEvidence(Evidence.builder().key("PI").citation("Prescribing information").build())
        .addEvidence(Evidence.builder().key("GAD7").citation("Spitzer 2006").build())
        .addEvidence(Evidence.builder().key("KETECT").citation("Ekstrand 2022").build())
        .addPhases(phase("screening"),
            Phase.builder().from(phase("induction")).decision(inductionDecision).build(),
            phase("maintenance"),
            phase("extended"))
        .outcomes(List.of(outcomes))
        .build();
  }

  static ProtocolTemplate template(OutcomeDefinition... outcomes) {
    return template(Optional.empty(), outcomes);
  }

  static OutcomeSeries series(ProtocolTemplate t, Instrument instrument, Optional<Instant> firstDose,
      AssessmentResult... results) {
    return OutcomeSeries.of(t, instrument, List.of(results), firstDose);
  }

  /** A PHQ-9 series of the reference definition (response 50%, remission at most 4), first dose at T0. */
  static OutcomeSeries phq9Series(AssessmentResult... results) {
    return series(template(), Instrument.PHQ9, Optional.of(T0), results);
  }
}
