package org.kapsdk.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kapsdk.core.model.Rule;

class ValidationExceptionTest {

  @Test
  void getMessage_withOneProblem_isThatProblem() {
    ValidationException e =
        new ValidationException(
            List.of(Problem.at("id", "must not be blank", SourceLocation.of("t.yaml", 2, 5))));

    assertThat(e).hasMessage("t.yaml:2:5: id: must not be blank");
  }

  @Test
  void getMessage_withSeveralProblems_countsAndIndentsThem() {
    ValidationException e =
        new ValidationException(
            List.of(
                Problem.at("version", "'1.0' is not a semantic version such as 1.0.0", SourceLocation.of("t.yaml", 3, 10)),
                Problem.at("phases", "must not be empty")));

    assertThat(e)
        .hasMessage(
            "2 problems:\n"
                + "  t.yaml:3:10: version: '1.0' is not a semantic version such as 1.0.0\n"
                + "  phases: must not be empty");
  }

  @Test
  void messageConstructor_putsProblemAtRoot() {
    ValidationException e = new ValidationException("the file is empty");

    assertThat(e.problems()).extracting(Problem::path, Problem::message).containsExactly(tuple("", "the file is empty"));
    assertThat(e).hasMessage("the file is empty");
  }

  @Test
  void missingAttributesConstructor_reportsOneProblemPerName() {
    ValidationException e = new ValidationException(new String[] {"id", "gate"});

    assertThat(e)
        .hasMessage("2 problems:\n  id: is required but missing\n  gate: is required but missing");
  }

  @Test
  void constructor_withNoProblems_isRefused() {
    assertThatThrownBy(() -> new ValidationException(List.of()))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("a ValidationException needs at least one problem");
  }

  @Test
  void problems_afterCallerChangesList_staysAsThrown() {
    List<Problem> list = new ArrayList<>(List.of(Problem.at("a", "b")));
    ValidationException e = new ValidationException(list);
    list.add(Problem.at("c", "d"));

    assertThat(e.problems()).containsExactly(Problem.at("a", "b"));
  }

  @Test
  void isIllegalArgumentException_soCallersCanCatchEither() {
    assertThat(new ValidationException("x")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void ruleBuilder_withNothingSet_throwsWithRenderedMissingNames() {
    assertThatThrownBy(() -> Rule.builder().build())
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "4 problems:\n"
                + "  id: is required but missing\n"
                + "  severity: is required but missing\n"
                + "  gate: is required but missing\n"
                + "  message: is required but missing");
  }

  @Test
  void problemsThrowIfAny_withRecordedProblems_throwsThemInOrder() {
    Problems problems = new Problems();
    problems.add("a", "first");
    problems.require(false, "b", "second");
    problems.require(true, "c", "never");

    assertThatThrownBy(problems::throwIfAny)
        .isInstanceOf(ValidationException.class)
        .hasMessage("2 problems:\n  a: first\n  b: second");
  }

  @Test
  void problemsThrowIfAny_withNothingRecorded_returns() {
    Problems problems = new Problems();
    problems.throwIfAny();

    assertThat(problems.isEmpty()).isTrue();
  }
}
