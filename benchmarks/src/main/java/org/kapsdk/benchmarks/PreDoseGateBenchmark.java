package org.kapsdk.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.kapsdk.core.facts.Administration;
import org.kapsdk.core.facts.AssessmentResult;
import org.kapsdk.core.facts.Attestation;
import org.kapsdk.core.facts.ConditionList;
import org.kapsdk.core.facts.MedicationList;
import org.kapsdk.core.facts.Observation;
import org.kapsdk.core.facts.PatientFacts;
import org.kapsdk.core.facts.PregnancyStatus;
import org.kapsdk.core.facts.SessionRecord;
import org.kapsdk.core.gate.ConditionExtensions;
import org.kapsdk.core.gate.GateRequest;
import org.kapsdk.core.gate.SafetyGate;
import org.kapsdk.core.gate.Verdict;
import org.kapsdk.core.gate.VerdictOutcome;
import org.kapsdk.core.model.AssessmentThreshold;
import org.kapsdk.core.model.AttestationPresent;
import org.kapsdk.core.model.Code;
import org.kapsdk.core.model.Codes;
import org.kapsdk.core.model.Comparator;
import org.kapsdk.core.model.Condition;
import org.kapsdk.core.model.ConditionPresent;
import org.kapsdk.core.model.DeviceDose;
import org.kapsdk.core.model.DoseLimit;
import org.kapsdk.core.model.DosingSpec;
import org.kapsdk.core.model.Evidence;
import org.kapsdk.core.model.Gate;
import org.kapsdk.core.model.Instrument;
import org.kapsdk.core.model.LimitPeriod;
import org.kapsdk.core.model.MedicationPresent;
import org.kapsdk.core.model.ObservationThreshold;
import org.kapsdk.core.model.PatientAge;
import org.kapsdk.core.model.Phase;
import org.kapsdk.core.model.Pregnancy;
import org.kapsdk.core.model.ProtocolTemplate;
import org.kapsdk.core.model.Quantity;
import org.kapsdk.core.model.Route;
import org.kapsdk.core.model.Rule;
import org.kapsdk.core.model.ScoreMeasure;
import org.kapsdk.core.model.SessionInterval;
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
 * A PRE_DOSE gate of 25 authored rules (plus the dosing spec's derived limits) for a patient
 * whose every fact is present and in range, so the verdict is PROCEED and every rule is
 * evaluated in full: the common case at a clinic's check-in desk.
 *
 * <p>Run: {@code ./mvnw -B -Pbenchmarks -pl benchmarks -am package -DskipTests && java -jar
 * benchmarks/target/benchmarks.jar PreDoseGate -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PreDoseGateBenchmark {
  private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
  private static final Code ESKETAMINE = Code.of("urn:kapsdk:medication", "esketamine", "Esketamine");

  private SafetyGate gate;
  private GateRequest request;

  @Setup(Level.Trial)
  public void setUp() {
    gate = SafetyGate.compile(template(), ConditionExtensions.none());
    request = GateRequest.builder().gate(Gate.PRE_DOSE).at(T0).facts(facts()).session("s3")
        .plannedDose(Quantity.of(56, Unit.MG)).build();
    Verdict v = gate.evaluate(request);
    if (v.outcome() != VerdictOutcome.PROCEED || v.findings().size() < 25) {
      throw new IllegalStateException("the benchmark must measure a full PROCEED gate: " + v);
    }
  }

  /** One full PRE_DOSE evaluation. */
  @Benchmark
  public Verdict preDoseProceed() {
    return gate.evaluate(request);
  }

  static ProtocolTemplate template() {
    List<Rule> rules = new ArrayList<>();
    rules.add(rule("SBP", forbidObs(Codes.SYSTOLIC_BP, Comparator.GT, "140 mmHg")));
    rules.add(rule("DBP", forbidObs(Codes.DIASTOLIC_BP, Comparator.GT, "90 mmHg")));
    rules.add(rule("HR", forbidObs(Codes.HEART_RATE, Comparator.GT, "110 /min")));
    rules.add(rule("SPO2", forbidObs(Codes.SPO2_PULSE_OXIMETRY, Comparator.LT, "92 %")));
    rules.add(rule("RR", forbidObs(Codes.RESPIRATORY_RATE, Comparator.GT, "24 /min")));
    rules.add(rule("TEMP", forbidObs(Codes.BODY_TEMPERATURE, Comparator.GT, "38 Cel")));
    rules.add(rule("AGE", PatientAge.builder().comparator(Comparator.LT).years(18).build()));
    rules.add(rule("PREG", Pregnancy.builder().includeBreastfeeding(true).build()));
    for (int i = 1; i <= 3; i++) {
      rules.add(rule("COND" + i, ConditionPresent.builder().label("contraindication " + i)
          .addCodes(Codes.snomed("10000" + i, "contraindication " + i)).build()));
      rules.add(rule("MED" + i, MedicationPresent.builder().label("interacting drug " + i)
          .addCodes(Code.of("urn:kapsdk:medication", "drug-" + i, "drug " + i)).build()));
    }
    rules.add(rule("PHQ9-ITEM9", AssessmentThreshold.builder().instrument(Instrument.PHQ9).measure(ScoreMeasure.ITEM)
        .item(9).comparator(Comparator.GT).value(0).maxAge(Duration.ofDays(7)).build()));
    rules.add(rule("CSSRS", AssessmentThreshold.builder().instrument(Instrument.CSSRS_SCREENER)
        .measure(ScoreMeasure.HIGHEST_POSITIVE_ITEM).comparator(Comparator.GE).value(4).maxAge(Duration.ofDays(30)).build()));
    rules.add(requireRule("FOOD", AttestationPresent.builder().attestation("last-food")
        .elapsedAtLeast(Duration.ofHours(2)).maxAge(Duration.ofHours(12)).build()));
    rules.add(requireRule("LIQUID", AttestationPresent.builder().attestation("last-liquid")
        .elapsedAtLeast(Duration.ofMinutes(30)).maxAge(Duration.ofHours(12)).build()));
    rules.add(requireRule("TRANSPORT", AttestationPresent.builder().attestation("transport-arranged")
        .maxAge(Duration.ofHours(12)).build()));
    rules.add(requireRule("REMS", AttestationPresent.builder().attestation("rems-enrolled").build()));
    rules.add(requireRule("INTERVAL", SessionInterval.builder().atLeast(Duration.ofDays(2)).build()));
    for (LimitPeriod p : LimitPeriod.values()) {
      rules.add(requireRule("LIMIT-" + p, DoseLimit.builder().period(p).maximum(Quantity.of(p == LimitPeriod.COURSE ? 2000 : p == LimitPeriod.WEEK ? 252 : 84, Unit.MG)).build()));
    }
    SessionTemplate dose = SessionTemplate.builder().id("dose").kind(SessionKind.DOSING).title("Dose")
        .dosing(DosingSpec.builder().medication(ESKETAMINE).route(Route.INTRANASAL)
            .dose(DeviceDose.builder().perDevice(Quantity.of(28, Unit.MG)).devices(2).betweenDevices(Duration.ofMinutes(5)).build())
            .maxPerSession(Quantity.of(84, Unit.MG)).build())
        .addAllRules(rules).build();
    return ProtocolTemplate.builder().id("bench").version("1.0.0").title("Benchmark").status(TemplateStatus.DRAFT)
        .addIndications(Codes.MAJOR_DEPRESSIVE_DISORDER)
        .addEvidence(Evidence.builder().key("BENCH").citation("benchmark fixture, not clinical").build())
        .addPhases(Phase.builder().id("induction").title("Induction").addSessions(dose).build())
        .build();
  }

  static PatientFacts facts() {
    PatientFacts.Builder f = PatientFacts.builder().patientId("bench").ageYears(45).pregnancy(PregnancyStatus.NEITHER)
        .conditions(ConditionList.builder().reviewedAt(T0.minus(Duration.ofDays(1))).addCodes(Codes.MAJOR_DEPRESSIVE_DISORDER).build())
        .medications(MedicationList.builder().reconciledAt(T0.minus(Duration.ofDays(1))).build());
    f.addObservations(obs(Codes.SYSTOLIC_BP, "128 mmHg"), obs(Codes.DIASTOLIC_BP, "82 mmHg"), obs(Codes.HEART_RATE, "72 /min"),
        obs(Codes.SPO2_PULSE_OXIMETRY, "98 %"), obs(Codes.RESPIRATORY_RATE, "14 /min"), obs(Codes.BODY_TEMPERATURE, "36.8 Cel"));
    f.addAssessments(AssessmentResult.builder().instrument(Instrument.PHQ9).at(T0.minus(Duration.ofDays(1)))
        .addItems(2, 2, 1, 2, 1, 1, 1, 1, 0).build());
    f.addAssessments(AssessmentResult.builder().instrument(Instrument.CSSRS_SCREENER).at(T0.minus(Duration.ofDays(1)))
        .addItems(0, 0, 0, 0, 0, 0).build());
    f.addAttestations(
        Attestation.builder().key("last-food").recordedAt(T0.minus(Duration.ofMinutes(30))).instant(T0.minus(Duration.ofHours(3))).build(),
        Attestation.builder().key("last-liquid").recordedAt(T0.minus(Duration.ofMinutes(30))).instant(T0.minus(Duration.ofHours(1))).build(),
        Attestation.builder().key("transport-arranged").recordedAt(T0.minus(Duration.ofMinutes(30))).build(),
        Attestation.builder().key("rems-enrolled").recordedAt(T0.minus(Duration.ofDays(10))).build());
    for (int i = 1; i <= 2; i++) {
      Instant start = T0.minus(Duration.ofDays(7L * (3 - i) - 3));
      f.addSessions(SessionRecord.builder().id("s" + i).template("dose").start(start).end(start.plus(Duration.ofHours(2)))
          .addAdministrations(Administration.builder().at(start.plus(Duration.ofMinutes(5))).amount(Quantity.of(56, Unit.MG)).build())
          .build());
    }
    f.addSessions(SessionRecord.builder().id("s3").template("dose").start(T0.minus(Duration.ofMinutes(10))).build());
    return f.build();
  }

  private static Observation obs(Code code, String value) {
    return Observation.builder().code(code).value(Quantity.parse(value)).at(T0.minus(Duration.ofMinutes(5))).build();
  }

  private static Condition forbidObs(Code code, Comparator comparator, String value) {
    return ObservationThreshold.builder().code(code).comparator(comparator).value(Quantity.parse(value))
        .maxAge(Duration.ofHours(1)).build();
  }

  private static Rule rule(String id, Condition forbidden) {
    return Rule.builder().id(id).severity(Severity.BLOCK).gate(Gate.PRE_DOSE).message("{value} vs {threshold}")
        .addEvidence("BENCH").forbid(forbidden).build();
  }

  private static Rule requireRule(String id, Condition required) {
    return Rule.builder().id(id).severity(Severity.BLOCK).gate(Gate.PRE_DOSE).message("{value} vs {threshold}")
        .addEvidence("BENCH").require(required).build();
  }
}
