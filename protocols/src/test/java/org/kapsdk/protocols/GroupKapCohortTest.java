package org.kapsdk.protocols;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.kapsdk.core.cohort.CohortRecording;
import org.kapsdk.core.cohort.CohortSession;
import org.kapsdk.core.cohort.CohortVerdict;
import org.kapsdk.core.cohort.Participant;
import org.kapsdk.core.cohort.ParticipantEvent;
import org.kapsdk.core.course.CourseRecord;
import org.kapsdk.core.course.CourseRules;
import org.kapsdk.core.course.CourseStarted;
import org.kapsdk.core.course.GateChecked;
import org.kapsdk.core.course.InMemoryCourseStore;
import org.kapsdk.core.course.SessionScheduled;
import org.kapsdk.core.course.SessionStarted;
import org.kapsdk.core.facts.AssessmentResult;
import org.kapsdk.core.facts.Attestation;
import org.kapsdk.core.facts.ConditionList;
import org.kapsdk.core.facts.MedicationList;
import org.kapsdk.core.facts.Observation;
import org.kapsdk.core.facts.PatientFacts;
import org.kapsdk.core.facts.PregnancyStatus;
import org.kapsdk.core.gate.Outcome;
import org.kapsdk.core.gate.VerdictOutcome;
import org.kapsdk.core.io.ProfileFiles;
import org.kapsdk.core.model.Codes;
import org.kapsdk.core.model.Gate;
import org.kapsdk.core.model.Instrument;
import org.kapsdk.core.model.Quantity;
import org.kapsdk.core.validation.ValidationException;

/**
 * The group-kap dosing session as a cohort: one session, three participants, one safety record
 * each. TEST VALUES from the test profile (0.5 mg/kg, cap 50 mg, pre-dose BP below 140/90, at
 * most 8 participants per dosing session).
 */
class GroupKapCohortTest {
  private static final CourseRules RULES = CourseRules.compile(BuiltInProtocol.GROUP_KAP.template(
      ProfileFiles.read(Path.of("src", "test", "resources", "profiles", "group-kap-test-clinic.yaml"))));
  private static final ZoneId ZONE = ZoneId.of("America/Chicago");
  private static final LocalDate DAY = LocalDate.of(2026, 1, 26);
  /** 09:00 in Chicago on DAY. */
  private static final Instant START = Instant.parse("2026-01-26T15:00:00Z");
  private static final Instant ASKED = START.plus(Duration.ofMinutes(20));
  private static final String SESSION = "dosing/dosing-session/1";

  private static InMemoryCourseStore store(String... courseIds) {
    InMemoryCourseStore store = new InMemoryCourseStore();
    for (String id : courseIds) {
      store.create(CourseStarted.builder().at(START.minus(Duration.ofDays(21))).courseId(id).patientId("patient-of-" + id)
          .templateId("group-kap").templateVersion(RULES.template().version()).startDate(DAY.minusDays(21)).zone(ZONE).build(),
          RULES);
      store.append(id, 1, SessionScheduled.builder().at(START.minus(Duration.ofDays(21))).sessionId(SESSION)
          .template("dosing-session").scheduledFor(START).build(), RULES);
    }
    return store;
  }

  /** The host's facts for one participant: 70 kg, this visit's BP, escort arranged, scales this morning. */
  private static PatientFacts facts(String courseId, String systolic, String diastolic) {
    Instant measured = START.plus(Duration.ofMinutes(10));
    return PatientFacts.builder().patientId("patient-of-" + courseId).ageYears(40).pregnancy(PregnancyStatus.NEITHER)
        .conditions(ConditionList.builder().reviewedAt(START.minus(Duration.ofDays(20))).build())
        .medications(MedicationList.builder().reconciledAt(START.minus(Duration.ofDays(1))).build())
        .addObservation(Observation.builder().code(Codes.BODY_WEIGHT).value(Quantity.parse("70 kg")).at(START.minus(Duration.ofDays(2))).build())
        .addObservation(Observation.builder().code(Codes.SYSTOLIC_BP).value(Quantity.parse(systolic)).at(measured).build())
        .addObservation(Observation.builder().code(Codes.DIASTOLIC_BP).value(Quantity.parse(diastolic)).at(measured).build())
        .addAssessment(AssessmentResult.builder().instrument(Instrument.PHQ9).at(START).addItems(2, 2, 1, 2, 1, 1, 2, 1, 0).build())
        .addAssessment(AssessmentResult.builder().instrument(Instrument.CSSRS_SCREENER).at(START).addItems(0, 0, 0, 0, 0, 0).build())
        .addAttestation(Attestation.builder().key("escort-arranged").recordedAt(START).build())
        .build();
  }

  private static Participant participant(InMemoryCourseStore store, String courseId, String systolic, String diastolic) {
    CourseRecord record = store.load(courseId).orElseThrow();
    return Participant.of(record, facts(courseId, systolic, diastolic)).withPlannedDose(Quantity.parse("35 mg"));
  }

  @Test
  void groupDosingSession_eachParticipantIsCheckedOnTheirOwnReadings() {
    InMemoryCourseStore store = store("gk-1", "gk-2", "gk-3");
    CohortSession cohort = CohortSession.of(RULES, "dosing-session", DAY, List.of("gk-1", "gk-2", "gk-3"));
    CohortRecording started = cohort.record(store, List.of("gk-1", "gk-2", "gk-3").stream()
        .map(id -> new ParticipantEvent(id, 2, SessionStarted.builder().at(START).sessionId(SESSION).build())).toList());

    CohortVerdict verdict = cohort.evaluate(Gate.PRE_DOSE, ASKED, List.of(
        participant(store, "gk-1", "124 mmHg", "76 mmHg"),
        participant(store, "gk-2", "152 mmHg", "94 mmHg"),
        participant(store, "gk-3", "118 mmHg", "72 mmHg")));

    assertThat(started.allAccepted()).isTrue();
    assertThat(cohort.maxParticipants()).hasValue(8);
    assertThat(verdict.mayProceed()).containsExactly("gk-1", "gk-3");
    assertThat(verdict.blocked()).containsExactly("gk-2");
    assertThat(verdict.participant("gk-1").orElseThrow().outcome()).isEqualTo(VerdictOutcome.PROCEED);
    assertThat(verdict.participant("gk-3").orElseThrow().outcome()).isEqualTo(VerdictOutcome.PROCEED);
    assertThat(verdict.participant("gk-2").orElseThrow().verdict().orElseThrow().blockingFindings())
        .singleElement().satisfies(f -> {
          assertThat(f.ruleId()).isEqualTo("PRE-DOSE-BP");
          assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
        });

    Map<String, GateChecked> checks = verdict.gateChecks(Optional.of("nurse-12"));
    CohortRecording recorded = cohort.record(store, List.of(
        new ParticipantEvent("gk-1", 3, checks.get("gk-1")),
        new ParticipantEvent("gk-2", 3, checks.get("gk-2")),
        new ParticipantEvent("gk-3", 3, checks.get("gk-3"))));

    assertThat(recorded.allAccepted()).isTrue();
    assertThat(store.load("gk-2").orElseThrow().events().get(3)).isInstanceOfSatisfying(GateChecked.class,
        g -> assertThat(g.blockingRuleIds()).containsExactly("PRE-DOSE-BP"));
    assertThat(store.load("gk-1").orElseThrow().events().get(3)).isInstanceOfSatisfying(GateChecked.class,
        g -> assertThat(g.outcome()).isEqualTo(VerdictOutcome.PROCEED));
  }

  @Test
  void groupDosingSession_rosterAboveTheProfilesLimit_isRefused() {
    List<String> nine = IntStream.rangeClosed(1, 9).mapToObj(i -> "gk-" + i).toList();

    assertThatThrownBy(() -> CohortSession.of(RULES, "dosing-session", DAY, nine))
        .isInstanceOf(ValidationException.class)
        .hasMessage("roster: 9 participants, but group session 'dosing-session' holds at most 8 (its group.maxParticipants)");
    assertThat(CohortSession.of(RULES, "preparation-group", DAY, nine).maxParticipants()).hasValue(20);
    assertThatThrownBy(() -> CohortSession.of(RULES, "intake-visit", DAY, List.of("gk-1")))
        .hasMessageContaining("is not a group session");
  }
}
