package org.kapsdk.core.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kapsdk.core.outcome.OutcomeTesting.T0;
import static org.kapsdk.core.outcome.OutcomeTesting.days;
import static org.kapsdk.core.outcome.OutcomeTesting.decision;
import static org.kapsdk.core.outcome.OutcomeTesting.phase;
import static org.kapsdk.core.outcome.OutcomeTesting.phq9;
import static org.kapsdk.core.outcome.OutcomeTesting.series;
import static org.kapsdk.core.outcome.OutcomeTesting.template;
import static org.kapsdk.core.outcome.OutcomeTesting.total;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.kapsdk.core.facts.AssessmentResult;
import org.kapsdk.core.internal.Mappers;
import org.kapsdk.core.model.DecisionPoint;
import org.kapsdk.core.model.Instrument;
import org.kapsdk.core.model.NonResponseAction;
import org.kapsdk.core.model.OutcomeDefinition;
import org.kapsdk.core.model.Phase;
import org.kapsdk.core.model.ProtocolTemplate;
import org.kapsdk.core.validation.ValidationException;

class DecisionsTest {

  private static final AssessmentResult BASELINE = phq9(days(-1), 20);

  private static DecisionItem judge(DecisionPoint d, AssessmentResult... results) {
    ProtocolTemplate t = template(Optional.of(d));
    return judge(t, d, results);
  }

  private static DecisionItem judge(ProtocolTemplate t, DecisionPoint d, AssessmentResult... results) {
    Phase induction = t.phases().get(1);
    return Decisions.evaluate(t, induction, d, series(t, d.instrument(), Optional.of(T0), results));
  }

  private static DecisionPoint stopOnNonResponse() {
    return decision(Instrument.PHQ9, NonResponseAction.RECOMMEND_STOP, Optional.empty());
  }

  @Test
  void evaluate_responseWithOnResponse_continuesToThatPhase() {
    DecisionPoint d = decision(Instrument.PHQ9, NonResponseAction.REVIEW, Optional.of("extended"));

    DecisionItem item = judge(d, BASELINE, phq9(days(28), 9));

    assertThat(item.status()).isEqualTo(DecisionStatus.RESPONDED);
    assertThat(item.nextPhase()).contains("extended");
    assertThat(item.recommendation()).isEqualTo("continue to phase extended");
  }

  @Test
  void evaluate_responseWithoutOnResponse_continuesToTheNextPhase() {
    DecisionItem item = judge(stopOnNonResponse(), BASELINE, phq9(days(28), 10));

    assertThat(item.status()).isEqualTo(DecisionStatus.RESPONDED);
    assertThat(item.nextPhase()).contains("maintenance");
    assertThat(item.recommendation()).isEqualTo("continue to phase maintenance");
    assertThat(item.phaseId()).isEqualTo("induction");
    assertThat(item.instrument()).isEqualTo(Instrument.PHQ9);
  }

  @Test
  void evaluate_responseInTheLastPhase_continuesWithoutANextPhase() {
    DecisionPoint d = stopOnNonResponse();
    ProtocolTemplate t = template(Optional.empty());
    Phase last = t.phases().get(3);

    DecisionItem item = Decisions.evaluate(t, last, d, series(t, Instrument.PHQ9, Optional.of(T0), BASELINE,
        phq9(days(28), 5)));

    assertThat(item.status()).isEqualTo(DecisionStatus.RESPONDED);
    assertThat(item.nextPhase()).isEmpty();
    assertThat(item.recommendation()).isEqualTo("continue the course; no phase follows 'extended' in the template");
  }

  @Test
  void evaluate_noResponseWithRecommendStop_recommendsStopping() {
    DecisionItem item = judge(stopOnNonResponse(), BASELINE, phq9(days(28), 11));

    assertThat(item.status()).isEqualTo(DecisionStatus.NOT_RESPONDED);
    assertThat(item.recommendation()).isEqualTo("recommend stopping the course");
    assertThat(item.nextPhase()).isEmpty();
    assertThat(item.onNonResponse()).isEqualTo(NonResponseAction.RECOMMEND_STOP);
  }

  @Test
  void evaluate_noResponseWithReview_recommendsReview() {
    DecisionItem item = judge(decision(Instrument.PHQ9, NonResponseAction.REVIEW, Optional.empty()),
        BASELINE, phq9(days(28), 15));

    assertThat(item.status()).isEqualTo(DecisionStatus.NOT_RESPONDED);
    assertThat(item.recommendation()).isEqualTo("review whether and how to continue");
  }

  @Test
  void evaluate_carriesTheValuesUsed() {
    DecisionItem item = judge(stopOnNonResponse(), BASELINE, phq9(days(14), 14), phq9(days(28), 11));

    assertThat(item.baseline()).map(ScorePoint::total).contains(20);
    assertThat(item.latest()).map(ScorePoint::total).contains(11);
    assertThat(item.latest()).map(ScorePoint::at).contains(days(28));
    assertThat(item.percentChange()).contains(new BigDecimal("-45.0"));
    assertThat(item.responseDropPercent()).contains(50);
    assertThat(item.reason()).startsWith("PHQ-9 dropped 45.0% from baseline 20 to 11");
  }

  @Test
  void evaluate_evidence_isDecisionThenOutcomeDefinitionWithoutRepeats() {
    DecisionPoint d = stopOnNonResponse();
    OutcomeDefinition phq9 = OutcomeDefinition.builder().instrument(Instrument.PHQ9).responseDropPercent(50)
        .addEvidence("KETECT", "PI").build();
    ProtocolTemplate t = template(Optional.of(d), phq9);

    DecisionItem item = judge(t, d, BASELINE, phq9(days(28), 9));

    assertThat(item.evidence()).containsExactly("PI", "KETECT");
  }

  @Test
  void evaluate_noScoreAfterBaseline_cannotJudgeAndSaysWhatIsMissing() {
    DecisionItem item = judge(stopOnNonResponse(), BASELINE);

    assertThat(item.status()).isEqualTo(DecisionStatus.CANNOT_JUDGE);
    assertThat(item.recommendation()).isEqualTo("response cannot be judged: no PHQ-9 score after the baseline of " + days(-1));
    assertThat(item.latest()).map(ScorePoint::total).contains(20);
    assertThat(item.nextPhase()).isEmpty();
  }

  @Test
  void evaluate_noScores_cannotJudge() {
    DecisionItem item = judge(stopOnNonResponse());

    assertThat(item.status()).isEqualTo(DecisionStatus.CANNOT_JUDGE);
    assertThat(item.reason()).isEqualTo("no PHQ-9 score recorded, so there is no baseline");
    assertThat(item.baseline()).isEmpty();
  }

  @Test
  void evaluate_gad7WithoutResponseDefinition_cannotJudgeAndNamesTheTemplateParameter() {
    // A template cannot hold such a decision point (build() refuses it); a host may still pass one.
    ProtocolTemplate t = template(Optional.empty());
    DecisionPoint d = decision(Instrument.GAD7, NonResponseAction.REVIEW, Optional.empty());

    DecisionItem item = judge(t, d, total(Instrument.GAD7, days(-1), 15), total(Instrument.GAD7, days(28), 5));

    assertThat(item.status()).isEqualTo(DecisionStatus.CANNOT_JUDGE);
    assertThat(item.recommendation())
        .isEqualTo("response cannot be judged: no response definition for GAD-7: set outcomes[].responseDropPercent");
    assertThat(item.responseDropPercent()).isEmpty();
  }

  @Test
  void evaluate_gad7WithResponseDefinition_responds() {
    DecisionPoint d = decision(Instrument.GAD7, NonResponseAction.REVIEW, Optional.empty());
    ProtocolTemplate t = template(Optional.of(d),
        OutcomeDefinition.builder().instrument(Instrument.GAD7).responseDropPercent(50).addEvidence("GAD7").build());

    DecisionItem item = judge(t, d, total(Instrument.GAD7, days(-1), 15), total(Instrument.GAD7, days(28), 5));

    assertThat(item.status()).isEqualTo(DecisionStatus.RESPONDED);
    assertThat(item.evidence()).containsExactly("PI", "GAD7");
  }

  @Test
  void evaluate_baselineZero_cannotJudge() {
    DecisionItem item = judge(stopOnNonResponse(), phq9(days(-1), 0), phq9(days(28), 0));

    assertThat(item.status()).isEqualTo(DecisionStatus.CANNOT_JUDGE);
    assertThat(item.reason()).contains("baseline total is 0");
  }

  @Test
  void evaluate_phaseOfAnotherTemplate_isRefused() {
    DecisionPoint d = stopOnNonResponse();
    ProtocolTemplate t = template(Optional.of(d));

    assertThatThrownBy(() -> Decisions.evaluate(t, phase("elsewhere"), d,
            series(t, Instrument.PHQ9, Optional.of(T0), BASELINE)))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("phase 'elsewhere' is not a phase of template 'outcome-test'");
  }

  @Test
  void evaluate_seriesOfAnotherInstrument_isRefused() {
    DecisionPoint d = stopOnNonResponse();
    ProtocolTemplate t = template(Optional.of(d));

    assertThatThrownBy(() -> Decisions.evaluate(t, t.phases().get(1), d, series(t, Instrument.BDI2, Optional.of(T0))))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("the decision point judges PHQ-9 but the series holds BDI-II");
  }

  @Test
  void evaluate_seriesWithAnotherDefinition_isRefused() {
    DecisionPoint d = stopOnNonResponse();
    ProtocolTemplate t = template(Optional.of(d));
    OutcomeSeries other = OutcomeSeries.of(OutcomeDefinition.builder().instrument(Instrument.PHQ9).responseDropPercent(30)
        .build(), java.util.List.of(BASELINE), Optional.of(T0));

    assertThatThrownBy(() -> Decisions.evaluate(t, t.phases().get(1), d, other))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("another PHQ-9 outcome definition than the template's");
  }

  @Test
  void item_roundTripsThroughJson() throws Exception {
    DecisionItem item = judge(stopOnNonResponse(), BASELINE, phq9(days(28), 9));

    String json = Mappers.json().writeValueAsString(item);

    assertThat(Mappers.json().readValue(json, DecisionItem.class)).isEqualTo(item);
  }

  @Test
  void item_nextPhaseWithoutResponse_isRefused() {
    assertThatThrownBy(() -> DecisionItem.builder().phaseId("induction").instrument(Instrument.PHQ9)
            .status(DecisionStatus.NOT_RESPONDED).recommendation("r").reason("r").nextPhase("maintenance")
            .onNonResponse(NonResponseAction.REVIEW).build())
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessageContaining("nextPhase: is only set when status is RESPONDED");
  }
}
