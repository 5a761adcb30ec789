package org.kapsdk.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathsTest {

  @ParameterizedTest(name = "join(\"{0}\", \"{1}\") = \"{2}\"")
  @CsvSource(
      value = {
        "'', id, id",
        "phases[0], id, phases[0].id",
        "phases, [0], phases[0]",
        "dosing, '', dosing",
        "'', '', ''",
        "rules[1], require.session, rules[1].require.session"
      })
  void join_parentAndChild_usesDotsExceptBeforeIndex(String parent, String child, String expected) {
    assertThat(Paths.join(parent, child)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(value = {"phases, 2, phases[2]", "'', 0, [0]"})
  void index_appendsBracketedIndex(String parent, int index, String expected) {
    assertThat(Paths.index(parent, index)).isEqualTo(expected);
  }
}
