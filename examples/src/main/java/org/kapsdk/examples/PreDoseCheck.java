package org.kapsdk.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.kapsdk.core.facts.Administration;
import org.kapsdk.core.facts.AssessmentResult;
import org.kapsdk.core.facts.Attestation;
import org.kapsdk.core.facts.ConditionList;
import org.kapsdk.core.facts.MedicationList;
import org.kapsdk.core.facts.Observation;
import org.kapsdk.core.facts.PatientFacts;
import org.kapsdk.core.facts.PregnancyStatus;
import org.kapsdk.core.facts.SessionRecord;
import org.kapsdk.core.gate.Finding;
import org.kapsdk.core.gate.GateRequest;
import org.kapsdk.core.gate.Outcome;
import org.kapsdk.core.gate.SafetyGate;
import org.kapsdk.core.gate.Verdict;
import org.kapsdk.core.io.ProtocolFiles;
import org.kapsdk.core.model.Code;
import org.kapsdk.core.model.Codes;
import org.kapsdk.core.model.Gate;
import org.kapsdk.core.model.Instrument;
import org.kapsdk.core.model.Quantity;

/**
 * What a host system does before every dose: compile the protocol's gate once, build the
 * patient's facts from its own records, and ask "may this proceed?" at a given instant. Then the
 * same question with the blood pressure reading from two hours ago, to show that a stale reading
 * is never used: the rule that needs it becomes UNKNOWN and names what is missing.
 *
 * <p>The facts match {@code examples/facts/esketamine-pre-dose-ready.yaml}. Sample data, not a
 * real patient.
 */
public final class PreDoseCheck {
  /** The evaluation instant; a host passes its clock's instant, never a hidden wall clock. */
  static final Instant NOW = Instant.parse("2026-01-05T09:00:00Z");

  private static final Code SSRI = Code.of("urn:kapsdk:sample:medication", "ssri", "Sertraline");

  private PreDoseCheck() {}

  /**
   * Runs the sample on the template and clinic profile files given, or the repository's sample
   * template and profile.
   */
  public static void main(String[] args) {
    Path template = Path.of(args.length > 0 ? args[0] : "examples/templates/esketamine-trd-sample.yaml");
    Path profile = Path.of(args.length > 1 ? args[1] : "examples/profiles/sample-clinic.yaml");
    run(template, profile, System.out);
  }

  /**
   * Runs the sample, printing to the given stream; returns the two verdicts. The profile sets the
   * values the template leaves to the clinic, such as how old a blood pressure reading may be.
   */
  public static Verdict[] run(Path templateFile, Path profileFile, PrintStream out) {
    // Compile once per template version and profile, and share: evaluation is pure and thread-safe.
    SafetyGate gate = SafetyGate.compile(ProtocolFiles.read(templateFile, profileFile));

    Verdict ready = gate.evaluate(request(facts(ago("10m"))));
    print(out, "BP taken 10 minutes ago", ready);

    Verdict stale = gate.evaluate(request(facts(ago("2h"))));
    print(out, "BP taken 2 hours ago", stale);
    return new Verdict[] {ready, stale};
  }

  private static GateRequest request(PatientFacts facts) {
    return GateRequest.builder()
        .gate(Gate.PRE_DOSE)
        .at(NOW)
        .facts(facts)
        .session("induction-3")
        .plannedDose(Quantity.parse("56 mg"))
        .build();
  }

  private static void print(PrintStream out, String label, Verdict verdict) {
    out.println(label + ": " + verdict.outcome());
    for (Finding f : verdict.findings()) {
      if (f.outcome() != Outcome.PASS) {
        out.println("  " + f.outcome() + " " + f.ruleId() + " (" + f.severity() + "): " + f.message());
      }
    }
  }

  /** The patient as a host's records would give them: opaque id, no name. */
  private static PatientFacts facts(Instant bloodPressureTakenAt) {
    return PatientFacts.builder()
        .patientId("sample-patient-0001")
        .ageYears(42)
        .pregnancy(PregnancyStatus.NEITHER)
        .conditions(ConditionList.builder().reviewedAt(ago("1d")).build())
        .medications(MedicationList.builder().reconciledAt(ago("30m")).addCodes(SSRI).build())
        .addObservations(
            Observation.builder().code(Codes.SYSTOLIC_BP).value(Quantity.parse("128 mmHg"))
                .at(bloodPressureTakenAt).build(),
            Observation.builder().code(Codes.DIASTOLIC_BP).value(Quantity.parse("82 mmHg"))
                .at(bloodPressureTakenAt).build())
        .addAssessments(
            AssessmentResult.builder().instrument(Instrument.PHQ9).at(ago("2d"))
                .addItems(2, 2, 1, 2, 1, 1, 1, 1, 0).build(),
            AssessmentResult.builder().instrument(Instrument.CSSRS_SCREENER).at(ago("2d"))
                .addItems(0, 0, 0, 0, 0, 0).build())
        .addAttestations(
            attestation("rems-patient-enrolled", ago("14d")),
            attestation("rems-prescriber-and-pulse-oximeter-on-site", ago("15m")),
            Attestation.builder().key("last-food").recordedAt(ago("15m")).instant(ago("4h")).build(),
            Attestation.builder().key("last-liquid").recordedAt(ago("15m")).instant(ago("1h")).build(),
            Attestation.builder().key("last-nasal-corticosteroid-or-decongestant")
                .recordedAt(ago("15m")).instant(ago("3d")).build())
        .addSessions(
            session("screening", "screening-visit", ago("21d")).end(ago("21d").plus(Duration.ofHours(1))).build(),
            session("enrolment", "rems-enrolment", ago("14d")).end(ago("14d").plus(Duration.ofMinutes(30))).build(),
            dosed("induction-1", ago("7d")),
            dosed("induction-2", ago("4d")),
            session("induction-3", "induction-dose", ago("20m")).build())
        .build();
  }

  private static SessionRecord dosed(String id, Instant start) {
    return session(id, "induction-dose", start)
        .end(start.plus(Duration.ofMinutes(130)))
        .addAdministrations(
            Administration.builder().at(start.plus(Duration.ofMinutes(5))).amount(Quantity.parse("28 mg")).build(),
            Administration.builder().at(start.plus(Duration.ofMinutes(10))).amount(Quantity.parse("28 mg")).build())
        .build();
  }

  private static SessionRecord.Builder session(String id, String template, Instant start) {
    return SessionRecord.builder().id(id).template(template).start(start);
  }

  private static Attestation attestation(String key, Instant recordedAt) {
    return Attestation.builder().key(key).recordedAt(recordedAt).build();
  }

  /** {@code ago("2h")}: {@link #NOW} minus a duration written like the facts files' times. */
  private static Instant ago(String amount) {
    char unit = amount.charAt(amount.length() - 1);
    long n = Long.parseLong(amount.substring(0, amount.length() - 1));
    Duration d = switch (unit) {
      case 'm' -> Duration.ofMinutes(n);
      case 'h' -> Duration.ofHours(n);
      case 'd' -> Duration.ofDays(n);
      default -> throw new IllegalArgumentException("unit must be m, h or d: " + amount);
    };
    return NOW.minus(d);
  }
}
