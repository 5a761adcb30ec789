package org.kapsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.kapsdk.core.course.CourseView;

class ClinicDayTest {

  @Test
  void run_walksTheDayThroughEveryGate_refusesTheEarlyDose_andRetriesTheStaleAppend() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CourseView view = ClinicDay.run(Path.of(""), new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);

    assertThat(out.lines().toList()).startsWith(
        "first dose planned: induction/induction-dose/1 on 2026-01-05",
        "checked in: version 3",
        "refused: sessionId: no PRE_DOSE gate check is recorded for session 'induction/induction-dose/1' at or before the"
            + " dose; check the gate and record its verdict first",
        "PRE_DOSE verdict: PROCEED",
        "dosed: 56 mg today",
        "stale: stale course version: expected version 6, but the course is at version 7; reload it and decide again",
        "retried on version 7: accepted, now version 8",
        "DURING_SESSION verdict: PROCEED",
        "DISCHARGE verdict: BLOCKED",
        "  FAIL DISCHARGE-MIN-2H (BLOCK): Observation has lasted 90 min; at least 2 h from the first device is required.",
        "  FAIL DISCHARGE-BP-FALLING-OR-STABLE (BLOCK): Blood pressure is not yet falling or stable; continue monitoring.",
        "DISCHARGE verdict: PROCEED",
        "events: 13, phase: induction, dose in 24 h: 56 mg",
        "overdue: ASSESSMENT induction/induction-dose/1/PHQ9 was due by 2026-01-05T16:15:00Z",
        "overdue: ASSESSMENT induction/induction-dose/1/CSSRS_SCREENER was due by 2026-01-05T16:15:00Z");
    // The REMS form is due within 7 days of the session's end (11:15 New York time + 7 d).
    assertThat(out).contains("due: INTEGRATION_STEP induction/induction-dose/1/rems-pmf-induction by 2026-01-12T16:15:00Z");
    assertThat(out).doesNotContain("sample-patient-0001");
    assertThat(view.phaseId()).isEqualTo("induction");
    assertThat(view.overdue()).extracting(CourseView.DueItem::id).containsExactly(
        "induction/induction-dose/1/PHQ9", "induction/induction-dose/1/CSSRS_SCREENER");
  }
}
