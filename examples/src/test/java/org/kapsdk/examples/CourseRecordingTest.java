package org.kapsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.kapsdk.core.course.CourseView;

class CourseRecordingTest {

  @Test
  void run_refusesTheEarlyDoseAndTheStaleAppend_andShowsTheFormDueAndTheMissingScoresOverdue() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CourseView view = CourseRecording.run(Path.of(""), new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);

    assertThat(out.lines().toList()).startsWith(
        "first dose planned: induction/induction-dose/1 on 2026-01-05",
        "refused: sessionId: no PRE_DOSE gate check is recorded for session 'induction/induction-dose/1' at or before the"
            + " dose; check the gate and record its verdict first",
        "pre-dose verdict: PROCEED",
        "stale: stale course version: expected version 5, but the course is at version 6; reload it and decide again",
        "events: 7, phase: induction, dose in 24 h: 56 mg",
        "overdue: ASSESSMENT induction/induction-dose/1/PHQ9 was due by 2026-01-05T16:20:00Z",
        "overdue: ASSESSMENT induction/induction-dose/1/CSSRS_SCREENER was due by 2026-01-05T16:20:00Z");
    // The REMS form is due within 7 days of the session's end (16:20 New York time + 7 d).
    assertThat(out).contains("due: INTEGRATION_STEP induction/induction-dose/1/rems-pmf-induction by 2026-01-12T16:20:00Z");
    assertThat(out).doesNotContain("sample-patient-0001");
    assertThat(view.phaseId()).isEqualTo("induction");
    assertThat(view.overdue()).extracting(CourseView.DueItem::id).containsExactly(
        "induction/induction-dose/1/PHQ9", "induction/induction-dose/1/CSSRS_SCREENER");
  }
}
