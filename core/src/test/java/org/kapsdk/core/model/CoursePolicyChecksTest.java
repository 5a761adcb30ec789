package org.kapsdk.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.kapsdk.core.model.Fixtures.assertProblems;
import static org.kapsdk.core.model.Fixtures.dosingSession;
import static org.kapsdk.core.model.Fixtures.phase;
import static org.kapsdk.core.model.Fixtures.screeningPhase;
import static org.kapsdk.core.model.Fixtures.template;
import static org.kapsdk.core.model.Fixtures.templateWith;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks of the course-runtime policies: {@link StepBack}, {@link DecisionPoint} and
 * {@link OutcomeDefinition}, and the reference defaults on {@link Instrument}.
 */
class CoursePolicyChecksTest {

  private static Phase.Builder induction() {
    return phase("induction", dosingSession("dose").build());
  }

  private static Phase.Builder maintenance() {
    return phase("maintenance", dosingSession("maintenance-dose").build());
  }

  private static StepBack.Builder stepBack(String toPhase) {
    return StepBack.builder().instrument(Instrument.PHQ9).worsenedByAtLeast(5).toPhase(toPhase);
  }

  private static DecisionPoint.Builder decision(Instrument instrument) {
    return DecisionPoint.builder().instrument(instrument).onNonResponse(NonResponseAction.REVIEW);
  }

  /* ------------------------------------------------------------------ reference defaults */

  @Test
  void instrument_referenceOutcomes_areThoseTheClinicalReferenceConfirms() {
    assertThat(Instrument.PHQ9.referenceResponseDropPercent()).contains(50);
    assertThat(Instrument.PHQ9.referenceRemissionAtMost()).contains(4);
    assertThat(Instrument.QIDS_SR16.referenceRemissionAtMost()).contains(5);
    assertThat(Instrument.MADRS.referenceResponseDropPercent()).contains(50);
    // Two sources, two cut-offs (10 and 12): the author must choose.
    assertThat(Instrument.MADRS.referenceRemissionAtMost()).isEmpty();
    // GAD-7's 50% is an UNCONFIRMED convention: no default.
    assertThat(Instrument.GAD7.referenceResponseDropPercent()).isEmpty();
    assertThat(Instrument.PCL5.referenceResponseDropPercent()).isEmpty();
  }

  @Test
  void outcome_withoutTemplateEntry_fallsBackToReferenceValues() {
    ProtocolTemplate t = template().build();

    assertThat(t.outcome(Instrument.PHQ9).effectiveResponseDropPercent()).contains(50);
    assertThat(t.outcome(Instrument.GAD7).effectiveResponseDropPercent()).isEmpty();
  }

  @Test
  void outcome_templateEntry_overridesReferenceValue() {
    ProtocolTemplate t = template()
        .addOutcomes(OutcomeDefinition.builder().instrument(Instrument.PHQ9).remissionAtMost(6).build())
        .build();

    assertThat(t.outcome(Instrument.PHQ9).effectiveRemissionAtMost()).contains(6);
    assertThat(t.outcome(Instrument.PHQ9).effectiveResponseDropPercent()).contains(50);
  }

  /* ------------------------------------------------------------------ outcome definitions */

  @ParameterizedTest
  @ValueSource(ints = {0, 101, -5})
  void outcomeBuild_responsePercentOutsideOneToHundred_rejectsIt(int percent) {
    assertProblems(() -> OutcomeDefinition.builder().instrument(Instrument.GAD7).responseDropPercent(percent).build())
        .containsExactly(tuple("responseDropPercent", "must be between 1 and 100"));
  }

  @Test
  void outcomeBuild_remissionAtTheTopOfTheRange_rejectsIt() {
    // A cut-off at the maximum total would call every patient in remission.
    assertProblems(() -> OutcomeDefinition.builder().instrument(Instrument.PHQ9).remissionAtMost(27).build())
        .containsExactly(tuple("remissionAtMost", "must lie within the PHQ-9 total range 0 to 26"));
  }

  @Test
  void templateBuild_twoOutcomesForOneInstrument_rejectsTheSecond() {
    assertProblems(() -> template()
            .addOutcomes(
                OutcomeDefinition.builder().instrument(Instrument.MADRS).remissionAtMost(10).build(),
                OutcomeDefinition.builder().instrument(Instrument.MADRS).remissionAtMost(12).build())
            .build())
        .containsExactly(tuple("outcomes[1].instrument", "duplicate outcome instrument 'MADRS' (first used at outcomes[0].instrument)"));
  }

  @Test
  void templateBuild_outcomeCitingUnknownEvidence_rejectsTheKey() {
    assertProblems(() -> template()
            .addOutcomes(OutcomeDefinition.builder().instrument(Instrument.GAD7).responseDropPercent(50)
                .addEvidence("GAD7").build())
            .build())
        .containsExactly(tuple("outcomes[0].evidence[0]", "refers to evidence 'GAD7', which the template does not define"));
  }

  /* ------------------------------------------------------------------ step back */

  @Test
  void stepBackBuild_zeroPoints_rejectsIt() {
    assertProblems(() -> stepBack("induction").worsenedByAtLeast(0).build())
        .containsExactly(tuple("worsenedByAtLeast", "must be at least 1"));
  }

  @Test
  void stepBackBuild_morePointsThanTheScaleHas_rejectsIt() {
    assertProblems(() -> stepBack("induction").worsenedByAtLeast(28).build())
        .containsExactly(tuple("worsenedByAtLeast", "must not exceed the range of the PHQ-9 total (27)"));
  }

  @Test
  void templateBuild_stepBackToUnknownPhase_rejectsToPhase() {
    assertProblems(() -> templateWith(screeningPhase(), induction().build(),
            maintenance().stepBack(stepBack("loading").build()).build()).build())
        .containsExactly(tuple("phases[2].stepBack.toPhase", "refers to phase 'loading', which the template does not define"));
  }

  @Test
  void templateBuild_stepBackToItself_rejectsToPhase() {
    assertProblems(() -> templateWith(screeningPhase(), induction().build(),
            maintenance().stepBack(stepBack("maintenance").build()).build()).build())
        .containsExactly(tuple("phases[2].stepBack.toPhase", "must name an earlier phase, not the phase itself"));
  }

  @Test
  void templateBuild_validPoliciesAndDecision_builds() {
    ProtocolTemplate t = templateWith(screeningPhase(),
            induction().onMissed(MissedSessionPolicy.KEEP_SCHEDULE)
                .decision(decision(Instrument.MADRS).onResponse("maintenance").addEvidence("label").build()).build(),
            maintenance().onMissed(MissedSessionPolicy.SHIFT_REMAINING).stepBack(stepBack("induction").build()).build())
        .build();

    assertThat(t.phases().get(1).decision()).isPresent();
    assertThat(t.phases().get(2).stepBack().map(StepBack::toPhase)).contains("induction");
  }

  /* ------------------------------------------------------------------ decision points */

  @Test
  void templateBuild_decisionToUnknownPhase_rejectsOnResponse() {
    assertProblems(() -> templateWith(screeningPhase(),
            induction().decision(decision(Instrument.PHQ9).onResponse("maint").build()).build()).build())
        .containsExactly(tuple("phases[1].decision.onResponse", "refers to phase 'maint', which the template does not define"));
  }

  @Test
  void templateBuild_decisionOnInstrumentWithoutResponseDefinition_asksForTheParameter() {
    assertProblems(() -> templateWith(screeningPhase(),
            induction().decision(decision(Instrument.GAD7).build()).build()).build())
        .containsExactly(tuple("phases[1].decision.instrument",
            "the clinical reference confirms no response definition for GAD-7; set outcomes[].responseDropPercent for it"));
  }

  @Test
  void templateBuild_decisionOnInstrumentWithTemplateResponseDefinition_builds() {
    ProtocolTemplate t = templateWith(screeningPhase(),
            induction().decision(decision(Instrument.GAD7).build()).build())
        .addOutcomes(OutcomeDefinition.builder().instrument(Instrument.GAD7).responseDropPercent(50).build())
        .build();

    assertThat(t.outcome(Instrument.GAD7).effectiveResponseDropPercent()).contains(50);
  }
}
