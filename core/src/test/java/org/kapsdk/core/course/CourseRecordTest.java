package org.kapsdk.core.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;
import static org.kapsdk.core.course.CourseFixtures.COURSE;
import static org.kapsdk.core.course.CourseFixtures.DOSE_1;
import static org.kapsdk.core.course.CourseFixtures.DOSE_2;
import static org.kapsdk.core.course.CourseFixtures.PATIENT;
import static org.kapsdk.core.course.CourseFixtures.RULES;
import static org.kapsdk.core.course.CourseFixtures.SCREEN;
import static org.kapsdk.core.course.CourseFixtures.T0;
import static org.kapsdk.core.course.CourseFixtures.appendAll;
import static org.kapsdk.core.course.CourseFixtures.assertRejected;
import static org.kapsdk.core.course.CourseFixtures.completed;
import static org.kapsdk.core.course.CourseFixtures.dose;
import static org.kapsdk.core.course.CourseFixtures.preDose;
import static org.kapsdk.core.course.CourseFixtures.readyToDose;
import static org.kapsdk.core.course.CourseFixtures.scheduled;
import static org.kapsdk.core.course.CourseFixtures.scheduledCourse;
import static org.kapsdk.core.course.CourseFixtures.sessionStarted;
import static org.kapsdk.core.course.CourseFixtures.started;
import static org.kapsdk.core.course.CourseFixtures.startedBuilder;
import static org.kapsdk.core.course.CourseFixtures.t;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kapsdk.core.gate.VerdictOutcome;
import org.kapsdk.core.validation.ValidationException;

/**
 * The course record's life cycle: versions, stale appends, refusal leaving the record unchanged,
 * validation of a whole list, and the checks on course-level events (start, pause, resume,
 * discontinue, phase change, times). Session, dose and other event checks are in
 * {@link SessionValidationTest}, {@link DoseValidationTest} and {@link RecordingValidationTest}.
 */
class CourseRecordTest {

  /* --------------------------------------------------------------- versions */

  @Test
  void empty_hasVersionZeroAndNoEvents() {
    CourseRecord r = CourseRecord.empty(COURSE);

    assertThat(r.version()).isZero();
    assertThat(r.events()).isEmpty();
    assertThat(r.courseId()).isEqualTo(COURSE);
    assertThat(r.state(RULES).status()).isEqualTo(CourseStatus.NOT_STARTED);
  }

  @Test
  void empty_blankId_isRefused() {
    assertThatThrownBy(() -> CourseRecord.empty(" "))
        .isInstanceOf(ValidationException.class)
        .hasMessage("courseId: must not be blank");
  }

  @Test
  void append_acceptedEvent_returnsNewRecordOneVersionLater() {
    CourseRecord before = CourseRecord.empty(COURSE);

    CourseRecord after = before.append(0, started(), RULES);

    assertThat(after.version()).isEqualTo(1);
    assertThat(after.events()).containsExactly(started());
    assertThat(before.version()).isZero();
    assertThat(before.events()).isEmpty();
  }

  @Test
  void append_staleExpectedVersion_throwsWithBothVersions() {
    CourseRecord r = scheduledCourse();

    Throwable thrown = catchThrowable(() -> r.append(3, scheduled(DOSE_2, "dose", t("5 d")), RULES));

    assertThat(thrown).isInstanceOf(StaleVersionException.class)
        .hasMessage("stale course version: expected version 3, but the course is at version 5; reload it and decide again");
    assertThat(((StaleVersionException) thrown).expectedVersion()).isEqualTo(3);
    assertThat(((StaleVersionException) thrown).actualVersion()).isEqualTo(5);
  }

  @Test
  void append_aheadOfRecord_isStaleToo() {
    CourseRecord r = scheduledCourse();

    assertThatThrownBy(() -> r.append(6, scheduled(DOSE_2, "dose", t("5 d")), RULES))
        .isInstanceOf(StaleVersionException.class)
        .hasMessageContaining("expected version 6, but the course is at version 5");
  }

  @Test
  void append_rejectedEvent_changesNothing() {
    CourseRecord r = readyToDose();
    CourseState before = r.state(RULES);
    List<CourseEvent> events = new ArrayList<>(r.events());

    assertRejected(() -> r.append(r.version(), dose(DOSE_1, "112 mg", t("2 d", "10 min")), RULES)).isNotEmpty();

    assertThat(r.version()).isEqualTo(events.size());
    assertThat(r.events()).isEqualTo(events);
    assertThat(r.state(RULES)).isEqualTo(before);
    assertThat(r.append(r.version(), dose(DOSE_1, "28 mg", t("2 d", "10 min")), RULES).version()).isEqualTo(events.size() + 1);
  }

  @Test
  void rejection_carriesTypeAndNoIndex_forASingleAppend() {
    CourseRecord r = CourseRecord.empty(COURSE);

    EventRejectedException e = (EventRejectedException) catchThrowable(
        () -> r.append(0, scheduled(SCREEN, "screen", T0), RULES));

    assertThat(e.eventType()).isEqualTo("sessionScheduled");
    assertThat(e.index()).isEmpty();
    assertThat(e).isInstanceOf(ValidationException.class);
  }

  @Test
  void state_isCachedPerRules_andEqualsReplay() {
    CourseRecord r = CourseFixtures.dosedAndCompleted();

    assertThat(r.state(RULES)).isSameAs(r.state(RULES));
    assertThat(r.state(RULES)).isEqualTo(CourseState.replay(RULES, r.events()));
  }

  @Test
  void equality_isByIdAndEvents() {
    CourseRecord a = scheduledCourse();
    CourseRecord b = CourseRecord.unvalidated(COURSE, a.events());

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(CourseRecord.unvalidated("other", a.events()));
    assertThat(a.toString()).isEqualTo("CourseRecord[course-0001, version 5]").doesNotContain(PATIENT);
  }

  /* --------------------------------------------------------------- validated */

  @Test
  void validated_acceptsAValidList_andEqualsAppendingOneByOne() {
    CourseRecord appended = CourseFixtures.dosedAndCompleted();

    CourseRecord validated = CourseRecord.validated(RULES, COURSE, appended.events());

    assertThat(validated).isEqualTo(appended);
    assertThat(validated.state(RULES)).isEqualTo(appended.state(RULES));
  }

  @Test
  void validated_reportsTheFirstRejectionUnderItsIndex() {
    List<CourseEvent> events = new ArrayList<>(readyToDose().events());
    events.add(dose(DOSE_1, "28 mg", t("2 d", "10 min")));
    events.add(dose(DOSE_1, "0.5 mg/kg", t("2 d", "15 min")));
    events.add(sessionStarted("nowhere", t("3 d")));

    Throwable thrown = catchThrowable(() -> CourseRecord.validated(RULES, COURSE, events));

    assertThat(thrown).isInstanceOf(EventRejectedException.class)
        .hasMessage("events[8].amount: must be a mass in mg, not in mg/kg");
    assertThat(((EventRejectedException) thrown).index()).contains(8);
    assertThat(((EventRejectedException) thrown).eventType()).isEqualTo("doseAdministered");
  }

  /* --------------------------------------------------------------- course started */

  @Test
  void firstEvent_mustBeCourseStarted() {
    assertRejected(() -> CourseRecord.empty(COURSE).append(0, scheduled(SCREEN, "screen", T0), RULES))
        .containsExactly(tuple("type", "the first event of a course must be courseStarted, not sessionScheduled"));
  }

  @Test
  void courseStarted_isRecordedOnce() {
    CourseRecord r = scheduledCourse();

    assertRejected(() -> r.append(r.version(), startedBuilder().at(t("1 d")).build(), RULES))
        .containsExactly(tuple("type", "the course has already started; courseStarted is recorded once"));
  }

  @Test
  void courseStarted_mustCarryTheRecordsCourseId() {
    assertRejected(() -> CourseRecord.empty("course-0002").append(0, started(), RULES))
        .containsExactly(tuple("courseId", "must be the record's course id 'course-0002'"));
  }

  @Test
  void courseStarted_templateIdMustMatchTheRules() {
    assertRejected(() -> CourseRecord.empty(COURSE).append(0, startedBuilder().templateId("other").build(), RULES))
        .containsExactly(tuple("templateId", "names template 'other', but the rules are compiled from 'course-test'"));
  }

  @Test
  void courseStarted_templateVersionMustMatchTheRules() {
    assertRejected(() -> CourseRecord.empty(COURSE).append(0, startedBuilder().templateVersion("2.0.0").build(), RULES))
        .containsExactly(tuple("templateVersion",
            "names version 2.0.0, but the rules are compiled from version 1.0.0 of 'course-test'"));
  }

  @Test
  void laterEvents_withRulesOfAnotherTemplateVersion_areRefused() {
    CourseRules other = CourseRules.compile(
        org.kapsdk.core.model.ProtocolTemplate.builder().from(CourseFixtures.TEMPLATE).version("1.1.0").build());
    CourseRecord r = scheduledCourse();

    assertRejected(() -> r.append(r.version(), scheduled(DOSE_2, "dose", t("5 d")), other))
        .containsExactly(tuple("type", "the course runs template 'course-test' 1.0.0, but the rules are compiled from 'course-test' 1.1.0"));
  }

  /* --------------------------------------------------------------- times */

  @Test
  void event_beforeTheCourseStarted_isRefused() {
    CourseRecord r = CourseRecord.empty(COURSE).append(0, started(), RULES);

    assertRejected(() -> r.append(1, SessionScheduled.builder().from(scheduled(SCREEN, "screen", T0)).at(T0.minusSeconds(1)).build(), RULES))
        .containsExactly(tuple("at", "lies before the course started (2026-01-05T14:00:00Z)"));
  }

  /* --------------------------------------------------------------- pause, resume, discontinue */

  @Test
  void pause_thenResume_changesStatus() {
    CourseRecord r = appendAll(scheduledCourse(), RULES,
        CoursePaused.builder().at(t("1 d")).reason("patient-request").build());
    assertThat(r.state(RULES).status()).isEqualTo(CourseStatus.PAUSED);
    assertThat(r.state(RULES).statusReason()).contains("patient-request");

    r = appendAll(r, RULES, CourseResumed.builder().at(t("2 d")).build());

    assertThat(r.state(RULES).status()).isEqualTo(CourseStatus.ACTIVE);
    assertThat(r.state(RULES).statusReason()).isEmpty();
  }

  @Test
  void pause_whenAlreadyPaused_isRefused() {
    CourseRecord r = appendAll(scheduledCourse(), RULES, CoursePaused.builder().at(t("1 d")).reason("hold").build());

    assertRejected(() -> r.append(r.version(), CoursePaused.builder().at(t("1 d")).reason("again").build(), RULES))
        .containsExactly(tuple("type", "the course is already paused"));
  }

  @Test
  void resume_whenNotPaused_isRefused() {
    CourseRecord r = scheduledCourse();

    assertRejected(() -> r.append(r.version(), CourseResumed.builder().at(t("1 d")).build(), RULES))
        .containsExactly(tuple("type", "the course is not paused; only a paused course can be resumed"));
  }

  @Test
  void sessionStart_whilePaused_isRefused() {
    CourseRecord r = appendAll(scheduledCourse(), RULES, CoursePaused.builder().at(t("1 d")).reason("hold").build());

    assertRejected(() -> r.append(r.version(), sessionStarted(DOSE_1, t("2 d")), RULES))
        .containsExactly(tuple("type", "the course is paused; resume it before starting a session"));
  }

  @Test
  void dose_whilePaused_isRefused() {
    CourseRecord r = appendAll(readyToDose(), RULES, CoursePaused.builder().at(t("2 d", "6 min")).reason("hold").build());

    assertRejected(() -> r.append(r.version(), dose(DOSE_1, "28 mg", t("2 d", "10 min")), RULES))
        .containsExactly(tuple("type", "the course is paused; no dose may be given until it is resumed"));
  }

  @Test
  void completingASession_whilePaused_isAllowed() {
    CourseRecord r = appendAll(readyToDose(), RULES, CoursePaused.builder().at(t("2 d", "6 min")).reason("hold").build());

    CourseRecord done = r.append(r.version(), completed(DOSE_1, t("2 d", "1 h")), RULES);

    assertThat(done.state(RULES).session(DOSE_1).orElseThrow().status()).isEqualTo(SessionStatus.COMPLETED);
  }

  @Test
  void nothing_afterDiscontinued() {
    CourseRecord r = appendAll(scheduledCourse(), RULES,
        CourseDiscontinued.builder().at(t("1 d")).reason("adverse-event").build());
    assertThat(r.state(RULES).status()).isEqualTo(CourseStatus.DISCONTINUED);

    assertRejected(() -> r.append(r.version(), CourseResumed.builder().at(t("2 d")).build(), RULES))
        .containsExactly(tuple("type", "the course was discontinued; nothing may be recorded after courseDiscontinued"));
  }

  @Test
  void discontinue_whilePaused_isAllowed() {
    CourseRecord r = appendAll(scheduledCourse(), RULES, CoursePaused.builder().at(t("1 d")).reason("hold").build());

    CourseRecord ended = r.append(r.version(), CourseDiscontinued.builder().at(t("2 d")).reason("withdrew").build(), RULES);

    assertThat(ended.state(RULES).status()).isEqualTo(CourseStatus.DISCONTINUED);
    assertThat(ended.state(RULES).statusReason()).contains("withdrew");
  }

  /* --------------------------------------------------------------- phases */

  @Test
  void phaseChange_toAnExistingOtherPhase_isAccepted() {
    CourseRecord r = appendAll(scheduledCourse(), RULES,
        PhaseChanged.builder().at(t("1 d")).toPhase("maintenance").reason("responder").build());

    assertThat(r.state(RULES).currentPhaseId()).isEqualTo("maintenance");
  }

  @Test
  void phaseChange_toAnUnknownPhase_isRefused() {
    CourseRecord r = scheduledCourse();

    assertRejected(() -> r.append(r.version(),
        PhaseChanged.builder().at(t("1 d")).toPhase("aftercare").reason("x").build(), RULES))
        .containsExactly(tuple("toPhase", "protocol 'course-test' has no phase 'aftercare'"));
  }

  @Test
  void phaseChange_toTheCurrentPhase_isRefused() {
    CourseRecord r = scheduledCourse();

    assertRejected(() -> r.append(r.version(),
        PhaseChanged.builder().at(t("1 d")).toPhase("screening").reason("x").build(), RULES))
        .containsExactly(tuple("toPhase", "the course is already in phase 'screening'"));
  }

  /* --------------------------------------------------------------- patient id */

  @Test
  void patientId_neverAppearsInToStringOrRejections() {
    CourseRecord r = CourseFixtures.dosedAndCompleted();

    assertThat(r.toString()).doesNotContain(PATIENT);
    assertThat(r.state(RULES).toString()).doesNotContain(PATIENT);
    assertThat(r.events().get(0).toString()).doesNotContain(PATIENT).contains("patientId=***");
    r.state(RULES).sessions().values().forEach(s -> assertThat(s.toString()).doesNotContain(PATIENT));
    Throwable thrown = catchThrowable(() -> r.append(r.version(), started(), RULES));
    assertThat(thrown.getMessage()).doesNotContain(PATIENT);
  }

  @Test
  void twoAppends_onTheSameVersion_secondIsStale() {
    CourseRecord r = readyToDose();
    CourseRecord first = r.append(r.version(), preDose(DOSE_1, t("2 d", "6 min"), VerdictOutcome.PROCEED), RULES);

    assertThatThrownBy(() -> first.append(r.version(), dose(DOSE_1, "28 mg", t("2 d", "10 min")), RULES))
        .isInstanceOf(StaleVersionException.class);
  }
}
