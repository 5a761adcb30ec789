package org.kapsdk.benchmarks;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.kapsdk.core.course.AssessmentRecorded;
import org.kapsdk.core.course.CourseEvent;
import org.kapsdk.core.course.CourseRecord;
import org.kapsdk.core.course.CourseRules;
import org.kapsdk.core.course.CourseStarted;
import org.kapsdk.core.course.CourseState;
import org.kapsdk.core.course.DoseAdministered;
import org.kapsdk.core.course.GateChecked;
import org.kapsdk.core.course.IntegrationStepCompleted;
import org.kapsdk.core.course.ObservationRecorded;
import org.kapsdk.core.course.SessionCompleted;
import org.kapsdk.core.course.SessionScheduled;
import org.kapsdk.core.course.SessionStarted;
import org.kapsdk.core.facts.AssessmentResult;
import org.kapsdk.core.facts.Observation;
import org.kapsdk.core.gate.ConditionExtensions;
import org.kapsdk.core.gate.VerdictOutcome;
import org.kapsdk.core.model.Code;
import org.kapsdk.core.model.Codes;
import org.kapsdk.core.model.DeviceDose;
import org.kapsdk.core.model.DoseLimit;
import org.kapsdk.core.model.DosingSpec;
import org.kapsdk.core.model.Evidence;
import org.kapsdk.core.model.Gate;
import org.kapsdk.core.model.Instrument;
import org.kapsdk.core.model.IntegrationKind;
import org.kapsdk.core.model.IntegrationStep;
import org.kapsdk.core.model.LimitPeriod;
import org.kapsdk.core.model.Phase;
import org.kapsdk.core.model.ProtocolTemplate;
import org.kapsdk.core.model.Quantity;
import org.kapsdk.core.model.Route;
import org.kapsdk.core.model.Rule;
import org.kapsdk.core.model.SessionKind;
import org.kapsdk.core.model.SessionTemplate;
import org.kapsdk.core.model.Severity;
import org.kapsdk.core.model.TemplateStatus;
import org.kapsdk.core.model.Unit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Replaying a 500-event course: a screening visit and 42 dosing sessions, each scheduled,
 * started, assessed, with BP before and 40 min after the dose, a PRE_DOSE gate check, two 28 mg
 * devices, completion and the REMS form (the last session cut off at event 500), every event
 * accepted by {@link CourseRecord#append}.
 * What a host pays to rebuild a course's state from storage.
 *
 * <p>Run: {@code ./mvnw -B -Pbenchmarks -pl benchmarks -am package -DskipTests && java -jar
 * benchmarks/target/benchmarks.jar CourseReplay -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CourseReplayBenchmark {
  private static final Instant T0 = Instant.parse("2026-01-05T14:00:00Z");
  private static final Code ESKETAMINE = Code.of("urn:kapsdk:medication", "esketamine", "Esketamine");

  private CourseRules rules;
  private List<CourseEvent> events;

  @Setup(Level.Trial)
  public void setUp() {
    rules = CourseRules.compile(template(), ConditionExtensions.none());
    events = course(rules, 500).events();
    if (events.size() != 500 || CourseState.replay(rules, events).sessions().size() < 40) {
      throw new IllegalStateException("the benchmark must replay a 500-event course, got " + events.size());
    }
  }

  /** One replay of the whole course. */
  @Benchmark
  public CourseState replay500() {
    return CourseState.replay(rules, events);
  }

  static ProtocolTemplate template() {
    SessionTemplate dose = SessionTemplate.builder().id("dose").kind(SessionKind.DOSING).title("Dose")
        .dosing(DosingSpec.builder().medication(ESKETAMINE).route(Route.INTRANASAL)
            .dose(DeviceDose.builder().perDevice(Quantity.of(28, Unit.MG)).devices(2).betweenDevices(Duration.ofMinutes(5)).build())
            .maxPerSession(Quantity.of(84, Unit.MG)).build())
        .addIntegrationStep(IntegrationStep.builder().id("form").kind(IntegrationKind.FORM).title("Form")
            .earliest(Duration.ZERO).latest(Duration.ofDays(7)).build())
        .addRule(Rule.builder().id("MAX").severity(Severity.BLOCK).gate(Gate.PRE_DOSE).message("{value}").addEvidence("BENCH")
            .require(DoseLimit.builder().period(LimitPeriod.SESSION).maximum(Quantity.of(84, Unit.MG)).build()).build())
        .build();
    SessionTemplate screen = SessionTemplate.builder().id("screen").kind(SessionKind.SCREENING).title("Screening").build();
    return ProtocolTemplate.builder().id("bench").version("1.0.0").title("Benchmark").status(TemplateStatus.DRAFT)
        .addIndications(Codes.MAJOR_DEPRESSIVE_DISORDER)
        .addEvidence(Evidence.builder().key("BENCH").citation("benchmark fixture, not clinical").build())
        .addPhases(Phase.builder().id("screening").title("Screening").addSessions(screen).build())
        .addPhases(Phase.builder().id("treatment").title("Treatment").addSessions(dose).build())
        .build();
  }

  /** A course of exactly {@code size} events, every one accepted by append. */
  static CourseRecord course(CourseRules rules, int size) {
    CourseRecord r = CourseRecord.empty("bench-course");
    r = add(r, rules, size, CourseStarted.builder().at(T0).courseId("bench-course").patientId("bench-patient")
        .templateId("bench").templateVersion("1.0.0").startDate(LocalDate.of(2026, 1, 5))
        .zone(ZoneId.of("America/New_York")).addClosedWeekdays(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY).build());
    r = add(r, rules, size, SessionScheduled.builder().at(T0).sessionId("screening/screen/1").template("screen").scheduledFor(T0).build());
    r = add(r, rules, size, SessionStarted.builder().at(T0).sessionId("screening/screen/1").build());
    r = add(r, rules, size, SessionCompleted.builder().at(T0.plus(Duration.ofHours(1))).sessionId("screening/screen/1").build());
    for (int n = 1; r.version() < size; n++) {
      String id = "treatment/dose/" + n;
      Instant s = T0.plus(Duration.ofDays(3L * n));
      r = add(r, rules, size, SessionScheduled.builder().at(T0).sessionId(id).template("dose").scheduledFor(s).build());
      r = add(r, rules, size, SessionStarted.builder().at(s).by("rn-1").sessionId(id).build());
      r = add(r, rules, size, AssessmentRecorded.builder().at(s.plusSeconds(300)).sessionId(id)
          .result(AssessmentResult.builder().instrument(Instrument.PHQ9).at(s.plusSeconds(300)).addItems(1, 1, 1, 1, 1, 1, 1, 1, 0).build())
          .build());
      r = add(r, rules, size, bp(id, Codes.SYSTOLIC_BP, "128 mmHg", s.plusSeconds(600)));
      r = add(r, rules, size, bp(id, Codes.DIASTOLIC_BP, "82 mmHg", s.plusSeconds(600)));
      r = add(r, rules, size, GateChecked.builder().at(s.plusSeconds(720)).gate(Gate.PRE_DOSE).sessionId(id)
          .outcome(VerdictOutcome.PROCEED).build());
      r = add(r, rules, size, dose(id, s.plusSeconds(900)));
      r = add(r, rules, size, dose(id, s.plusSeconds(1200)));
      r = add(r, rules, size, bp(id, Codes.SYSTOLIC_BP, "140 mmHg", s.plusSeconds(3300)));
      r = add(r, rules, size, bp(id, Codes.DIASTOLIC_BP, "88 mmHg", s.plusSeconds(3300)));
      r = add(r, rules, size, SessionCompleted.builder().at(s.plusSeconds(8700)).sessionId(id).build());
      r = add(r, rules, size, IntegrationStepCompleted.builder().at(s.plusSeconds(86_400)).sessionId(id).stepId("form").build());
    }
    return r;
  }

  private static CourseRecord add(CourseRecord r, CourseRules rules, int size, CourseEvent e) {
    return r.version() < size ? r.append(r.version(), e, rules) : r;
  }

  private static ObservationRecorded bp(String session, Code code, String value, Instant at) {
    return ObservationRecorded.builder().at(at).sessionId(session)
        .observation(Observation.builder().code(code).value(Quantity.parse(value)).at(at).build()).build();
  }

  private static DoseAdministered dose(String session, Instant at) {
    return DoseAdministered.builder().at(at).by("rn-1").sessionId(session).amount(Quantity.of(28, Unit.MG))
        .route(Route.INTRANASAL).lot("LOT-1").build();
  }
}
