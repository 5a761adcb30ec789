package org.kapsdk.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProblemTest {

  @Test
  void toString_withLocation_isFileLineColPathMessage() {
    Problem p = Problem.at("phases[1].id", "must not be blank", SourceLocation.of("t.yaml", 12, 7));

    assertThat(p).hasToString("t.yaml:12:7: phases[1].id: must not be blank");
  }

  @Test
  void toString_withoutLocation_isPathMessage() {
    assertThat(Problem.at("dosing.maxPerSession", "must be positive"))
        .hasToString("dosing.maxPerSession: must be positive");
  }

  @Test
  void toString_atRootWithoutLocation_isMessageOnly() {
    assertThat(Problem.at("", "exactly one of require and forbid must be set"))
        .hasToString("exactly one of require and forbid must be set");
  }

  @Test
  void toString_forWholeDocument_isFileMessage() {
    Problem p = Problem.at("", "the file is empty", SourceLocation.wholeDocument("t.yaml"));

    assertThat(p).hasToString("t.yaml: the file is empty");
  }

  @Test
  void toString_forWholeDocumentWithPath_omitsLineAndColumn() {
    Problem p = Problem.at("version", "is required but missing", SourceLocation.wholeDocument("t.json"));

    assertThat(p).hasToString("t.json: version: is required but missing");
  }

  @Test
  void under_parentPath_prefixesPathAndKeepsLocation() {
    SourceLocation at = SourceLocation.of("t.yaml", 3, 1);
    Problem p = Problem.at("amount", "must be positive", at).under("dosing.dose");

    assertThat(p.path()).isEqualTo("dosing.dose.amount");
    assertThat(p.location()).contains(at);
  }

  @Test
  void under_withIndexedChild_joinsWithoutDot() {
    assertThat(Problem.at("[0].id", "x").under("phases").path()).isEqualTo("phases[0].id");
  }

  @Test
  void withLocation_replacesLocationOnly() {
    Problem p = Problem.at("id", "x").withLocation(SourceLocation.of("a", 1, 2));

    assertThat(p).isEqualTo(Problem.at("id", "x", SourceLocation.of("a", 1, 2)));
  }

  @Test
  void equals_differingOnlyInLocation_isFalse() {
    assertThat(Problem.at("id", "x")).isNotEqualTo(Problem.at("id", "x", SourceLocation.of("a", 1, 2)));
  }

  @Test
  void at_withNullLocation_isRefused() {
    assertThatThrownBy(() -> Problem.at("id", "x", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("location");
  }

  @Test
  void sourceLocation_withNegativeLine_isRefused() {
    assertThatThrownBy(() -> SourceLocation.of("a", -1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("line and column must not be negative");
  }
}
