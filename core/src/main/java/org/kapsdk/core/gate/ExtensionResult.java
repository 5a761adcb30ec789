package org.kapsdk.core.gate;

import java.util.List;
import java.util.Objects;

/** What an extension found: a truth value, the facts it used as text, and what was missing. */
public final class ExtensionResult {
  private final Truth truth;
  private final List<String> used;
  private final List<String> missing;

  private ExtensionResult(Truth truth, List<String> used, List<String> missing) {
    this.truth = Objects.requireNonNull(truth, "truth");
    this.used = List.copyOf(used);
    this.missing = List.copyOf(missing);
  }

  /** The condition holds or does not, having read the given facts (as text, for the finding). */
  public static ExtensionResult known(boolean holds, String... factsUsed) {
    return new ExtensionResult(Truth.of(holds), List.of(factsUsed), List.of());
  }

  /** The condition cannot be evaluated because these facts are missing, stale or unusable. */
  public static ExtensionResult unknown(String... missingFacts) {
    if (missingFacts.length == 0) {
      throw new IllegalArgumentException("an unknown result must name what is missing");
    }
    return new ExtensionResult(Truth.UNKNOWN, List.of(), List.of(missingFacts));
  }

  /** The truth value. */
  public Truth truth() {
    return truth;
  }

  /** The facts used, as text. */
  public List<String> factsUsed() {
    return used;
  }

  /** The facts missing, as text. */
  public List<String> missingFacts() {
    return missing;
  }
}
