package org.kapsdk.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import org.kapsdk.core.facts.PatientFacts;
import org.kapsdk.core.gate.Finding;
import org.kapsdk.core.gate.GateRequest;
import org.kapsdk.core.gate.SafetyGate;
import org.kapsdk.core.gate.Verdict;
import org.kapsdk.core.io.FactsFiles;
import org.kapsdk.core.model.Gate;
import org.kapsdk.core.model.Quantity;
import org.kapsdk.protocols.BuiltInProtocol;

/**
 * The README's ten-line embedding example, compiled and run by a test that also checks the
 * README shows exactly these lines (between the {@code README} markers), so the first code a
 * developer copies cannot rot.
 */
public final class EmbeddingInTenLines {
  private EmbeddingInTenLines() {}

  /** Runs the example from the repository root. */
  public static void main(String[] args) {
    run(Path.of("examples"), System.out);
  }

  /** Asks the pre-dose gate for the sample patient with high blood pressure; returns the verdict. */
  public static Verdict run(Path examples, PrintStream out) {
    Instant now = Instant.parse("2026-01-05T09:00:00Z");
    // README:begin
    Path profile = examples.resolve("profiles/esketamine-trd-us-clinic.yaml");    // the clinic's values
    var template = BuiltInProtocol.ESKETAMINE_TRD_US.template(profile);  // refused if a value is unset
    SafetyGate gate = SafetyGate.compile(template);                      // once; thread-safe after
    PatientFacts facts = FactsFiles.read(examples.resolve("facts/esketamine-pre-dose-high-bp.yaml"), now);
    Verdict verdict = gate.evaluate(GateRequest.builder().gate(Gate.PRE_DOSE).at(now).facts(facts)
        .session("induction-3").plannedDose(Quantity.parse("56 mg")).build());
    out.println(verdict.outcome());                                      // BLOCKED
    for (Finding f : verdict.blockingFindings()) {
      out.println(f.ruleId() + ": " + f.message() + " [" + f.evidence().get(0).key() + "]");
    }
    // README:end
    return verdict;
  }
}
