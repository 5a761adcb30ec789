package org.kapsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.kapsdk.core.gate.Outcome;
import org.kapsdk.core.gate.Verdict;
import org.kapsdk.core.gate.VerdictOutcome;

class PreDoseCheckTest {

  @Test
  void run_readyPatientProceeds_andAStaleReadingIsNeverUsed() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Verdict[] verdicts =
        PreDoseCheck.run(
            Path.of("templates/esketamine-trd-sample.yaml"),
            Path.of("profiles/sample-clinic.yaml"),
            new PrintStream(bytes, true, StandardCharsets.UTF_8));

    assertThat(verdicts[0].outcome()).isEqualTo(VerdictOutcome.PROCEED);
    assertThat(verdicts[1].outcome()).isEqualTo(VerdictOutcome.PROCEED_WITH_WARNINGS);
    assertThat(verdicts[1].finding("BP-PRE-ELEVATED").orElseThrow().outcome())
        .isEqualTo(Outcome.UNKNOWN);
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .startsWith("BP taken 10 minutes ago: PROCEED\nBP taken 2 hours ago: PROCEED_WITH_WARNINGS\n")
        .contains("  UNKNOWN BP-PRE-ELEVATED (WARN): Cannot be evaluated, missing: ")
        .doesNotContain("sample-patient-0001");
  }
}
