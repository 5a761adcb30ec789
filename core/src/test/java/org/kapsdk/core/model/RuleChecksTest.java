package org.kapsdk.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.kapsdk.core.model.Fixtures.assertProblems;
import static org.kapsdk.core.model.Fixtures.pregnancy;
import static org.kapsdk.core.model.Fixtures.rule;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks of a rule on its own: id, message, references and the require/forbid choice. */
class RuleChecksTest {

  private static final String PLACEHOLDER_HINT =
      "; use {value}, {threshold}, {measuredAt}, {elapsed} or {missing}";

  @Test
  void build_withSlashInId_rejectsId() {
    assertProblems(() -> rule("a/b", Gate.ELIGIBILITY).forbid(pregnancy()).build())
        .containsExactly(
            tuple(
                "id",
                "'a/b' is not a valid id; use letters, digits, '.', '_' or '-' (at most 64 characters)"));
  }

  @Test
  void build_withBlankMessage_rejectsMessage() {
    assertProblems(() -> rule("r", Gate.ELIGIBILITY).message(" ").forbid(pregnancy()).build())
        .containsExactly(tuple("message", "must not be blank"));
  }

  @Test
  void build_withUnknownPlaceholders_reportsEachOne() {
    assertProblems(
            () ->
                rule("r", Gate.ELIGIBILITY)
                    .message("dose {dose} at {value} by {}")
                    .forbid(pregnancy())
                    .build())
        .containsExactly(
            tuple("message", "unknown placeholder {dose}" + PLACEHOLDER_HINT),
            tuple("message", "unknown placeholder {}" + PLACEHOLDER_HINT));
  }

  @Test
  void build_withEveryKnownPlaceholder_accepts() {
    Rule rule =
        rule("r", Gate.ELIGIBILITY)
            .message("{value} {threshold} {measuredAt} {elapsed} {missing}")
            .forbid(pregnancy())
            .build();

    assertThat(rule.message()).contains("{missing}");
  }

  @Test
  void build_withoutEvidence_rejectsEmptyList() {
    assertProblems(
            () -> rule("r", Gate.ELIGIBILITY).evidence(List.of()).forbid(pregnancy()).build())
        .containsExactly(tuple("evidence", "must not be empty"));
  }

  @Test
  void build_citingSameEvidenceTwice_rejectsSecondReference() {
    assertProblems(() -> rule("r", Gate.ELIGIBILITY).addEvidence("label").forbid(pregnancy()).build())
        .containsExactly(
            tuple("evidence[1]", "duplicate evidence reference 'label' (first used at evidence[0])"));
  }

  @Test
  void build_namingSamePhaseTwice_rejectsSecondReference() {
    assertProblems(
            () ->
                rule("r", Gate.COURSE)
                    .addPhases("induction", "maintenance", "induction")
                    .forbid(pregnancy())
                    .build())
        .containsExactly(
            tuple("phases[2]", "duplicate phase reference 'induction' (first used at phases[0])"));
  }

  @Test
  void build_withNeitherRequireNorForbid_rejectsRule() {
    assertProblems(() -> rule("r", Gate.ELIGIBILITY).build())
        .containsExactly(tuple("", "exactly one of require and forbid must be set"));
  }

  @Test
  void build_withRequireAndForbid_rejectsRule() {
    assertProblems(
            () -> rule("r", Gate.ELIGIBILITY).require(pregnancy()).forbid(pregnancy()).build())
        .containsExactly(tuple("", "exactly one of require and forbid must be set"));
  }

  @Test
  void build_withoutOverridable_defaultsToNotOverridable() {
    assertThat(rule("r", Gate.ELIGIBILITY).forbid(pregnancy()).build().overridable()).isFalse();
  }

  @Test
  void build_withConditionProblemBuiltWhileDeferred_reportsConditionPath() {
    PatientAge age =
        org.kapsdk.core.internal.DeferredValidation.run(
            () -> PatientAge.builder().comparator(Comparator.LT).years(-1).build());

    assertProblems(() -> rule("r", Gate.ELIGIBILITY).forbid(age).build())
        .containsExactly(tuple("forbid.years", "must be between 0 and 130"));
  }
}
