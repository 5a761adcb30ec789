package org.kapsdk.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.kapsdk.core.facts.Administration;
import org.kapsdk.core.facts.AssessmentResult;
import org.kapsdk.core.facts.Attestation;
import org.kapsdk.core.facts.ConditionList;
import org.kapsdk.core.facts.MedicationList;
import org.kapsdk.core.facts.Observation;
import org.kapsdk.core.facts.PatientFacts;
import org.kapsdk.core.facts.PregnancyStatus;
import org.kapsdk.core.facts.SessionRecord;
import org.kapsdk.core.gate.FactUse;
import org.kapsdk.core.gate.Finding;
import org.kapsdk.core.gate.GateRequest;
import org.kapsdk.core.gate.Outcome;
import org.kapsdk.core.gate.SafetyGate;
import org.kapsdk.core.gate.Verdict;
import org.kapsdk.core.io.FactsFiles;
import org.kapsdk.core.io.ProtocolFiles;
import org.kapsdk.core.model.Code;
import org.kapsdk.core.model.Codes;
import org.kapsdk.core.model.Gate;
import org.kapsdk.core.model.Instrument;
import org.kapsdk.core.model.Quantity;
import org.kapsdk.core.model.Rule;

/**
 * What a host system's user interface does with a verdict: turn each finding that needs
 * attention into a message a nurse or prescriber can act on: how serious it is, the rule's own
 * message with the values filled in, the facts it used (or the ones that were missing or too old),
 * and whether a clinician may override it with a recorded reason. Passed and not-applicable rules
 * produce no message; the verdict's outcome decides whether the dose may go ahead.
 *
 * <p>Three pre-dose questions on the sample template: a patient whose blood pressure is high
 * (facts from {@code examples/facts/esketamine-pre-dose-high-bp.yaml}), the same patient as a host
 * builds them in code with a blood pressure reading two hours old (never used: the rule becomes
 * UNKNOWN and names what is missing), and a planned dose above the template's per-session limit.
 * Sample data, not a real patient.
 */
public final class VerdictMessages {
  /** The evaluation instant; a host passes its clock's instant, never a hidden wall clock. */
  static final Instant NOW = Instant.parse("2026-01-05T09:00:00Z");

  private static final Code SSRI = Code.of("urn:kapsdk:sample:medication", "ssri", "Sertraline");

  private VerdictMessages() {}

  /** How a message is shown. */
  public enum Level {
    /** The dose must not go ahead: a BLOCK rule failed or could not be evaluated. */
    STOP,
    /** A WARN rule failed or could not be evaluated: weigh it, then go ahead or not. */
    WARNING,
    /** An INFO rule failed: for the record. */
    NOTE,
    /** A rule failed or was unknown and a clinician overrode it. */
    OVERRIDDEN
  }

  /**
   * One message for the user interface.
   *
   * @param level how it is shown
   * @param ruleId the rule, for the audit trail and for an override
   * @param text the rule's message with the values filled in, or what was missing
   * @param facts the facts the rule used, or those that were missing or stale
   * @param overridable whether a clinician may override it with a recorded reason
   */
  public record UiMessage(Level level, String ruleId, String text, List<String> facts, boolean overridable) {
    /** One line: {@code [LEVEL] RULE: text (facts; may be overridden)}. */
    @Override
    public String toString() {
      return "[" + level + "] " + ruleId + ": " + text
          + (facts.isEmpty() ? "" : " | " + String.join("; ", facts))
          + (level == Level.OVERRIDDEN ? "" : overridable ? " | a clinician may override" : " | no override");
    }
  }

  /** Runs the sample from the repository root. */
  public static void main(String[] args) {
    run(Path.of(args.length > 0 ? args[0] : "examples"), System.out);
  }

  /**
   * Runs the sample on the template, profile and facts under {@code examples}, printing each
   * verdict and its messages; returns the three verdicts.
   */
  public static List<Verdict> run(Path examples, PrintStream out) {
    // Compile once per template version and profile, and share: evaluation is pure and thread-safe.
    SafetyGate gate = SafetyGate.compile(ProtocolFiles.read(
        examples.resolve("templates/esketamine-trd-sample.yaml"), examples.resolve("profiles/sample-clinic.yaml")));

    Verdict highBp = gate.evaluate(request(
        FactsFiles.read(examples.resolve("facts/esketamine-pre-dose-high-bp.yaml"), NOW), "56 mg"));
    print(out, "high blood pressure", highBp);
    Verdict stale = gate.evaluate(request(facts(ago("2h")), "56 mg"));
    print(out, "blood pressure taken 2 hours ago", stale);
    Verdict tooMuch = gate.evaluate(request(facts(ago("10m")), "112 mg"));
    print(out, "112 mg planned", tooMuch);
    return List.of(highBp, stale, tooMuch);
  }

  /**
   * The messages a verdict needs shown: one per finding that failed, could not be evaluated or was
   * overridden; the ones that stop the dose first, then warnings, notes and overrides, each group
   * in the template's order.
   */
  public static List<UiMessage> messages(Verdict verdict) {
    List<UiMessage> out = new ArrayList<>();
    for (Finding f : verdict.findings()) {
      Level level = level(f);
      if (level == null) {
        continue;
      }
      List<String> facts = f.outcome() == Outcome.UNKNOWN || f.evaluatedOutcome() == Outcome.UNKNOWN
          ? f.missingFacts().stream().map(m -> "missing: " + m).toList()
          : f.factsUsed().stream().map(FactUse::toString).toList();
      // A limit the gate derives from the dosing spec has no rule of its own and is never overridable.
      boolean overridable = f.rule().map(Rule::overridable).orElse(false);
      out.add(new UiMessage(level, f.ruleId(), f.message(), facts, overridable));
    }
    out.sort(Comparator.comparing(UiMessage::level));
    return out;
  }

  private static Level level(Finding f) {
    if (f.outcome() == Outcome.OVERRIDDEN) {
      return Level.OVERRIDDEN;
    }
    if (f.outcome() != Outcome.FAIL && f.outcome() != Outcome.UNKNOWN) {
      return null;
    }
    return switch (f.severity()) {
      case BLOCK -> Level.STOP;
      case WARN -> Level.WARNING;
      case INFO -> Level.NOTE;
    };
  }

  private static GateRequest request(PatientFacts facts, String plannedDose) {
    return GateRequest.builder()
        .gate(Gate.PRE_DOSE)
        .at(NOW)
        .facts(facts)
        .session("induction-3")
        .plannedDose(Quantity.parse(plannedDose))
        .build();
  }

  private static void print(PrintStream out, String label, Verdict verdict) {
    out.println(label + ": " + verdict.outcome());
    for (UiMessage m : messages(verdict)) {
      out.println("  " + m);
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
