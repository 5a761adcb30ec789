package org.kapsdk.core.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kapsdk.core.outcome.OutcomeTesting.T0;
import static org.kapsdk.core.outcome.OutcomeTesting.days;
import static org.kapsdk.core.outcome.OutcomeTesting.items;
import static org.kapsdk.core.outcome.OutcomeTesting.phq9;
import static org.kapsdk.core.outcome.OutcomeTesting.phq9Series;
import static org.kapsdk.core.outcome.OutcomeTesting.series;
import static org.kapsdk.core.outcome.OutcomeTesting.template;
import static org.kapsdk.core.outcome.OutcomeTesting.total;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.kapsdk.core.facts.AssessmentResult;
import org.kapsdk.core.facts.PatientFacts;
import org.kapsdk.core.gate.Truth;
import org.kapsdk.core.model.Instrument;
import org.kapsdk.core.model.OutcomeDefinition;
import org.kapsdk.core.model.ProtocolTemplate;

class OutcomeSeriesTest {

  private static OutcomeDefinition.Builder outcome(Instrument instrument) {
    return OutcomeDefinition.builder().instrument(instrument);
  }

  private static BigDecimal pct(String value) {
    return new BigDecimal(value);
  }

  /* ------------------------------------------------------------------ baseline */

  @Test
  void baseline_withFirstDose_isLatestScoreAtOrBeforeIt() {
    OutcomeSeries s = phq9Series(phq9(days(-10), 20), phq9(days(-2), 18), phq9(days(7), 9));

    assertThat(s.baseline()).map(ScorePoint::total).contains(18);
    assertThat(s.baseline()).map(ScorePoint::at).contains(days(-2));
  }

  @Test
  void baseline_scoreAtTheFirstDoseInstant_countsAsPreDose() {
    OutcomeSeries s = phq9Series(phq9(days(-2), 18), phq9(T0, 16), phq9(days(7), 9));

    assertThat(s.baseline()).map(ScorePoint::at).contains(T0);
  }

  @Test
  void baseline_noScoreBeforeFirstDose_isEarliestScore() {
    OutcomeSeries s = phq9Series(phq9(days(14), 8), phq9(days(3), 15));

    assertThat(s.baseline()).map(ScorePoint::at).contains(days(3));
  }

  @Test
  void baseline_noFirstDose_isEarliestScore() {
    OutcomeSeries s = series(template(), Instrument.PHQ9, Optional.empty(), phq9(days(-2), 18), phq9(days(-10), 20));

    assertThat(s.baseline()).map(ScorePoint::total).contains(20);
    assertThat(s.firstDose()).isEmpty();
  }

  @Test
  void baseline_noScores_isEmptyAndEverythingUnknown() {
    OutcomeSeries s = phq9Series();

    assertThat(s.baseline()).isEmpty();
    assertThat(s.latest()).isEmpty();
    assertThat(s.points()).isEmpty();
    assertThat(s.percentChange()).isEmpty();
    assertThat(s.response()).isEqualTo(ResponseStatus.UNKNOWN);
    assertThat(s.responseReason()).isEqualTo("no PHQ-9 score recorded, so there is no baseline");
    assertThat(s.remission()).isEqualTo(RemissionStatus.UNKNOWN);
    assertThat(s.trend()).isEqualTo(Trend.UNKNOWN);
  }

  /* ------------------------------------------------------------------ points */

  @Test
  void points_areInTimeOrderWhateverTheInputOrder() {
    OutcomeSeries s = phq9Series(phq9(days(14), 8), phq9(days(-2), 20), phq9(days(7), 12));

    assertThat(s.points()).extracting(ScorePoint::at).containsExactly(days(-2), days(7), days(14));
    assertThat(s.latest()).map(ScorePoint::total).contains(8);
  }

  @Test
  void points_otherInstrumentsAndUnscoredResults_areLeftOut() {
    AssessmentResult empty = AssessmentResult.builder().instrument(Instrument.PHQ9).at(days(20)).build();
    OutcomeSeries s = phq9Series(phq9(days(-2), 20), total(Instrument.GAD7, days(1), 3), empty, phq9(days(7), 12));

    assertThat(s.points()).extracting(ScorePoint::total).containsExactly(20, 12);
  }

  @Test
  void points_sameInstant_higherTotalCountsAsLater() {
    OutcomeSeries s = phq9Series(phq9(days(-2), 20), phq9(days(7), 12), phq9(days(7), 9));

    assertThat(s.latest()).map(ScorePoint::total).contains(12);
  }

  @Test
  void points_carryTheirSeverityBand() {
    OutcomeSeries s = phq9Series(phq9(days(-2), 20), phq9(days(7), 12), phq9(days(14), 4));

    assertThat(s.points()).extracting(p -> p.band().orElseThrow().label())
        .containsExactly("severe", "moderate", "none");
  }

  @Test
  void points_pcl5_haveNoBand() {
    OutcomeSeries s = series(template(), Instrument.PCL5, Optional.of(T0), total(Instrument.PCL5, days(-1), 40));

    assertThat(s.points()).singleElement().satisfies(p -> assertThat(p.band()).isEmpty());
  }

  @Test
  void points_qidsFromItems_useDomainScoring() {
    // Items add to 21; the QIDS-SR16 total is 17.
    AssessmentResult qids = items(Instrument.QIDS_SR16, days(-1), 3, 0, 1, 2, 2, 0, 3, 1, 0, 1, 2, 0, 1, 2, 0, 3);

    OutcomeSeries s = series(template(), Instrument.QIDS_SR16, Optional.of(T0), qids);

    assertThat(s.baseline()).map(ScorePoint::total).contains(17);
    assertThat(s.baseline().flatMap(ScorePoint::band)).map(SeverityBand::label).contains("severe");
  }

  @Test
  void points_areUnmodifiable() {
    OutcomeSeries s = phq9Series(phq9(days(-2), 20));

    assertThatThrownBy(() -> s.points().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  /* ------------------------------------------------------------------ percent change */

  @Test
  void percentChange_isRoundedToOneDecimalAndNegativeForADrop() {
    OutcomeSeries s = phq9Series(phq9(days(-1), 27), phq9(days(7), 14), phq9(days(14), 27));

    assertThat(s.points()).extracting(p -> p.percentChange().orElseThrow())
        .containsExactly(pct("0.0"), pct("-48.1"), pct("0.0"));
  }

  @Test
  void percentChange_roundsHalfAwayFromZero() {
    // 1/16 = 6.25%: half-up gives 6.3 either way.
    OutcomeSeries drop = phq9Series(phq9(days(-1), 16), phq9(days(7), 15));
    OutcomeSeries rise = phq9Series(phq9(days(-1), 16), phq9(days(7), 17));

    assertThat(List.of(drop.percentChange().orElseThrow(), rise.percentChange().orElseThrow()))
        .containsExactly(pct("-6.3"), pct("6.3"));
  }

  @Test
  void percentChange_baselineZero_isEmptyForEveryPoint() {
    OutcomeSeries s = phq9Series(phq9(days(-1), 0), phq9(days(7), 3));

    assertThat(s.points()).allSatisfy(p -> assertThat(p.percentChange()).isEmpty());
    assertThat(s.percentChange()).isEmpty();
  }

  /* ------------------------------------------------------------------ response */

  @Test
  void response_dropOfExactly50Percent_isResponse() {
    OutcomeSeries s = phq9Series(phq9(days(-1), 20), phq9(days(28), 10));

    assertThat(s.response()).isEqualTo(ResponseStatus.RESPONSE);
    assertThat(s.percentChange()).contains(pct("-50.0"));
    assertThat(s.responseDropPercent()).contains(50);
    assertThat(s.responseReason()).isEqualTo("PHQ-9 dropped 50.0% from baseline 20 to 10 on " + days(28)
        + "; response is a drop of at least 50% (clinical reference PHQ9)");
  }

  @Test
  void response_dropJustBelow50Percent_isNoResponse() {
    OutcomeSeries s = phq9Series(phq9(days(-1), 20), phq9(days(28), 11));

    assertThat(s.response()).isEqualTo(ResponseStatus.NO_RESPONSE);
    assertThat(s.responseReason()).startsWith("PHQ-9 dropped 45.0% from baseline 20 to 11");
  }

  @Test
  void response_oddBaselineAroundHalf_isJudgedExactly() {
    assertThat(phq9Series(phq9(days(-1), 21), phq9(days(28), 11)).response()).isEqualTo(ResponseStatus.NO_RESPONSE);
    assertThat(phq9Series(phq9(days(-1), 21), phq9(days(28), 10)).response()).isEqualTo(ResponseStatus.RESPONSE);
  }

  @Test
  void response_roundedChangeMeetsThresholdButExactDoesNot_isNoResponse() {
    // 17/27 = 62.96%, shown as -63.0; a 63% threshold is not met.
    ProtocolTemplate t = template(outcome(Instrument.PHQ9).responseDropPercent(63).build());

    OutcomeSeries s = series(t, Instrument.PHQ9, Optional.of(T0), phq9(days(-1), 27), phq9(days(28), 10));

    assertThat(s.percentChange()).contains(pct("-63.0"));
    assertThat(s.response()).isEqualTo(ResponseStatus.NO_RESPONSE);
  }

  @Test
  void response_rise_isNoResponseAndSaysRose() {
    OutcomeSeries s = phq9Series(phq9(days(-1), 10), phq9(days(28), 12));

    assertThat(s.response()).isEqualTo(ResponseStatus.NO_RESPONSE);
    assertThat(s.responseReason()).startsWith("PHQ-9 rose 20.0% from baseline 10 to 12");
  }

  @Test
  void response_unchanged_isNoResponse() {
    OutcomeSeries s = phq9Series(phq9(days(-1), 10), phq9(days(28), 10));

    assertThat(s.response()).isEqualTo(ResponseStatus.NO_RESPONSE);
    assertThat(s.responseReason()).startsWith("PHQ-9 unchanged from baseline 10 to 10");
  }

  @Test
  void response_baselineOnly_isUnknown() {
    OutcomeSeries s = phq9Series(phq9(days(-1), 20));

    assertThat(s.response()).isEqualTo(ResponseStatus.UNKNOWN);
    assertThat(s.responseReason()).isEqualTo("no PHQ-9 score after the baseline of " + days(-1));
    assertThat(s.remission()).isEqualTo(RemissionStatus.UNKNOWN);
  }

  @Test
  void response_scoresBeforeDoseOnly_isUnknown() {
    // The baseline is the latest pre-dose score; earlier ones are not "after" it.
    OutcomeSeries s = phq9Series(phq9(days(-10), 25), phq9(days(-1), 20));

    assertThat(s.response()).isEqualTo(ResponseStatus.UNKNOWN);
    assertThat(s.points()).hasSize(2);
  }

  @Test
  void response_baselineZero_isNotClassifiable() {
    OutcomeSeries s = phq9Series(phq9(days(-1), 0), phq9(days(28), 2));

    assertThat(s.response()).isEqualTo(ResponseStatus.NOT_CLASSIFIABLE);
    assertThat(s.responseReason()).isEqualTo("the PHQ-9 baseline total is 0, from which no percent drop exists");
  }

  @Test
  void response_gad7WithoutTemplateParameter_isNotClassifiable() {
    OutcomeSeries s = series(template(), Instrument.GAD7, Optional.of(T0),
        total(Instrument.GAD7, days(-1), 16), total(Instrument.GAD7, days(28), 4));

    assertThat(s.response()).isEqualTo(ResponseStatus.NOT_CLASSIFIABLE);
    assertThat(s.responseReason()).isEqualTo("no response definition for GAD-7: set outcomes[].responseDropPercent");
    assertThat(s.responseDropPercent()).isEmpty();
  }

  @Test
  void response_gad7WithoutTemplateParameterAndNoScores_isStillNotClassifiable() {
    assertThat(series(template(), Instrument.GAD7, Optional.of(T0)).response()).isEqualTo(ResponseStatus.NOT_CLASSIFIABLE);
  }

  @Test
  void response_gad7WithTemplateParameter_isClassifiable() {
    ProtocolTemplate t = template(outcome(Instrument.GAD7).responseDropPercent(50).addEvidence("GAD7").build());

    OutcomeSeries s = series(t, Instrument.GAD7, Optional.of(T0),
        total(Instrument.GAD7, days(-1), 16), total(Instrument.GAD7, days(28), 8));

    assertThat(s.response()).isEqualTo(ResponseStatus.RESPONSE);
    assertThat(s.responseReason()).endsWith("response is a drop of at least 50% (set by the template)");
  }

  @Test
  void response_templateThresholdOverridesReference() {
    ProtocolTemplate t = template(outcome(Instrument.PHQ9).responseDropPercent(60).build());

    OutcomeSeries s = series(t, Instrument.PHQ9, Optional.of(T0), phq9(days(-1), 20), phq9(days(28), 9));

    assertThat(s.response()).isEqualTo(ResponseStatus.NO_RESPONSE);
    assertThat(s.responseDropPercent()).contains(60);
  }

  /* ------------------------------------------------------------------ remission */

  @Test
  void remission_phq9AtCutOff_isRemission() {
    OutcomeSeries s = phq9Series(phq9(days(-1), 20), phq9(days(28), 4));

    assertThat(s.remission()).isEqualTo(RemissionStatus.REMISSION);
    assertThat(s.remissionAtMost()).contains(4);
    assertThat(s.remissionReason())
        .isEqualTo("PHQ-9 total 4 on " + days(28) + " is at most the remission cut-off 4 (clinical reference PHQ9)");
  }

  @Test
  void remission_phq9OneAboveCutOff_isNoRemission() {
    OutcomeSeries s = phq9Series(phq9(days(-1), 20), phq9(days(28), 5));

    assertThat(s.remission()).isEqualTo(RemissionStatus.NO_REMISSION);
    assertThat(s.remissionReason()).contains("is above the remission cut-off 4");
  }

  @Test
  void remission_qidsAtAndAboveCutOff() {
    OutcomeSeries at = series(template(), Instrument.QIDS_SR16, Optional.of(T0),
        total(Instrument.QIDS_SR16, days(-1), 18), total(Instrument.QIDS_SR16, days(28), 5));
    OutcomeSeries above = series(template(), Instrument.QIDS_SR16, Optional.of(T0),
        total(Instrument.QIDS_SR16, days(-1), 18), total(Instrument.QIDS_SR16, days(28), 6));

    assertThat(List.of(at.remission(), above.remission()))
        .containsExactly(RemissionStatus.REMISSION, RemissionStatus.NO_REMISSION);
  }

  @Test
  void remission_madrsWithoutTemplateValue_isNotClassifiable() {
    OutcomeSeries s = series(template(), Instrument.MADRS, Optional.of(T0),
        total(Instrument.MADRS, days(-1), 34), total(Instrument.MADRS, days(28), 8));

    assertThat(s.remission()).isEqualTo(RemissionStatus.NOT_CLASSIFIABLE);
    assertThat(s.remissionReason()).isEqualTo("no remission definition for MADRS: set outcomes[].remissionAtMost");
    assertThat(s.response()).isEqualTo(ResponseStatus.RESPONSE);
  }

  @Test
  void remission_madrsWithTemplateValue_isJudgedAtTheCutOff() {
    ProtocolTemplate t = template(outcome(Instrument.MADRS).remissionAtMost(10).addEvidence("KETECT").build());

    OutcomeSeries at = series(t, Instrument.MADRS, Optional.of(T0),
        total(Instrument.MADRS, days(-1), 34), total(Instrument.MADRS, days(28), 10));
    OutcomeSeries above = series(t, Instrument.MADRS, Optional.of(T0),
        total(Instrument.MADRS, days(-1), 34), total(Instrument.MADRS, days(28), 11));

    assertThat(List.of(at.remission(), above.remission()))
        .containsExactly(RemissionStatus.REMISSION, RemissionStatus.NO_REMISSION);
    assertThat(at.remissionReason()).endsWith("(set by the template)");
  }

  @Test
  void remission_baselineZeroWithLaterScore_isStillJudged() {
    OutcomeSeries s = phq9Series(phq9(days(-1), 0), phq9(days(28), 2));

    assertThat(s.remission()).isEqualTo(RemissionStatus.REMISSION);
  }

  @Test
  void remission_noScores_isUnknown() {
    OutcomeSeries s = phq9Series();

    assertThat(s.remissionReason()).isEqualTo("no PHQ-9 score recorded, so there is no baseline");
  }

  /* ------------------------------------------------------------------ trend */

  @Test
  void trend_lastTwoPoints() {
    assertThat(phq9Series(phq9(days(-1), 20), phq9(days(7), 12), phq9(days(14), 10)).trend()).isEqualTo(Trend.IMPROVING);
    assertThat(phq9Series(phq9(days(-1), 20), phq9(days(7), 10), phq9(days(14), 12)).trend()).isEqualTo(Trend.WORSENING);
    assertThat(phq9Series(phq9(days(-1), 20), phq9(days(7), 12), phq9(days(14), 12)).trend()).isEqualTo(Trend.UNCHANGED);
  }

  @Test
  void trend_singlePoint_isUnknown() {
    assertThat(phq9Series(phq9(days(-1), 20)).trend()).isEqualTo(Trend.UNKNOWN);
  }

  /* ------------------------------------------------------------------ worsening */

  @Test
  void worsenedBy_riseOfExactlyN_isTrue() {
    OutcomeSeries s = phq9Series(phq9(days(-1), 20), phq9(days(28), 8), phq9(days(42), 13));

    assertThat(s.worsenedBy(5, days(30))).isEqualTo(Truth.TRUE);
  }

  @Test
  void worsenedBy_riseOfNMinusOne_isFalse() {
    OutcomeSeries s = phq9Series(phq9(days(-1), 20), phq9(days(28), 8), phq9(days(42), 12));

    assertThat(s.worsenedBy(5, days(30))).isEqualTo(Truth.FALSE);
  }

  @Test
  void worsenedBy_scoreExactlyAtSince_isTheReference() {
    OutcomeSeries s = phq9Series(phq9(days(-1), 20), phq9(days(28), 8), phq9(days(42), 13));

    assertThat(s.worsenedBy(5, days(28))).isEqualTo(Truth.TRUE);
    // From the day-28 point itself, day 42 is later; from just before it the reference is the baseline.
    assertThat(s.worsenedBy(5, days(28).minusSeconds(1))).isEqualTo(Truth.FALSE);
  }

  @Test
  void worsenedBy_noScoreAtOrBeforeSince_isUnknown() {
    OutcomeSeries s = phq9Series(phq9(days(28), 8), phq9(days(42), 20));

    assertThat(s.worsenedBy(1, days(1))).isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void worsenedBy_noScoreAfterSince_isUnknown() {
    OutcomeSeries s = phq9Series(phq9(days(-1), 20), phq9(days(28), 8));

    assertThat(s.worsenedBy(1, days(28))).isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void worsenedBy_noScores_isUnknown() {
    assertThat(phq9Series().worsenedBy(1, T0)).isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void worsenedBy_pointsBelowOne_isRefused() {
    OutcomeSeries s = phq9Series(phq9(days(-1), 20));

    assertThatThrownBy(() -> s.worsenedBy(0, T0))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("points must be at least 1");
  }

  /* ------------------------------------------------------------------ construction */

  @Test
  void of_cssrs_isRefusedPointingToCssrsRisk() {
    assertThatThrownBy(() -> series(template(), Instrument.CSSRS_SCREENER, Optional.of(T0)))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("use CssrsRisk");
  }

  @Test
  void of_aldrete_isRefused() {
    assertThatThrownBy(() -> series(template(), Instrument.ALDRETE, Optional.of(T0)))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Aldrete is not a symptom scale whose higher total is worse");
  }

  @Test
  void of_template_usesTheTemplatesDefinitionElseTheReference() {
    OutcomeDefinition gad7 = outcome(Instrument.GAD7).responseDropPercent(40).build();
    ProtocolTemplate t = template(gad7);

    assertThat(series(t, Instrument.GAD7, Optional.empty()).definition()).isEqualTo(gad7);
    assertThat(series(t, Instrument.PHQ9, Optional.empty()).definition())
        .isEqualTo(outcome(Instrument.PHQ9).build());
  }

  @Test
  void toString_summarisesWithoutThePatientId() {
    PatientFacts facts = PatientFacts.builder().patientId("pt-7f3a9c-unique")
        .addAssessments(phq9(days(-1), 20), phq9(days(28), 9)).build();

    OutcomeSeries s = OutcomeSeries.of(template(), Instrument.PHQ9, facts.assessments(), Optional.of(T0));

    assertThat(s.toString()).doesNotContain("pt-7f3a9c-unique")
        .isEqualTo("OutcomeSeries{instrument=PHQ-9, points=2, baseline=20@" + days(-1) + ", latest=9@" + days(28)
            + ", response=RESPONSE, remission=NO_REMISSION}");
    assertThat(s.responseReason() + s.remissionReason()).doesNotContain("pt-7f3a9c-unique");
  }

  @Test
  void of_sameInputs_giveEqualPoints() {
    AssessmentResult[] results = {phq9(days(-1), 20), phq9(days(28), 9)};
    Instant dose = T0;

    assertThat(phq9Series(results).points()).isEqualTo(OutcomeSeries.of(template(), Instrument.PHQ9, List.of(results),
        Optional.of(dose)).points());
    assertThat(phq9Series(results).baseline().orElseThrow().percentChange()).contains(pct("0.0"));
  }
}
