package org.kapsdk.cli;

import org.kapsdk.core.facts.Attestation;
import org.kapsdk.core.gate.ConditionExtension;
import org.kapsdk.core.gate.ExtensionContext;
import org.kapsdk.core.gate.ExtensionResult;

/**
 * A host extension for the {@code --extensions} tests, deliberately not registered in this
 * module's own {@code META-INF/services}: only {@code src/test/resources/extensions/flag/}
 * registers it, so it is found only when that directory is given to {@code --extensions}.
 * Holds when the facts attest {@code flag-raised}, does not when they attest {@code
 * flag-cleared}, and is UNKNOWN otherwise.
 */
public final class FlagExtension implements ConditionExtension {
  @Override
  public String name() {
    return "test.flag";
  }

  @Override
  public ExtensionResult evaluate(ExtensionContext context) {
    for (Attestation a : context.facts().attestations()) {
      if (a.key().equals("flag-raised")) {
        return ExtensionResult.known(true, "flag raised");
      }
      if (a.key().equals("flag-cleared")) {
        return ExtensionResult.known(false, "flag cleared");
      }
    }
    return ExtensionResult.unknown("the host's flag statement");
  }

  /** Another extension, {@code test.other}, registered under {@code extensions/other/}. */
  public static final class Other implements ConditionExtension {
    @Override
    public String name() {
      return "test.other";
    }

    @Override
    public ExtensionResult evaluate(ExtensionContext context) {
      return ExtensionResult.unknown("nothing; no fixture template uses it");
    }
  }

  /** A second extension named {@code test.flag}, to prove that a clash of names is refused. */
  public static final class Twin implements ConditionExtension {
    @Override
    public String name() {
      return "test.flag";
    }

    @Override
    public ExtensionResult evaluate(ExtensionContext context) {
      return ExtensionResult.known(false, "never called");
    }
  }
}
