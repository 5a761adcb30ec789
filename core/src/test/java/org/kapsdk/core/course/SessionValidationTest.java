package org.kapsdk.core.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.kapsdk.core.course.CourseFixtures.DOSE_1;
import static org.kapsdk.core.course.CourseFixtures.DOSE_2;
import static org.kapsdk.core.course.CourseFixtures.RULES;
import static org.kapsdk.core.course.CourseFixtures.SCREEN;
import static org.kapsdk.core.course.CourseFixtures.appendAll;
import static org.kapsdk.core.course.CourseFixtures.assertRejected;
import static org.kapsdk.core.course.CourseFixtures.completed;
import static org.kapsdk.core.course.CourseFixtures.readyToDose;
import static org.kapsdk.core.course.CourseFixtures.scheduled;
import static org.kapsdk.core.course.CourseFixtures.scheduledCourse;
import static org.kapsdk.core.course.CourseFixtures.sessionStarted;
import static org.kapsdk.core.course.CourseFixtures.t;

import org.junit.jupiter.api.Test;

/** Scheduling, starting, completing, missing and cancelling sessions. */
class SessionValidationTest {

  private static SessionMissed missed(String id) {
    return SessionMissed.builder().at(t("2 d", "1 h")).sessionId(id).reason("no-show").build();
  }

  private static SessionCancelled cancelled(String id) {
    return SessionCancelled.builder().at(t("1 d")).sessionId(id).reason("clinic-closed").build();
  }

  /* --------------------------------------------------------------- scheduling */

  @Test
  void schedule_aSecondSessionWithTheSameId_isRefused() {
    CourseRecord r = scheduledCourse();

    assertRejected(() -> r.append(r.version(), scheduled(DOSE_1, "dose", t("4 d")), RULES))
        .containsExactly(tuple("sessionId", "session 'induction/dose/1' is already scheduled; session ids are unique within a course"));
  }

  @Test
  void schedule_anUnknownSessionTemplate_isRefused() {
    CourseRecord r = scheduledCourse();

    assertRejected(() -> r.append(r.version(), scheduled(DOSE_2, "booster", t("4 d")), RULES))
        .containsExactly(tuple("template", "protocol 'course-test' has no session template 'booster'"));
  }

  @Test
  void schedule_recordsTemplatePhaseAndPlanItem() {
    SessionState s = scheduledCourse().state(RULES).session(DOSE_1).orElseThrow();

    assertThat(s.templateId()).isEqualTo("dose");
    assertThat(s.phaseId()).isEqualTo("induction");
    assertThat(s.scheduledFor()).isEqualTo(t("2 d"));
    assertThat(s.planItemId()).contains(DOSE_1);
    assertThat(s.status()).isEqualTo(SessionStatus.SCHEDULED);
  }

  /* --------------------------------------------------------------- starting */

  @Test
  void start_anUnscheduledSession_isRefused() {
    CourseRecord r = scheduledCourse();

    assertRejected(() -> r.append(r.version(), sessionStarted(DOSE_2, t("2 d")), RULES))
        .containsExactly(tuple("sessionId", "session 'induction/dose/2' is not scheduled in this course"));
  }

  @Test
  void start_aMissedSession_isRefused() {
    CourseRecord r = appendAll(scheduledCourse(), RULES, missed(DOSE_1));

    assertRejected(() -> r.append(r.version(), sessionStarted(DOSE_1, t("2 d", "2 h")), RULES))
        .containsExactly(tuple("sessionId", "only a scheduled session can start; session 'induction/dose/1' was recorded as missed"));
  }

  @Test
  void start_aCancelledSession_isRefused() {
    CourseRecord r = appendAll(scheduledCourse(), RULES, cancelled(DOSE_1));

    assertRejected(() -> r.append(r.version(), sessionStarted(DOSE_1, t("2 d")), RULES))
        .containsExactly(tuple("sessionId", "only a scheduled session can start; session 'induction/dose/1' was cancelled"));
  }

  @Test
  void start_aStartedSession_isRefused() {
    CourseRecord r = readyToDose();

    assertRejected(() -> r.append(r.version(), sessionStarted(DOSE_1, t("2 d", "1 h")), RULES))
        .containsExactly(tuple("sessionId", "only a scheduled session can start; session 'induction/dose/1' has already started"));
  }

  @Test
  void start_aCompletedSession_isRefused() {
    CourseRecord r = scheduledCourse();

    assertRejected(() -> r.append(r.version(), sessionStarted(SCREEN, t("3 h")), RULES))
        .containsExactly(tuple("sessionId", "only a scheduled session can start; session 'screening/screen/1' has already been completed"));
  }

  /* --------------------------------------------------------------- completing */

  @Test
  void complete_aSessionThatHasNotStarted_isRefused() {
    CourseRecord r = scheduledCourse();

    assertRejected(() -> r.append(r.version(), completed(DOSE_1, t("2 d", "2 h")), RULES))
        .containsExactly(tuple("sessionId", "only a started session can be completed; session 'induction/dose/1' has not started"));
  }

  @Test
  void complete_twice_isRefused() {
    CourseRecord r = scheduledCourse();

    assertRejected(() -> r.append(r.version(), completed(SCREEN, t("3 h")), RULES))
        .containsExactly(tuple("sessionId", "only a started session can be completed; session 'screening/screen/1' has already been completed"));
  }

  @Test
  void complete_beforeTheStart_isRefused() {
    CourseRecord r = readyToDose();

    assertRejected(() -> r.append(r.version(), completed(DOSE_1, t("1 d", "23 h")), RULES))
        .containsExactly(tuple("at", "lies before the session started (2026-01-07T14:00:00Z)"));
  }

  @Test
  void complete_withMonitoringEndingAfterCompletion_isRefused() {
    CourseRecord r = readyToDose();
    SessionCompleted event = SessionCompleted.builder().at(t("2 d", "2 h")).sessionId(DOSE_1)
        .monitoringEndedAt(t("2 d", "3 h")).build();

    assertRejected(() -> r.append(r.version(), event, RULES))
        .containsExactly(tuple("monitoringEndedAt", "lies after the session was completed (2026-01-07T16:00:00Z)"));
  }

  @Test
  void complete_withMonitoringEndingBeforeTheStart_isRefused() {
    CourseRecord r = readyToDose();
    SessionCompleted event = SessionCompleted.builder().at(t("2 d", "2 h")).sessionId(DOSE_1)
        .monitoringEndedAt(t("1 d")).build();

    assertRejected(() -> r.append(r.version(), event, RULES))
        .containsExactly(tuple("monitoringEndedAt", "lies before the session started (2026-01-07T14:00:00Z)"));
  }

  /* --------------------------------------------------------------- missed, cancelled */

  @Test
  void miss_aScheduledSession_isAccepted() {
    CourseRecord r = appendAll(scheduledCourse(), RULES, missed(DOSE_1));

    SessionState s = r.state(RULES).session(DOSE_1).orElseThrow();
    assertThat(s.status()).isEqualTo(SessionStatus.MISSED);
    assertThat(s.missedReason()).contains("no-show");
    assertThat(s.missedAt()).contains(t("2 d", "1 h"));
  }

  @Test
  void miss_aStartedSession_isRefused() {
    CourseRecord r = readyToDose();

    assertRejected(() -> r.append(r.version(), missed(DOSE_1), RULES))
        .containsExactly(tuple("sessionId",
            "only a scheduled session that has not started can be missed; session 'induction/dose/1' has already started"));
  }

  @Test
  void miss_anUnscheduledSession_isRefused() {
    CourseRecord r = scheduledCourse();

    assertRejected(() -> r.append(r.version(), missed(DOSE_2), RULES))
        .containsExactly(tuple("sessionId", "session 'induction/dose/2' is not scheduled in this course"));
  }

  @Test
  void cancel_aScheduledSession_isAccepted() {
    CourseRecord r = appendAll(scheduledCourse(), RULES, cancelled(DOSE_1));

    SessionState s = r.state(RULES).session(DOSE_1).orElseThrow();
    assertThat(s.status()).isEqualTo(SessionStatus.CANCELLED);
    assertThat(s.cancelledReason()).contains("clinic-closed");
  }

  @Test
  void cancel_aCompletedSession_isRefused() {
    CourseRecord r = scheduledCourse();

    assertRejected(() -> r.append(r.version(), cancelled(SCREEN), RULES))
        .containsExactly(tuple("sessionId",
            "only a scheduled session that has not started can be cancelled; session 'screening/screen/1' has already been completed"));
  }

  @Test
  void cancel_aMissedSession_isRefused() {
    CourseRecord r = appendAll(scheduledCourse(), RULES, missed(DOSE_1));

    assertRejected(() -> r.append(r.version(), cancelled(DOSE_1), RULES))
        .containsExactly(tuple("sessionId",
            "only a scheduled session that has not started can be cancelled; session 'induction/dose/1' was recorded as missed"));
  }
}
