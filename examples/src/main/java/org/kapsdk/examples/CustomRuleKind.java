package org.kapsdk.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.kapsdk.core.facts.Attestation;
import org.kapsdk.core.facts.PatientFacts;
import org.kapsdk.core.gate.ConditionExtension;
import org.kapsdk.core.gate.ConditionExtensions;
import org.kapsdk.core.gate.ExtensionContext;
import org.kapsdk.core.gate.ExtensionResult;
import org.kapsdk.core.gate.Finding;
import org.kapsdk.core.gate.GateRequest;
import org.kapsdk.core.gate.SafetyGate;
import org.kapsdk.core.gate.Verdict;
import org.kapsdk.core.io.FactsFiles;
import org.kapsdk.core.io.ProtocolFiles;
import org.kapsdk.core.model.Gate;
import org.kapsdk.core.model.ProtocolTemplate;

/**
 * A rule kind the closed vocabulary does not have, added by the host through the extension point:
 * the sample template's {@code BP-CRISIS-SIGNS} rule is {@code forbid: {kind: extension, name:
 * sample.hypertensive-crisis-signs}}, and {@link HypertensiveCrisisSigns} answers it from the
 * clinician's recorded check. The extension is registered for {@link java.util.ServiceLoader}
 * ({@code provides} in this module's {@code module-info.java}, and
 * {@code META-INF/services/org.kapsdk.core.gate.ConditionExtension} on the class path), so
 * {@code SafetyGate.compile(template)} finds it.
 *
 * <p>Asks the DURING_SESSION gate four times, 40 minutes into a dosing session: before anyone
 * has recorded the check, after a clinician recorded signs, after a clinician recorded none, and
 * with an extension that throws. Only the third proceeds: a check nobody recorded, and an
 * extension that fails, block like a failed rule. Sample data only.
 */
public final class CustomRuleKind {
  /** The evaluation instant, 40 minutes into the session {@code induction-3} of the facts file. */
  static final Instant AT = Instant.parse("2026-01-05T09:40:00Z");

  private CustomRuleKind() {}

  /** Runs the sample from the repository root. */
  public static void main(String[] args) {
    run(Path.of(args.length > 0 ? args[0] : "examples"), System.out);
  }

  /**
   * Runs the sample on the template, profile and facts under {@code examples}, printing each
   * verdict and the extension rule's finding; returns the four verdicts.
   */
  public static List<Verdict> run(Path examples, PrintStream out) {
    ProtocolTemplate template = ProtocolFiles.read(
        examples.resolve("templates/esketamine-trd-sample.yaml"), examples.resolve("profiles/sample-clinic.yaml"));
    // The facts file's session induction-3 started 20 minutes before its T0: 09:20 here.
    PatientFacts facts = FactsFiles.read(examples.resolve("facts/esketamine-pre-dose-ready.yaml"), AT.minus(Duration.ofMinutes(20)));

    SafetyGate gate = SafetyGate.compile(template);
    out.println("installed: " + (ConditionExtensions.fromServiceLoader().get(HypertensiveCrisisSigns.NAME).isPresent()
        ? HypertensiveCrisisSigns.NAME : "nothing"));

    List<Verdict> verdicts = new ArrayList<>();
    verdicts.add(ask(gate, facts, "no check recorded", out));
    verdicts.add(ask(gate, withCheck(facts, HypertensiveCrisisSigns.SIGNS_OBSERVED), "signs recorded", out));
    PatientFacts noSigns = withCheck(facts, HypertensiveCrisisSigns.NO_SIGNS);
    verdicts.add(ask(gate, noSigns, "no signs recorded", out));
    // An extension that breaks (a host's service is down) is taken as UNKNOWN: the rule blocks.
    SafetyGate broken = SafetyGate.compile(template, ConditionExtensions.of(new Failing()));
    verdicts.add(ask(broken, noSigns, "extension failing", out));
    return verdicts;
  }

  private static PatientFacts withCheck(PatientFacts facts, String key) {
    return PatientFacts.builder().from(facts)
        .addAttestation(Attestation.builder().key(key).recordedAt(AT.minus(Duration.ofMinutes(2))).build())
        .build();
  }

  private static Verdict ask(SafetyGate gate, PatientFacts facts, String label, PrintStream out) {
    Verdict verdict = gate.evaluate(GateRequest.builder().gate(Gate.DURING_SESSION).at(AT).facts(facts)
        .session("induction-3").build());
    Finding f = verdict.finding("BP-CRISIS-SIGNS").orElseThrow();
    out.println(label + ": " + verdict.outcome() + ", " + f.outcome() + ": " + f.message());
    return verdict;
  }

  /** Stands for a host extension whose backing service is unavailable. */
  private static final class Failing implements ConditionExtension {
    @Override
    public String name() {
      return HypertensiveCrisisSigns.NAME;
    }

    @Override
    public ExtensionResult evaluate(ExtensionContext context) {
      throw new IllegalStateException("nursing record service unavailable");
    }
  }
}
