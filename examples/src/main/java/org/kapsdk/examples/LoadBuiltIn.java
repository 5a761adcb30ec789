package org.kapsdk.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import org.kapsdk.core.gate.SafetyGate;
import org.kapsdk.core.io.DocumentFormat;
import org.kapsdk.core.io.ProfileFiles;
import org.kapsdk.core.io.ProtocolFiles;
import org.kapsdk.core.io.UnsetParametersException;
import org.kapsdk.core.model.Parameter;
import org.kapsdk.core.model.ParameterValue;
import org.kapsdk.core.model.ProtocolTemplate;
import org.kapsdk.core.model.ResolvedProtocol;
import org.kapsdk.protocols.BuiltInProtocol;

/**
 * What a host system does once per clinic and protocol version: take a built-in protocol, resolve
 * it with the clinic's profile (the values the protocol leaves to the clinic), and compile its
 * safety gate. First it shows what happens without a profile: the protocol is refused, and the
 * refusal lists every parameter still to set, so a host can tell its administrator what to fill
 * in instead of running on guessed values.
 */
public final class LoadBuiltIn {
  private LoadBuiltIn() {}

  /** Runs the sample from the repository root with the sample clinic's profile. */
  public static void main(String[] args) {
    run(BuiltInProtocol.ESKETAMINE_TRD_US,
        Path.of(args.length > 0 ? args[0] : "examples/profiles/esketamine-trd-us-clinic.yaml"), System.out);
  }

  /**
   * Resolves the built-in protocol with the profile file, printing to the given stream; returns
   * the resolved protocol.
   *
   * @throws org.kapsdk.core.validation.ValidationException when the profile cannot be read or
   *     does not fit the protocol (file, line and what was expected)
   */
  public static ResolvedProtocol run(BuiltInProtocol builtIn, Path profileFile, PrintStream out) {
    out.println(builtIn.id() + " " + builtIn.outline().version() + ": " + builtIn.outline().title());

    try {
      ProtocolFiles.read(builtIn.text(), DocumentFormat.YAML, builtIn.sourceName());
      out.println("without a profile: accepted, every value has a default");
    } catch (UnsetParametersException e) {
      out.println("without a profile: refused, " + e.unset().size() + " parameters to set");
      for (Parameter p : e.unset()) {
        out.println("  " + p.name() + " (" + p.type() + p.unit().map(u -> ", " + u.symbol()).orElse("") + "): "
            + p.description());
      }
    }

    // The profile as a file, so a wrong value is reported at its line in the clinic's file.
    ResolvedProtocol resolved = builtIn.resolve(profileFile);
    out.println("with the profile of " + ProfileFiles.read(profileFile).clinic() + ":");
    for (ParameterValue v : resolved.values()) {
      out.println("  " + v.name() + " = " + v.value() + " (" + v.origin() + ")");
    }

    // Compile once per protocol version and profile, then share: evaluation is thread-safe.
    ProtocolTemplate template = resolved.template();
    SafetyGate gate = SafetyGate.compile(template);
    out.println("compiled: " + template.phases().size() + " phases, " + gate.ruleSeverities().size()
        + " rules at the gates");
    return resolved;
  }
}
