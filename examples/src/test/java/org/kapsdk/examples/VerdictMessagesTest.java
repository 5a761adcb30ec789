package org.kapsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kapsdk.core.gate.Verdict;
import org.kapsdk.core.gate.VerdictOutcome;
import org.kapsdk.examples.VerdictMessages.Level;
import org.kapsdk.examples.VerdictMessages.UiMessage;

class VerdictMessagesTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final List<Verdict> verdicts = VerdictMessages.run(Path.of(""), new PrintStream(bytes, true, StandardCharsets.UTF_8));

  @Test
  void messages_highBloodPressure_oneOverridableWarningWithTheReadingsUsed() {
    assertThat(verdicts.get(0).outcome()).isEqualTo(VerdictOutcome.PROCEED_WITH_WARNINGS);
    assertThat(VerdictMessages.messages(verdicts.get(0))).singleElement().satisfies(m -> {
      assertThat(m.level()).isEqualTo(Level.WARNING);
      assertThat(m.ruleId()).isEqualTo("BP-PRE-ELEVATED");
      assertThat(m.text()).startsWith("Baseline blood pressure above 140 mmHg or 90 mmHg (Systolic blood pressure 152 mmHg");
      assertThat(m.facts()).containsExactly(
          "Systolic blood pressure 152 mmHg at 2026-01-05T08:50:00Z", "Diastolic blood pressure 82 mmHg at 2026-01-05T08:50:00Z");
      assertThat(m.overridable()).isTrue();
    });
  }

  @Test
  void messages_staleReading_namesWhatIsMissingAndNeverTheOldValue() {
    UiMessage m = VerdictMessages.messages(verdicts.get(1)).get(0);

    assertThat(VerdictMessages.messages(verdicts.get(1))).hasSize(1);
    assertThat(m.level()).isEqualTo(Level.WARNING);
    assertThat(m.text()).startsWith("Cannot be evaluated, missing: Systolic blood pressure reading no older than 1 h");
    assertThat(m.facts()).containsExactly(
        "missing: Systolic blood pressure reading no older than 1 h (latest is 2 h old)",
        "missing: Diastolic blood pressure reading no older than 1 h (latest is 2 h old)");
    assertThat(m.toString()).doesNotContain("128 mmHg");
  }

  @Test
  void messages_doseAboveTheLimit_stopsWithoutOverride() {
    assertThat(verdicts.get(2).outcome()).isEqualTo(VerdictOutcome.BLOCKED);
    assertThat(VerdictMessages.messages(verdicts.get(2)))
        .extracting(UiMessage::level, UiMessage::ruleId, UiMessage::overridable)
        .containsExactly(
            tuple(Level.STOP, "DOSE-MAX-PER-SESSION", false),
            tuple(Level.STOP, "induction-dose#maxPerSession", false));
  }

  @Test
  void run_printsEachVerdictWithItsMessages_andNoPatientId() {
    String out = bytes.toString(StandardCharsets.UTF_8);

    assertThat(out.lines().toList()).contains(
        "high blood pressure: PROCEED_WITH_WARNINGS",
        "blood pressure taken 2 hours ago: PROCEED_WITH_WARNINGS",
        "112 mg planned: BLOCKED",
        "  [STOP] DOSE-MAX-PER-SESSION: This dose would exceed 84 mg in one session. | planned dose 112 mg | no override");
    assertThat(out).contains("| a clinician may override\n").doesNotContain("sample-patient-0001");
  }
}
