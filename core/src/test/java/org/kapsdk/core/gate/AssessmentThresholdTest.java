package org.kapsdk.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.kapsdk.core.gate.GateTesting.RULE;
import static org.kapsdk.core.gate.GateTesting.ago;
import static org.kapsdk.core.gate.GateTesting.assessment;
import static org.kapsdk.core.gate.GateTesting.d;
import static org.kapsdk.core.gate.GateTesting.evaluate;
import static org.kapsdk.core.gate.GateTesting.facts;
import static org.kapsdk.core.gate.GateTesting.forbid;
import static org.kapsdk.core.gate.GateTesting.later;
import static org.kapsdk.core.gate.GateTesting.request;
import static org.kapsdk.core.gate.GateTesting.withRules;

import org.junit.jupiter.api.Test;
import org.kapsdk.core.facts.AssessmentResult;
import org.kapsdk.core.facts.PatientFacts;
import org.kapsdk.core.model.AssessmentThreshold;
import org.kapsdk.core.model.Comparator;
import org.kapsdk.core.model.Gate;
import org.kapsdk.core.model.Instrument;
import org.kapsdk.core.model.ScoreMeasure;

class AssessmentThresholdTest {

  /** Forbids a PHQ-9 total of 20 or more (severe), assessed within 14 d. */
  private static final AssessmentThreshold PHQ9_SEVERE = AssessmentThreshold.builder().instrument(Instrument.PHQ9)
      .comparator(Comparator.GE).value(20).maxAge(d("14 d")).build();

  /** Forbids PHQ-9 item 9 above 0, assessed within 14 d. */
  private static final AssessmentThreshold PHQ9_ITEM9 = AssessmentThreshold.builder().instrument(Instrument.PHQ9)
      .measure(ScoreMeasure.ITEM).item(9).comparator(Comparator.GT).value(0).maxAge(d("14 d")).build();

  /** Forbids a C-SSRS screener whose highest positive item is 4 or more, within 30 d. */
  private static final AssessmentThreshold CSSRS_SEVERE = AssessmentThreshold.builder()
      .instrument(Instrument.CSSRS_SCREENER).measure(ScoreMeasure.HIGHEST_POSITIVE_ITEM)
      .comparator(Comparator.GE).value(4).maxAge(d("30 d")).build();

  private static Finding forbidding(AssessmentThreshold c, AssessmentResult... results) {
    PatientFacts facts = facts().addAssessments(results).build();
    return evaluate(withRules(forbid(RULE, Gate.ELIGIBILITY, c)), request(Gate.ELIGIBILITY, facts).build());
  }

  private static AssessmentResult phq9Total(int total, String ago) {
    return AssessmentResult.builder().instrument(Instrument.PHQ9).at(ago(ago)).total(total).build();
  }

  @Test
  void total_recordedBelowThreshold_passes() {
    Finding f = forbidding(PHQ9_SEVERE, phq9Total(12, "2 d"));

    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
    assertThat(f.factsUsed()).extracting(FactUse::label, FactUse::value).containsExactly(tuple("PHQ-9 total", "12"));
  }

  @Test
  void total_recordedAtThreshold_fails() {
    Finding f = forbidding(PHQ9_SEVERE, phq9Total(20, "2 d"));

    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).isEqualTo("Failed: 20 against 20");
  }

  @Test
  void total_sumOfCompleteItems_isUsed() {
    Finding f = forbidding(PHQ9_SEVERE, assessment(Instrument.PHQ9, ago("2 d"), 3, 3, 3, 3, 3, 3, 2, 3, 0));

    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.factsUsed()).extracting(FactUse::value).containsExactly("23");
  }

  @Test
  void total_neitherTotalNorItems_isUnknown() {
    Finding f = forbidding(PHQ9_SEVERE, AssessmentResult.builder().instrument(Instrument.PHQ9).at(ago("2 d")).build());

    assertThat(f.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(f.missingFacts()).containsExactly("PHQ-9 total (the latest PHQ-9 has no item scores)");
  }

  @Test
  void item_phq9Item9AboveZero_fails() {
    Finding f = forbidding(PHQ9_ITEM9, assessment(Instrument.PHQ9, ago("2 d"), 0, 0, 0, 0, 0, 0, 0, 0, 1));

    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.factsUsed()).extracting(FactUse::label, FactUse::value).containsExactly(tuple("PHQ-9 item 9", "1"));
  }

  @Test
  void item_phq9Item9ZeroWithHighTotal_passes() {
    Finding f = forbidding(PHQ9_ITEM9, assessment(Instrument.PHQ9, ago("2 d"), 3, 3, 3, 3, 3, 3, 3, 3, 0));

    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void item_onlyTotalRecorded_isUnknown() {
    Finding f = forbidding(PHQ9_ITEM9, phq9Total(4, "2 d"));

    assertThat(f.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(f.missingFacts()).containsExactly("PHQ-9 item 9 (the latest PHQ-9 has no item scores)");
  }

  @Test
  void item_latestHasNoItemsButOlderHas_isUnknown() {
    Finding f = forbidding(PHQ9_ITEM9, phq9Total(4, "1 d"),
        assessment(Instrument.PHQ9, ago("5 d"), 0, 0, 0, 0, 0, 0, 0, 0, 0));

    assertThat(f.outcome()).isEqualTo(Outcome.UNKNOWN);
  }

  @Test
  void highestPositiveItem_item4Positive_fails() {
    Finding f = forbidding(CSSRS_SEVERE, assessment(Instrument.CSSRS_SCREENER, ago("3 d"), 1, 1, 0, 1, 0, 0));

    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.factsUsed()).extracting(FactUse::label, FactUse::value)
        .containsExactly(tuple("C-SSRS screener highest positive item", "4"));
  }

  @Test
  void highestPositiveItem_onlyItem6Positive_fails() {
    Finding f = forbidding(CSSRS_SEVERE, assessment(Instrument.CSSRS_SCREENER, ago("3 d"), 0, 0, 0, 0, 0, 1));

    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
  }

  @Test
  void highestPositiveItem_item2Positive_passes() {
    Finding f = forbidding(CSSRS_SEVERE, assessment(Instrument.CSSRS_SCREENER, ago("3 d"), 1, 1, 0, 0, 0, 0));

    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
    assertThat(f.factsUsed()).extracting(FactUse::value).containsExactly("2");
  }

  @Test
  void highestPositiveItem_noneMarkedYes_passes() {
    Finding f = forbidding(CSSRS_SEVERE, assessment(Instrument.CSSRS_SCREENER, ago("3 d"), 0, 0, 0, 0, 0, 0));

    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
    assertThat(f.factsUsed()).extracting(FactUse::value).containsExactly("0");
  }

  @Test
  void highestPositiveItem_outsideRecencyWindow_isUnknown() {
    Finding f = forbidding(CSSRS_SEVERE, assessment(Instrument.CSSRS_SCREENER, ago("31 d"), 0, 0, 0, 0, 0, 0));

    assertThat(f.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(f.missingFacts())
        .containsExactly("C-SSRS screener assessment no older than 30 d (latest is 31 d old)");
  }

  @Test
  void highestPositiveItem_itemsMissing_isUnknown() {
    Finding f = forbidding(CSSRS_SEVERE,
        AssessmentResult.builder().instrument(Instrument.CSSRS_SCREENER).at(ago("3 d")).total(0).build());

    assertThat(f.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(f.missingFacts()).containsExactly(
        "C-SSRS screener highest positive item (the latest C-SSRS screener has no item scores)");
  }

  @Test
  void assessment_noneRecorded_isUnknown() {
    Finding f = forbidding(PHQ9_SEVERE, assessment(Instrument.GAD7, ago("1 d"), 0, 0, 0, 0, 0, 0, 0));

    assertThat(f.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(f.missingFacts()).containsExactly("PHQ-9 assessment");
  }

  @Test
  void assessment_latestDecides() {
    Finding f = forbidding(PHQ9_SEVERE, phq9Total(24, "10 d"), phq9Total(9, "1 d"));

    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
    assertThat(f.factsUsed()).extracting(FactUse::value).containsExactly("9");
  }

  @Test
  void assessment_completedAfterEvaluationInstant_isIgnored() {
    Finding f = forbidding(PHQ9_SEVERE, phq9Total(24, "1 d"),
        AssessmentResult.builder().instrument(Instrument.PHQ9).at(later("1 h")).total(3).build());

    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
  }

  @Test
  void assessment_staleTotal_isUnknown() {
    Finding f = forbidding(PHQ9_SEVERE, phq9Total(3, "15 d"));

    assertThat(f.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(f.missingFacts()).containsExactly("PHQ-9 assessment no older than 2 wk (latest is 15 d old)");
  }
}
