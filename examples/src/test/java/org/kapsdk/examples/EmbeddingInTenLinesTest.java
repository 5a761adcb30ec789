package org.kapsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kapsdk.core.gate.Finding;
import org.kapsdk.core.gate.Verdict;
import org.kapsdk.core.gate.VerdictOutcome;

class EmbeddingInTenLinesTest {

  @Test
  void run_blocksTheSamplePatientWithHighBloodPressure_explainingRuleMessageAndSource() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    Verdict verdict = EmbeddingInTenLines.run(Path.of(""), new PrintStream(bytes, true, StandardCharsets.UTF_8));

    assertThat(verdict.outcome()).isEqualTo(VerdictOutcome.BLOCKED);
    assertThat(verdict.blockingFindings()).extracting(Finding::ruleId).containsExactly("BP-PRE-ELEVATED");
    assertThat(bytes.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
        "BLOCKED",
        "BP-PRE-ELEVATED: " + verdict.blockingFindings().get(0).message() + " [PI]");
  }

  @Test
  void readme_showsExactlyTheLinesThisExampleCompiles() throws Exception {
    List<String> source = Files.readAllLines(Path.of("src/main/java/org/kapsdk/examples/EmbeddingInTenLines.java"));
    List<String> snippet = source.subList(source.indexOf("    // README:begin") + 1, source.indexOf("    // README:end"))
        .stream().map(l -> l.substring(4)).toList();
    String readme = Files.readString(Path.of("../README.md"));

    assertThat(snippet).hasSizeLessThanOrEqualTo(10);
    assertThat(readme).contains(String.join("\n", snippet));
  }
}
