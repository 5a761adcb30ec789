package org.kapsdk.core.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.kapsdk.core.course.CourseRecord;
import org.kapsdk.core.course.CourseRules;
import org.kapsdk.core.course.CourseStarted;
import org.kapsdk.core.course.DoseAdministered;
import org.kapsdk.core.course.GateChecked;
import org.kapsdk.core.course.InMemoryCourseStore;
import org.kapsdk.core.course.ObservationRecorded;
import org.kapsdk.core.course.SessionScheduled;
import org.kapsdk.core.course.SessionStarted;
import org.kapsdk.core.facts.Observation;
import org.kapsdk.core.facts.PatientFacts;
import org.kapsdk.core.gate.Outcome;
import org.kapsdk.core.gate.VerdictOutcome;
import org.kapsdk.core.internal.DurationText;
import org.kapsdk.core.model.Code;
import org.kapsdk.core.model.Codes;
import org.kapsdk.core.model.Comparator;
import org.kapsdk.core.model.DosingSpec;
import org.kapsdk.core.model.Evidence;
import org.kapsdk.core.model.FixedDose;
import org.kapsdk.core.model.Gate;
import org.kapsdk.core.model.GroupSpec;
import org.kapsdk.core.model.ObservationThreshold;
import org.kapsdk.core.model.Phase;
import org.kapsdk.core.model.ProtocolTemplate;
import org.kapsdk.core.model.Quantity;
import org.kapsdk.core.model.Route;
import org.kapsdk.core.model.Rule;
import org.kapsdk.core.model.SessionKind;
import org.kapsdk.core.model.SessionTemplate;
import org.kapsdk.core.model.Severity;
import org.kapsdk.core.model.TemplateStatus;
import org.kapsdk.core.validation.Problem;
import org.kapsdk.core.validation.ValidationException;

/** One group session, many participants, one safety record each. */
class CohortSessionTest {
  private static final Code KETAMINE = Code.of("urn:kapsdk:test:medication", "ketamine", "Ketamine");
  private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  private static final LocalDate DAY = LocalDate.of(2026, 3, 4);
  /** 10:00 in Berlin on DAY. */
  private static final Instant START = Instant.parse("2026-03-04T09:00:00Z");
  private static final String SESSION = "dosing/group-dose/1";

  private static final ProtocolTemplate TEMPLATE = ProtocolTemplate.builder()
      .id("group-test").version("1.0.0").title("Group test").status(TemplateStatus.DRAFT)
      .addIndication(Codes.MAJOR_DEPRESSIVE_DISORDER)
      .addEvidence(Evidence.builder().key("label").citation("Test label").build())
      .addPhase(Phase.builder().id("preparation").title("Preparation")
          .addSession(SessionTemplate.builder().id("prep").kind(SessionKind.PREPARATION).title("Preparation group")
              .group(GroupSpec.builder().maxParticipants(8).build()).build())
          .addSession(SessionTemplate.builder().id("intake").kind(SessionKind.SCREENING).title("Intake").build())
          .build())
      .addPhase(Phase.builder().id("dosing").title("Dosing")
          .addSession(SessionTemplate.builder().id("group-dose").kind(SessionKind.DOSING).title("Group dose").count(3)
              .group(GroupSpec.builder().maxParticipants(3).minParticipants(2).build())
              .dosing(DosingSpec.builder().medication(KETAMINE).route(Route.INTRAMUSCULAR)
                  .dose(FixedDose.builder().amount(q("50 mg")).build()).maxPerSession(q("50 mg")).build())
              .build())
          .build())
      .addRule(rule("BP-BELOW-180", Severity.BLOCK).require(systolic(Comparator.LT, "180 mmHg")).build())
      .addRule(rule("BP-ABOVE-140", Severity.WARN).forbid(systolic(Comparator.GT, "140 mmHg")).build())
      .build();
  private static final CourseRules RULES = CourseRules.compile(TEMPLATE);

  private static Quantity q(String text) {
    return Quantity.parse(text);
  }

  private static Duration d(String text) {
    return DurationText.parse(text);
  }

  private static Rule.Builder rule(String id, Severity severity) {
    return Rule.builder().id(id).severity(severity).gate(Gate.PRE_DOSE).message(id + ": {value}").addEvidence("label");
  }

  private static ObservationThreshold systolic(Comparator comparator, String value) {
    return ObservationThreshold.builder().code(Codes.SYSTOLIC_BP).comparator(comparator).value(q(value)).maxAge(d("1 h")).build();
  }

  private static CourseStarted started(String courseId, String templateId) {
    return CourseStarted.builder().at(START.minus(d("30 d"))).courseId(courseId).patientId("patient-of-" + courseId)
        .templateId(templateId).templateVersion("1.0.0").startDate(DAY.minusDays(30)).zone(ZONE).build();
  }

  /** A started course with the group dose of DAY started at 10:00, and no readings. */
  private static CourseRecord course(String courseId) {
    CourseRecord r = CourseRecord.empty(courseId);
    r = r.append(r.version(), started(courseId, "group-test"), RULES);
    r = r.append(r.version(), SessionScheduled.builder().at(START.minus(d("7 d"))).sessionId(SESSION).template("group-dose")
        .scheduledFor(START).build(), RULES);
    return r.append(r.version(), SessionStarted.builder().at(START).sessionId(SESSION).build(), RULES);
  }

  private static CourseRecord withSystolic(CourseRecord r, String value) {
    Observation o = Observation.builder().code(Codes.SYSTOLIC_BP).value(q(value)).at(START.plus(d("5 min"))).build();
    return r.append(r.version(), ObservationRecorded.builder().at(o.at()).observation(o).sessionId(SESSION).build(), RULES);
  }

  private static PatientFacts facts(String courseId) {
    return PatientFacts.builder().patientId("patient-of-" + courseId).ageYears(40).build();
  }

  private static Participant participant(CourseRecord r) {
    return Participant.of(r, facts(r.courseId())).withPlannedDose(q("50 mg"));
  }

  private static CohortSession cohort(String... roster) {
    return CohortSession.of(RULES, "group-dose", DAY, List.of(roster));
  }

  private static final Instant ASKED = START.plus(d("10 min"));

  /* ------------------------------------------------------------------ roster */

  @Test
  void of_groupSession_holdsItsRosterAndLimits() {
    CohortSession cohort = cohort("c-1", "c-2");

    assertThat(cohort.roster()).containsExactly("c-1", "c-2");
    assertThat(cohort.sessionTemplateId()).isEqualTo("group-dose");
    assertThat(cohort.date()).isEqualTo(DAY);
    assertThat(cohort.maxParticipants()).hasValue(3);
    assertThat(cohort.minParticipants()).hasValue(2);
    assertThat(cohort.belowMinimum()).isFalse();
    assertThat(cohort.withoutParticipant("c-2").belowMinimum()).isTrue();
    assertThat(cohort.withParticipant("c-3").roster()).containsExactly("c-1", "c-2", "c-3");
    assertThat(cohort.roster()).as("immutable").containsExactly("c-1", "c-2");
  }

  @Test
  void of_rosterAboveMaxParticipants_isRefused() {
    assertThatThrownBy(() -> cohort("c-1", "c-2", "c-3", "c-4"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("roster: 4 participants, but group session 'group-dose' holds at most 3 (its group.maxParticipants)");
    assertThatThrownBy(() -> cohort("c-1", "c-2", "c-3").withParticipant("c-4"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("holds at most 3");
  }

  @Test
  void of_duplicateOrBlankParticipant_isRefusedWithEveryProblem() {
    ValidationException e = catchThrowableOfType(ValidationException.class, () -> cohort("c-1", " ", "c-1"));

    assertThat(e.problems()).extracting(Problem::path, Problem::message).containsExactly(
        org.assertj.core.groups.Tuple.tuple("roster[1]", "a course id must not be blank"),
        org.assertj.core.groups.Tuple.tuple("roster[2]",
            "course 'c-1' is already on the roster at roster[0]; a participant holds one place and has one safety record"));
    assertThatThrownBy(() -> cohort("c-1").withParticipant("c-1")).hasMessageContaining("already on the roster");
    assertThatThrownBy(() -> cohort()).hasMessage("roster: a cohort needs at least one participant");
    assertThatThrownBy(() -> cohort("c-1").withoutParticipant("c-9")).hasMessage("roster: course 'c-9' is not on the roster");
  }

  @Test
  void of_sessionThatIsNoGroup_isRefused() {
    assertThatThrownBy(() -> CohortSession.of(RULES, "intake", DAY, List.of("c-1")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("sessionTemplateId: session template 'intake' is not a group session (it has no group block);"
            + " each participant's sessions are their own course's");
    assertThatThrownBy(() -> CohortSession.of(RULES, "nope", DAY, List.of("c-1")))
        .hasMessage("sessionTemplateId: protocol 'group-test' has no session template 'nope'");
    assertThat(CohortSession.of(RULES, "prep", DAY, List.of("c-1")).maxParticipants()).hasValue(8);
  }

  /* ------------------------------------------------------------------ evaluation */

  @Test
  void evaluate_eachParticipantOnTheirOwnReadings_neverMerged() {
    CohortVerdict verdict = cohort("c-1", "c-2", "c-3").evaluate(Gate.PRE_DOSE, ASKED, List.of(
        participant(withSystolic(course("c-1"), "120 mmHg")),
        participant(withSystolic(course("c-2"), "190 mmHg")),
        participant(withSystolic(course("c-3"), "150 mmHg"))));

    assertThat(verdict.participants()).extracting(ParticipantVerdict::courseId, ParticipantVerdict::outcome).containsExactly(
        org.assertj.core.groups.Tuple.tuple("c-1", VerdictOutcome.PROCEED),
        org.assertj.core.groups.Tuple.tuple("c-2", VerdictOutcome.BLOCKED),
        org.assertj.core.groups.Tuple.tuple("c-3", VerdictOutcome.PROCEED_WITH_WARNINGS));
    assertThat(verdict.mayProceed()).containsExactly("c-1", "c-3");
    assertThat(verdict.blocked()).containsExactly("c-2");
    ParticipantVerdict blocked = verdict.participant("c-2").orElseThrow();
    assertThat(blocked.evaluated()).isTrue();
    assertThat(blocked.sessionId()).contains(SESSION);
    assertThat(blocked.verdict().orElseThrow().blockingFindings()).singleElement().satisfies(f -> {
      assertThat(f.ruleId()).isEqualTo("BP-BELOW-180");
      assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
      assertThat(f.message()).contains("190 mmHg");
    });
    assertThat(verdict.participant("c-1").orElseThrow().verdict().orElseThrow().finding("BP-BELOW-180").orElseThrow().message())
        .doesNotContain("190");
    assertThat(verdict.gate()).isEqualTo(Gate.PRE_DOSE);
    assertThat(verdict.at()).isEqualTo(ASKED);
  }

  @Test
  void evaluate_participantWithoutFactsOrReading_isBlockedAlone() {
    CohortVerdict verdict = cohort("c-1", "c-2", "c-3").evaluate(Gate.PRE_DOSE, ASKED, List.of(
        participant(course("c-2")),
        participant(withSystolic(course("c-3"), "120 mmHg"))));

    ParticipantVerdict absent = verdict.participant("c-1").orElseThrow();
    assertThat(absent.evaluated()).isFalse();
    assertThat(absent.outcome()).isEqualTo(VerdictOutcome.BLOCKED);
    assertThat(absent.problems()).extracting(Problem::message)
        .containsExactly("no course record and facts were given for course 'c-1': missing facts never pass");
    ParticipantVerdict noReading = verdict.participant("c-2").orElseThrow();
    assertThat(noReading.outcome()).isEqualTo(VerdictOutcome.BLOCKED);
    assertThat(noReading.verdict().orElseThrow().finding("BP-BELOW-180").orElseThrow().outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(verdict.mayProceed()).containsExactly("c-3");
    assertThat(verdict.blocked()).containsExactly("c-1", "c-2");
  }

  @Test
  void evaluate_participantWithoutPlannedDose_isBlockedByTheDoseCeiling() {
    CohortVerdict verdict = cohort("c-1").evaluate(Gate.PRE_DOSE, ASKED,
        List.of(Participant.of(withSystolic(course("c-1"), "120 mmHg"), facts("c-1"))));

    assertThat(verdict.participant("c-1").orElseThrow().verdict().orElseThrow().blockingFindings())
        .extracting(f -> f.ruleId()).containsExactly("group-dose#maxPerSession");
  }

  @Test
  void evaluate_sessionNotStartedMissingOrOtherTemplate_blocksThatParticipantWithTheReason() {
    CourseRecord notStarted = CourseRecord.empty("c-1");
    notStarted = notStarted.append(0, started("c-1", "group-test"), RULES);
    notStarted = notStarted.append(1, SessionScheduled.builder().at(START.minus(d("7 d"))).sessionId(SESSION)
        .template("group-dose").scheduledFor(START).build(), RULES);
    CourseRecord otherDay = CourseRecord.empty("c-2");
    otherDay = otherDay.append(0, started("c-2", "group-test"), RULES);
    otherDay = otherDay.append(1, SessionScheduled.builder().at(START.minus(d("7 d"))).sessionId(SESSION)
        .template("group-dose").scheduledFor(START.plus(d("1 d"))).build(), RULES);
    CourseRecord otherTemplate = CourseRecord.unvalidated("c-3", List.of(started("c-3", "another-protocol")));

    CohortVerdict verdict = cohort("c-1", "c-2", "c-3").evaluate(Gate.PRE_DOSE, ASKED,
        List.of(participant(notStarted), participant(otherDay), participant(otherTemplate)));

    assertThat(verdict.blocked()).containsExactly("c-1", "c-2", "c-3");
    assertThat(verdict.participants()).allSatisfy(p -> assertThat(p.evaluated()).isFalse());
    assertThat(verdict.participants()).extracting(p -> p.problems().get(0).message()).containsExactly(
        "session 'dosing/group-dose/1' of course 'c-1' has not been started; record its start before asking PRE_DOSE",
        "course 'c-2' has no group-dose session on 2026-03-04 that was not missed or cancelled",
        "course 'c-3' runs template 'another-protocol' 1.0.0, not this cohort's 'group-test' 1.0.0");
  }

  private static CourseRecord then(CourseRecord r, org.kapsdk.core.course.CourseEvent event) {
    return r.append(r.version(), event, RULES);
  }

  private static SessionScheduled scheduled(String sessionId, String template, Instant at) {
    return SessionScheduled.builder().at(START.minus(d("7 d"))).sessionId(sessionId).template(template).scheduledFor(at).build();
  }

  /** A systolic reading of 120 mmHg five minutes after START, taken at this session. */
  private static CourseRecord normalReadingAt(CourseRecord r, String sessionId) {
    Observation o = Observation.builder().code(Codes.SYSTOLIC_BP).value(q("120 mmHg")).at(START.plus(d("5 min"))).build();
    return then(r, ObservationRecorded.builder().at(o.at()).observation(o).sessionId(sessionId).build());
  }

  @Test
  void evaluate_cancelledMissedOrOtherTemplateSessionsThatDay_areNotTheCohortSession() {
    String second = "dosing/group-dose/2";
    String earlier = START.minus(d("2 h")).toString();
    CourseRecord cancelled = CourseRecord.empty("c-1").append(0, started("c-1", "group-test"), RULES);
    cancelled = then(cancelled, scheduled(SESSION, "group-dose", Instant.parse(earlier)));
    cancelled = then(cancelled, org.kapsdk.core.course.SessionCancelled.builder().at(START.minus(d("3 h"))).sessionId(SESSION)
        .reason("clinic-closed").build());
    cancelled = then(cancelled, scheduled(second, "group-dose", START));
    cancelled = normalReadingAt(then(cancelled, SessionStarted.builder().at(START).sessionId(second).build()), second);
    CourseRecord missed = CourseRecord.empty("c-2").append(0, started("c-2", "group-test"), RULES);
    missed = then(missed, scheduled(SESSION, "group-dose", Instant.parse(earlier)));
    missed = then(missed, org.kapsdk.core.course.SessionMissed.builder().at(START.minus(d("1 h"))).sessionId(SESSION)
        .reason("no-show").build());
    missed = then(missed, scheduled(second, "group-dose", START));
    missed = normalReadingAt(then(missed, SessionStarted.builder().at(START).sessionId(second).build()), second);
    // A preparation group the same morning is another template's session, not a second occurrence.
    String prep = "preparation/prep/1";
    CourseRecord withPrep = CourseRecord.empty("c-3").append(0, started("c-3", "group-test"), RULES);
    withPrep = then(withPrep, scheduled(prep, "prep", Instant.parse(earlier)));
    withPrep = then(withPrep, SessionStarted.builder().at(Instant.parse(earlier)).sessionId(prep).build());
    withPrep = then(withPrep, scheduled(SESSION, "group-dose", START));
    withPrep = normalReadingAt(then(withPrep, SessionStarted.builder().at(START).sessionId(SESSION).build()), SESSION);

    CohortVerdict verdict = cohort("c-1", "c-2", "c-3").evaluate(Gate.PRE_DOSE, ASKED,
        List.of(participant(cancelled), participant(missed), participant(withPrep)));

    assertThat(verdict.participants()).extracting(ParticipantVerdict::courseId, ParticipantVerdict::outcome, p -> p.sessionId())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("c-1", VerdictOutcome.PROCEED, Optional.of(second)),
            org.assertj.core.groups.Tuple.tuple("c-2", VerdictOutcome.PROCEED, Optional.of(second)),
            org.assertj.core.groups.Tuple.tuple("c-3", VerdictOutcome.PROCEED, Optional.of(SESSION)));
    assertThat(verdict.participants()).allSatisfy(p -> assertThat(p.problems()).isEmpty());
  }

  @Test
  void evaluate_twoCohortSessionsOnTheDay_blocksThatParticipantAlone_ratherThanPickingOne() {
    String second = "dosing/group-dose/2";
    CourseRecord twice = then(course("c-1"), scheduled(second, "group-dose", START.plus(d("3 h"))));
    twice = withSystolic(twice, "120 mmHg");

    CohortVerdict verdict = cohort("c-1", "c-2").evaluate(Gate.PRE_DOSE, ASKED,
        List.of(participant(twice), participant(withSystolic(course("c-2"), "120 mmHg"))));

    ParticipantVerdict ambiguous = verdict.participant("c-1").orElseThrow();
    assertThat(ambiguous.evaluated()).isFalse();
    assertThat(ambiguous.outcome()).isEqualTo(VerdictOutcome.BLOCKED);
    assertThat(ambiguous.problems()).extracting(Problem::toString).containsExactly("session: course 'c-1' has 2 group-dose sessions"
        + " on 2026-03-04 (dosing/group-dose/1, dosing/group-dose/2); cancel the one that does not hold");
    assertThat(verdict.mayProceed()).containsExactly("c-2");
  }

  @Test
  void evaluate_courseOnAnotherVersionOfTheTemplate_isBlockedAlone() {
    CourseStarted oldVersion = CourseStarted.builder().at(START.minus(d("30 d"))).courseId("c-1").patientId("patient-of-c-1")
        .templateId("group-test").templateVersion("0.9.0").startDate(DAY.minusDays(30)).zone(ZONE).build();
    CourseRecord onOldVersion = CourseRecord.unvalidated("c-1", List.of(oldVersion));

    CohortVerdict verdict = cohort("c-1", "c-2").evaluate(Gate.PRE_DOSE, ASKED,
        List.of(participant(onOldVersion), participant(withSystolic(course("c-2"), "120 mmHg"))));

    ParticipantVerdict other = verdict.participant("c-1").orElseThrow();
    assertThat(other.evaluated()).isFalse();
    assertThat(other.problems()).extracting(Problem::message)
        .containsExactly("course 'c-1' runs template 'group-test' 0.9.0, not this cohort's 'group-test' 1.0.0");
    assertThat(verdict.mayProceed()).containsExactly("c-2");
  }

  @Test
  void evaluate_oneParticipantsRefusedOverride_blocksOnlyThatParticipant() {
    org.kapsdk.core.gate.ClinicianOverride notAllowed = org.kapsdk.core.gate.ClinicianOverride.builder().ruleId("BP-BELOW-180")
        .clinicianId("staff-19").role("prescriber").reason("Benefit outweighs the rise").at(ASKED.minus(d("1 min")))
        .session(SESSION).build();
    Participant refused = participant(withSystolic(course("c-1"), "190 mmHg")).withOverrides(List.of(notAllowed));

    CohortVerdict verdict = cohort("c-1", "c-2").evaluate(Gate.PRE_DOSE, ASKED,
        List.of(refused, participant(withSystolic(course("c-2"), "120 mmHg"))));

    ParticipantVerdict c1 = verdict.participant("c-1").orElseThrow();
    assertThat(c1.evaluated()).isFalse();
    assertThat(c1.outcome()).isEqualTo(VerdictOutcome.BLOCKED);
    assertThat(c1.problems()).extracting(Problem::message).containsExactly("rule 'BP-BELOW-180' is not overridable");
    assertThat(verdict.participant("c-2").orElseThrow().outcome()).isEqualTo(VerdictOutcome.PROCEED);
    assertThat(verdict.mayProceed()).containsExactly("c-2");
  }

  @Test
  void evaluate_participantNotOnRosterOrGivenTwice_isRefusedBeforeAnyoneIsEvaluated() {
    CohortSession cohort = cohort("c-1", "c-2");
    Participant one = participant(withSystolic(course("c-1"), "120 mmHg"));

    ValidationException e = catchThrowableOfType(ValidationException.class, () -> cohort.evaluate(Gate.PRE_DOSE, ASKED,
        List.of(one, one, participant(course("c-9")))));

    assertThat(e.problems()).extracting(Problem::toString).containsExactly(
        "participants[1]: course 'c-1' is given more than once",
        "participants[2]: course 'c-9' is not on the roster of this cohort session");
  }

  @Test
  void evaluate_eligibility_needsNoSession() {
    CourseRecord c1 = CourseRecord.empty("c-1").append(0, started("c-1", "group-test"), RULES);

    CohortVerdict verdict = cohort("c-1").evaluate(Gate.ELIGIBILITY, ASKED, List.of(Participant.of(c1, facts("c-1"))));

    assertThat(verdict.participant("c-1").orElseThrow().outcome()).isEqualTo(VerdictOutcome.PROCEED);
    assertThat(verdict.participant("c-1").orElseThrow().sessionId()).isEmpty();
  }

  @Test
  void evaluate_fromManyThreads_givesTheSameAnswers() throws Exception {
    CohortSession cohort = cohort("c-1", "c-2", "c-3");
    List<Participant> participants = List.of(participant(withSystolic(course("c-1"), "120 mmHg")),
        participant(withSystolic(course("c-2"), "190 mmHg")), participant(course("c-3")));
    String expected = cohort.evaluate(Gate.PRE_DOSE, ASKED, participants).toString();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> answers = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        answers.add(pool.submit(() -> cohort.evaluate(Gate.PRE_DOSE, ASKED, participants).toString()));
      }
      for (Future<String> a : answers) {
        assertThat(a.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /* ------------------------------------------------------------------ recording */

  private static InMemoryCourseStore storeWith(String... courseIds) {
    InMemoryCourseStore store = new InMemoryCourseStore();
    for (String id : courseIds) {
      store.create(started(id, "group-test"), RULES);
      store.append(id, 1, SessionScheduled.builder().at(START.minus(d("7 d"))).sessionId(SESSION).template("group-dose")
          .scheduledFor(START).build(), RULES);
    }
    return store;
  }

  private static SessionStarted start() {
    return SessionStarted.builder().at(START).sessionId(SESSION).build();
  }

  @Test
  void record_appendsEachEventToItsOwnCourse() {
    InMemoryCourseStore store = storeWith("c-1", "c-2", "c-3");

    CohortRecording recording = cohort("c-1", "c-2", "c-3").record(store, List.of(
        new ParticipantEvent("c-1", 2, start()), new ParticipantEvent("c-2", 2, start()), new ParticipantEvent("c-3", 2, start())));

    assertThat(recording.allAccepted()).isTrue();
    for (String id : List.of("c-1", "c-2", "c-3")) {
      CourseRecord r = store.load(id).orElseThrow();
      assertThat(r.version()).isEqualTo(3);
      assertThat(r.events().get(2)).isEqualTo(start());
      assertThat(recording.result(id).orElseThrow().record()).contains(r);
    }
  }

  @Test
  void record_staleOrRefusedParticipant_changesNoOneElse() {
    InMemoryCourseStore store = storeWith("c-1", "c-2", "c-3");
    store.append("c-2", 2, start(), RULES);
    DoseAdministered doseWithoutCheck = DoseAdministered.builder().at(START.plus(d("15 min"))).sessionId(SESSION)
        .amount(q("50 mg")).route(Route.INTRAMUSCULAR).build();

    CohortRecording recording = cohort("c-1", "c-2", "c-3").record(store, List.of(
        new ParticipantEvent("c-1", 2, start()),
        new ParticipantEvent("c-2", 2, start()),
        new ParticipantEvent("c-3", 2, doseWithoutCheck)));

    assertThat(recording.results()).extracting(RecordingResult::courseId, RecordingResult::status).containsExactly(
        org.assertj.core.groups.Tuple.tuple("c-1", RecordingResult.Status.ACCEPTED),
        org.assertj.core.groups.Tuple.tuple("c-2", RecordingResult.Status.STALE),
        org.assertj.core.groups.Tuple.tuple("c-3", RecordingResult.Status.REJECTED));
    assertThat(recording.refused()).extracting(RecordingResult::courseId).containsExactly("c-2", "c-3");
    assertThat(recording.result("c-2").orElseThrow().problems().get(0).message()).contains("expected version 2");
    assertThat(store.load("c-1").orElseThrow().version()).isEqualTo(3);
    assertThat(store.load("c-2").orElseThrow().version()).isEqualTo(3);
    assertThat(store.load("c-3").orElseThrow().version()).isEqualTo(2);
  }

  @Test
  void record_courseMissingFromTheStore_isReportedForThatParticipant() {
    InMemoryCourseStore store = storeWith("c-1");

    CohortRecording recording = cohort("c-1", "c-2").record(store, List.of(
        new ParticipantEvent("c-1", 2, start()), new ParticipantEvent("c-2", 2, start())));

    assertThat(recording.result("c-1").orElseThrow().accepted()).isTrue();
    assertThat(recording.result("c-2").orElseThrow().status()).isEqualTo(RecordingResult.Status.NO_COURSE);
  }

  @Test
  void record_eventOffTheRosterOrTwiceForOneCourse_writesNothing() {
    InMemoryCourseStore store = storeWith("c-1", "c-2");

    ValidationException e = catchThrowableOfType(ValidationException.class, () -> cohort("c-1").record(store, List.of(
        new ParticipantEvent("c-1", 2, start()), new ParticipantEvent("c-1", 3, start()), new ParticipantEvent("c-2", 2, start()))));

    assertThat(e.problems()).extracting(Problem::toString).containsExactly(
        "events[1]: course 'c-1' already has an event at events[0]; append one event per participant per call, each on the"
            + " version it was decided on",
        "events[2]: course 'c-2' is not on the roster of this cohort session");
    assertThat(store.load("c-1").orElseThrow().version()).isEqualTo(2);
    assertThat(store.load("c-2").orElseThrow().version()).isEqualTo(2);
  }

  @Test
  void recordedVerdicts_letOnlyTheProceedingParticipantsBeDosed() {
    InMemoryCourseStore store = storeWith("c-1", "c-2");
    CohortSession cohort = cohort("c-1", "c-2");
    cohort.record(store, List.of(new ParticipantEvent("c-1", 2, start()), new ParticipantEvent("c-2", 2, start())));
    store.append("c-1", 3, ObservationRecorded.builder().at(START).observation(Observation.builder().code(Codes.SYSTOLIC_BP)
        .value(q("120 mmHg")).at(START).build()).build(), RULES);
    store.append("c-2", 3, ObservationRecorded.builder().at(START).observation(Observation.builder().code(Codes.SYSTOLIC_BP)
        .value(q("185 mmHg")).at(START).build()).build(), RULES);

    CohortVerdict verdict = cohort.evaluate(Gate.PRE_DOSE, ASKED, List.of(
        participant(store.load("c-1").orElseThrow()), participant(store.load("c-2").orElseThrow())));
    Map<String, GateChecked> checks = verdict.gateChecks(Optional.of("nurse-07"));
    CohortRecording recorded = cohort.record(store, List.of(
        new ParticipantEvent("c-1", 4, checks.get("c-1")), new ParticipantEvent("c-2", 4, checks.get("c-2"))));
    DoseAdministered dose = DoseAdministered.builder().at(ASKED.plus(d("5 min"))).sessionId(SESSION).amount(q("50 mg"))
        .route(Route.INTRAMUSCULAR).medication(KETAMINE).build();
    CohortRecording dosed = cohort.record(store, List.of(new ParticipantEvent("c-1", 5, dose), new ParticipantEvent("c-2", 5, dose)));

    assertThat(checks.get("c-2").outcome()).isEqualTo(VerdictOutcome.BLOCKED);
    assertThat(checks.get("c-2").blockingRuleIds()).containsExactly("BP-BELOW-180");
    assertThat(recorded.allAccepted()).isTrue();
    assertThat(dosed.result("c-1").orElseThrow().accepted()).isTrue();
    assertThat(dosed.result("c-2").orElseThrow().status()).isEqualTo(RecordingResult.Status.REJECTED);
  }

  /* ------------------------------------------------------------------ privacy */

  @Test
  void toStrings_nameCourseIdsOnly() {
    CohortSession cohort = cohort("c-1", "c-2");
    Participant p1 = participant(withSystolic(course("c-1"), "120 mmHg"));
    CohortVerdict verdict = cohort.evaluate(Gate.PRE_DOSE, ASKED, List.of(p1));
    CohortRecording recording = cohort.record(storeWith("c-1"), List.of(new ParticipantEvent("c-1", 2, start())));

    List<String> texts = List.of(cohort.toString(), p1.toString(), verdict.toString(), recording.toString(),
        new ParticipantEvent("c-1", 2, start()).toString());

    assertThat(texts).noneMatch(t -> t.contains("patient-of-"));
    assertThat(cohort.toString()).isEqualTo("CohortSession[group-test group-dose 2026-03-04, 2 participants]");
    assertThat(p1.toString()).isEqualTo("Participant[c-1]");
    assertThat(verdict.toString()).isEqualTo("PRE_DOSE group-dose 2026-03-04\n  c-1 PROCEED\n  c-2 BLOCKED (not evaluated:"
        + " no course record and facts were given for course 'c-2': missing facts never pass)");
    assertThat(new ParticipantEvent("c-1", 2, start()).toString()).isEqualTo("ParticipantEvent[c-1 @2 sessionStarted]");
  }
}
