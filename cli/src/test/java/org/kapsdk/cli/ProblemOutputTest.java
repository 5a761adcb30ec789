package org.kapsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kapsdk.core.validation.Problem;
import org.kapsdk.core.validation.SourceLocation;

class ProblemOutputTest {
  private static final Problem LOCATED =
      Problem.at("phases[0].id", "is required but missing", SourceLocation.of("a.yaml", 3, 5));
  private static final Problem WHOLE_FILE =
      Problem.at("", "file not found", SourceLocation.wholeDocument("a.yaml"));
  private static final Problem UNLOCATED = Problem.at("phases", "must not be empty");

  @Test
  void print_writesOneLinePerProblemNamingTheFileEvenWithoutALocation() {
    StringWriter err = new StringWriter();

    ProblemOutput.print(new PrintWriter(err), "a.yaml", List.of(LOCATED, WHOLE_FILE, UNLOCATED));

    assertThat(err.toString().lines())
        .containsExactly(
            "a.yaml:3:5: phases[0].id: is required but missing",
            "a.yaml: file not found",
            "a.yaml: phases: must not be empty");
  }

  @Test
  void json_givesZeroLineAndColumnWhenThereIsNoPlaceInTheFile() {
    assertThat(JsonOutput.render(ProblemOutput.json("b.yaml", List.of(LOCATED, UNLOCATED))))
        .isEqualTo(
            String.join(
                "\n",
                "[",
                "  {",
                "    \"file\": \"a.yaml\",",
                "    \"line\": 3,",
                "    \"column\": 5,",
                "    \"path\": \"phases[0].id\",",
                "    \"message\": \"is required but missing\"",
                "  },",
                "  {",
                "    \"file\": \"b.yaml\",",
                "    \"line\": 0,",
                "    \"column\": 0,",
                "    \"path\": \"phases\",",
                "    \"message\": \"must not be empty\"",
                "  }",
                "]",
                ""));
  }
}
