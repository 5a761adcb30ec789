package org.kapsdk.core.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kapsdk.core.course.CourseFixtures.COURSE;
import static org.kapsdk.core.course.CourseFixtures.DOSE_1;
import static org.kapsdk.core.course.CourseFixtures.DOSE_2;
import static org.kapsdk.core.course.CourseFixtures.PATIENT;
import static org.kapsdk.core.course.CourseFixtures.RULES;
import static org.kapsdk.core.course.CourseFixtures.SCREEN;
import static org.kapsdk.core.course.CourseFixtures.T0;
import static org.kapsdk.core.course.CourseFixtures.appendAll;
import static org.kapsdk.core.course.CourseFixtures.completed;
import static org.kapsdk.core.course.CourseFixtures.dose;
import static org.kapsdk.core.course.CourseFixtures.dosedAndCompleted;
import static org.kapsdk.core.course.CourseFixtures.override;
import static org.kapsdk.core.course.CourseFixtures.overrideRecorded;
import static org.kapsdk.core.course.CourseFixtures.phq9;
import static org.kapsdk.core.course.CourseFixtures.preDose;
import static org.kapsdk.core.course.CourseFixtures.q;
import static org.kapsdk.core.course.CourseFixtures.readyToDose;
import static org.kapsdk.core.course.CourseFixtures.scheduled;
import static org.kapsdk.core.course.CourseFixtures.scheduledCourse;
import static org.kapsdk.core.course.CourseFixtures.sessionStarted;
import static org.kapsdk.core.course.CourseFixtures.started;
import static org.kapsdk.core.course.CourseFixtures.systolic;
import static org.kapsdk.core.course.CourseFixtures.t;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kapsdk.core.facts.Attestation;
import org.kapsdk.core.facts.PatientFacts;
import org.kapsdk.core.facts.SessionRecord;
import org.kapsdk.core.gate.GateRequest;
import org.kapsdk.core.gate.Verdict;
import org.kapsdk.core.gate.VerdictOutcome;
import org.kapsdk.core.model.Gate;
import org.kapsdk.core.model.LimitPeriod;
import org.kapsdk.core.validation.ValidationException;

/** The fold: what events add up to, and that replay and apply agree. */
class CourseStateTest {

  @Test
  void initial_isNotStartedInTheFirstPhase() {
    CourseState s = CourseState.initial(RULES);

    assertThat(s.status()).isEqualTo(CourseStatus.NOT_STARTED);
    assertThat(s.courseId()).isEmpty();
    assertThat(s.started()).isEmpty();
    assertThat(s.currentPhaseId()).isEqualTo("screening");
    assertThat(s.eventCount()).isZero();
    assertThat(s).isEqualTo(CourseState.replay(RULES, List.of()));
  }

  @Test
  void replay_equalsApplyingOneByOne() {
    List<CourseEvent> events = dosedAndCompleted().events();
    CourseState folded = CourseState.initial(RULES);
    for (CourseEvent e : events) {
      folded = folded.apply(e);
    }

    CourseState replayed = CourseState.replay(RULES, events);

    assertThat(replayed).isEqualTo(folded).hasSameHashCodeAs(folded);
    assertThat(replayed.eventCount()).isEqualTo(events.size());
  }

  @Test
  void apply_leavesTheOriginalStateUnchanged() {
    CourseState before = scheduledCourse().state(RULES);
    CourseState copy = CourseState.replay(RULES, scheduledCourse().events());

    CourseState after = before.apply(sessionStarted(DOSE_1, t("2 d")));

    assertThat(before).isEqualTo(copy);
    assertThat(before.session(DOSE_1).orElseThrow().status()).isEqualTo(SessionStatus.SCHEDULED);
    assertThat(after.session(DOSE_1).orElseThrow().status()).isEqualTo(SessionStatus.STARTED);
  }

  @Test
  void started_exposesIdAndCalendar() {
    CourseState s = scheduledCourse().state(RULES);

    assertThat(s.courseId()).contains(COURSE);
    assertThat(s.status()).isEqualTo(CourseStatus.ACTIVE);
    assertThat(s.started().orElseThrow().zone().getId()).isEqualTo("America/New_York");
    assertThat(s.toString()).isEqualTo("CourseState[course-0001 ACTIVE, phase screening, 2 sessions, 5 events]");
  }

  @Test
  void sessions_keepTheOrderTheyWereScheduledIn() {
    CourseRecord r = appendAll(scheduledCourse(), RULES, scheduled("induction/review/1", "review", t("20 d")),
        scheduled(DOSE_2, "dose", t("4 d")));

    assertThat(r.state(RULES).sessions().keySet()).containsExactly(SCREEN, DOSE_1, "induction/review/1", DOSE_2);
  }

  /* --------------------------------------------------------------- current phase */

  @Test
  void currentPhase_isThePhaseOfTheLatestStartedSession() {
    assertThat(scheduledCourse().state(RULES).currentPhaseId()).isEqualTo("screening");
    assertThat(readyToDose().state(RULES).currentPhaseId()).isEqualTo("induction");
  }

  @Test
  void currentPhase_followsStartTimes_notRecordOrder() {
    CourseRecord r = appendAll(CourseRecord.empty(COURSE), RULES, started(),
        scheduled(DOSE_1, "dose", t("2 d")), scheduled(SCREEN, "screen", t("1 d")),
        sessionStarted(DOSE_1, t("2 d")), sessionStarted(SCREEN, t("1 d")));

    assertThat(r.state(RULES).currentPhaseId()).isEqualTo("induction");
  }

  @Test
  void currentPhase_isTheLastPhaseChange_evenWhenSessionsStartLater() {
    CourseRecord r = appendAll(scheduledCourse(), RULES,
        PhaseChanged.builder().at(t("1 d")).toPhase("maintenance").reason("responder").build(),
        sessionStarted(DOSE_1, t("2 d")));

    assertThat(r.state(RULES).currentPhaseId()).isEqualTo("maintenance");
    assertThat(r.state(RULES).phaseChanges()).hasSize(1);
  }

  /* --------------------------------------------------------------- sessions and doses */

  @Test
  void sessionState_recordsTimesDosesChecksAndMonitoredMinutes() {
    SessionState s = dosedAndCompleted().state(RULES).session(DOSE_1).orElseThrow();

    assertThat(s.status()).isEqualTo(SessionStatus.COMPLETED);
    assertThat(s.startedAt()).contains(t("2 d"));
    assertThat(s.completedAt()).contains(t("2 d", "2 h", "20 min"));
    assertThat(s.administrations()).extracting(DoseAdministered::amount).containsExactly(q("28 mg"), q("28 mg"));
    assertThat(s.totalDose()).isEqualTo(q("56 mg"));
    assertThat(s.firstAdministrationAt()).contains(t("2 d", "10 min"));
    assertThat(s.preDoseChecks()).extracting(GateChecked::outcome).containsExactly(VerdictOutcome.PROCEED);
    assertThat(s.monitoredMinutes()).contains(130L);
  }

  @Test
  void monitoredMinutes_preferTheEndOfMonitoring() {
    CourseRecord r = appendAll(readyToDose(), RULES, dose(DOSE_1, "28 mg", t("2 d", "10 min")),
        SessionCompleted.builder().at(t("2 d", "3 h")).sessionId(DOSE_1).monitoringEndedAt(t("2 d", "2 h", "15 min")).build());

    assertThat(r.state(RULES).session(DOSE_1).orElseThrow().monitoredMinutes()).contains(125L);
  }

  @Test
  void monitoredMinutes_areUnknownWithoutADoseOrAnEnd() {
    assertThat(readyToDose().state(RULES).session(DOSE_1).orElseThrow().monitoredMinutes()).isEmpty();
    CourseRecord dosedNotDone = appendAll(readyToDose(), RULES, dose(DOSE_1, "28 mg", t("2 d", "10 min")));
    assertThat(dosedNotDone.state(RULES).session(DOSE_1).orElseThrow().monitoredMinutes()).isEmpty();
    assertThat(scheduledCourse().state(RULES).session(SCREEN).orElseThrow().monitoredMinutes()).isEmpty();
  }

  @Test
  void totalDose_ofASessionWithoutDoses_isZeroMg() {
    assertThat(scheduledCourse().state(RULES).session(SCREEN).orElseThrow().totalDose()).isEqualTo(q("0 mg"));
  }

  @Test
  void overridesAndChecks_areListedForTheirSession() {
    CourseRecord r = appendAll(readyToDose(), RULES,
        overrideRecorded(override("DISCHARGE-2H", t("2 d", "1 h")).session(DOSE_1).build()),
        overrideRecorded(override("AGE-WARN", t("2 d", "1 h")).build()));
    CourseState s = r.state(RULES);

    assertThat(s.overrides()).extracting(o -> o.ruleId()).containsExactly("DISCHARGE-2H", "AGE-WARN");
    assertThat(s.session(DOSE_1).orElseThrow().overrides()).extracting(o -> o.ruleId()).containsExactly("DISCHARGE-2H");
    assertThat(s.gateChecks()).hasSize(1);
  }

  /* --------------------------------------------------------------- cumulative dose */

  @Test
  void cumulativeDose_usesTheGatesWindows() {
    CourseState s = dosedAndCompleted().state(RULES);
    // Doses: 28 mg at +2d10m and 28 mg at +2d15m.

    assertThat(s.cumulativeDose(LimitPeriod.COURSE, t("30 d"))).isEqualTo(q("56 mg"));
    assertThat(s.cumulativeDose(LimitPeriod.DAY, t("3 d", "10 min"))).isEqualTo(q("56 mg"));
    assertThat(s.cumulativeDose(LimitPeriod.DAY, t("3 d", "10 min", "1 s"))).isEqualTo(q("28 mg"));
    assertThat(s.cumulativeDose(LimitPeriod.DAY, t("3 d", "15 min", "1 s"))).isEqualTo(q("0 mg"));
    assertThat(s.cumulativeDose(LimitPeriod.WEEK, t("9 d", "10 min"))).isEqualTo(q("56 mg"));
    assertThat(s.cumulativeDose(LimitPeriod.WEEK, t("9 d", "12 min"))).isEqualTo(q("28 mg"));
  }

  @Test
  void cumulativeDose_neverCountsADoseAfterTheInstant() {
    CourseState s = dosedAndCompleted().state(RULES);

    assertThat(s.cumulativeDose(LimitPeriod.COURSE, t("2 d", "12 min"))).isEqualTo(q("28 mg"));
    assertThat(s.cumulativeDose(LimitPeriod.COURSE, t("2 d", "10 min"))).isEqualTo(q("28 mg"));
    assertThat(s.cumulativeDose(LimitPeriod.COURSE, t("2 d"))).isEqualTo(q("0 mg"));
  }

  @Test
  void cumulativeDose_forSession_isRefused() {
    CourseState s = dosedAndCompleted().state(RULES);

    assertThatThrownBy(() -> s.cumulativeDose(LimitPeriod.SESSION, t("3 d")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("SESSION has no course-wide total; use SessionState.totalDose()");
  }

  /* --------------------------------------------------------------- facts for the gate */

  @Test
  void facts_holdStartedSessionsReadingsAndAssessments() {
    CourseRecord r = appendAll(dosedAndCompleted(), RULES, systolic("126 mmHg", t("2 d", "40 min"), DOSE_1),
        phq9(t("2 d", "3 h"), 1, 1, 1, 1, 1, 1, 1, 1, 0), scheduled(DOSE_2, "dose", t("5 d")));

    PatientFacts facts = r.state(RULES).facts(PATIENT);

    assertThat(facts.patientId()).isEqualTo(PATIENT);
    assertThat(facts.sessions()).extracting(SessionRecord::id).containsExactly(SCREEN, DOSE_1);
    SessionRecord dose = facts.session(DOSE_1).orElseThrow();
    assertThat(dose.template()).isEqualTo("dose");
    assertThat(dose.start()).isEqualTo(t("2 d"));
    assertThat(dose.end()).contains(t("2 d", "2 h", "20 min"));
    assertThat(dose.administrations()).hasSize(2);
    assertThat(facts.observations()).hasSize(1);
    assertThat(facts.assessments()).hasSize(1);
    assertThat(facts.ageYears()).isEmpty();
  }

  @Test
  void facts_mergeIntoTheHostsOwnFacts() {
    PatientFacts base = PatientFacts.builder().patientId(PATIENT).ageYears(42)
        .addAttestation(Attestation.builder().key("transport-arranged").recordedAt(T0).build()).build();

    PatientFacts facts = dosedAndCompleted().state(RULES).facts(base);

    assertThat(facts.ageYears()).contains(42);
    assertThat(facts.attestations()).hasSize(1);
    assertThat(facts.sessions()).hasSize(2);
  }

  @Test
  void facts_letAHostAskTheGateAboutTheCourse() {
    CourseRecord r = appendAll(readyToDose(), RULES, dose(DOSE_1, "28 mg", t("2 d", "10 min")),
        dose(DOSE_1, "28 mg", t("2 d", "15 min")));
    PatientFacts facts = r.state(RULES).facts(PATIENT);

    Verdict discharge = RULES.gate().evaluate(GateRequest.builder().gate(Gate.DISCHARGE).at(t("2 d", "1 h"))
        .facts(facts).session(DOSE_1).build());

    assertThat(discharge.finding("DISCHARGE-2H").orElseThrow().outcome().name()).isEqualTo("FAIL");
    assertThat(discharge.outcome()).isEqualTo(VerdictOutcome.BLOCKED);
  }

  @Test
  void facts_withABlankPatientId_areRefused() {
    CourseState s = scheduledCourse().state(RULES);

    assertThatThrownBy(() -> s.facts(" ")).isInstanceOf(ValidationException.class)
        .hasMessage("patientId: must not be blank");
  }

  /* --------------------------------------------------------------- replay without validation */

  @Test
  void replay_ofUncheckedEvents_foldsWhatMakesSense() {
    List<CourseEvent> events = List.of(
        started(),
        scheduled(DOSE_1, "dose", t("2 d")),
        scheduled(DOSE_1, "review", t("3 d")),
        scheduled("x/unknown/1", "no-such-template", t("3 d")),
        sessionStarted("never-scheduled", t("2 d")),
        dose("never-scheduled", "28 mg", t("2 d")),
        dose(DOSE_1, "1 mg/kg", t("2 d")),
        preDose("never-scheduled", t("2 d"), VerdictOutcome.PROCEED));

    CourseState s = CourseState.replay(RULES, events);

    assertThat(s.sessions().keySet()).containsExactly(DOSE_1);
    assertThat(s.session(DOSE_1).orElseThrow().templateId()).isEqualTo("dose");
    assertThat(s.session(DOSE_1).orElseThrow().totalDose()).isEqualTo(q("0 mg"));
    assertThat(s.administrations()).hasSize(2);
    assertThat(s.cumulativeDose(LimitPeriod.COURSE, t("3 d"))).isEqualTo(q("28 mg"));
    assertThat(s.gateChecks()).hasSize(1);
    assertThat(s.eventCount()).isEqualTo(8);
  }

  @Test
  void equality_dependsOnEveryEvent() {
    CourseState a = dosedAndCompleted().state(RULES);
    CourseState b = a.apply(completed(SCREEN, t("9 d")));

    assertThat(a).isNotEqualTo(b);
    assertThat(a).isNotEqualTo(a.apply(CoursePaused.builder().at(t("9 d")).reason("hold").build()));
  }
}
