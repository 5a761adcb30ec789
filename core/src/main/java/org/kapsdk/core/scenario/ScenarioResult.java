package org.kapsdk.core.scenario;

import java.util.List;
import java.util.Optional;
import org.kapsdk.core.gate.Verdict;

/** How one scenario went: passed or not, and every difference between expected and actual. */
public final class ScenarioResult {
  private final String name;
  private final List<String> mismatches;
  private final Verdict verdict;
  private final String rejection;

  ScenarioResult(String name, List<String> mismatches, Verdict verdict, String rejection) {
    this.name = name;
    this.mismatches = List.copyOf(mismatches);
    this.verdict = verdict;
    this.rejection = rejection;
  }

  /** The scenario's name. */
  public String name() {
    return name;
  }

  /** Whether everything expected happened. */
  public boolean passed() {
    return mismatches.isEmpty();
  }

  /**
   * Each difference as a line such as {@code rule BP-PRE-01: expected FAIL, got PASS (Passed:
   * Systolic blood pressure 128 mmHg)}; empty when the scenario passed.
   */
  public List<String> mismatches() {
    return mismatches;
  }

  /** The verdict, unless the request was rejected. */
  public Optional<Verdict> verdict() {
    return Optional.ofNullable(verdict);
  }

  /** The rejection message, when the gate refused the request. */
  public Optional<String> rejection() {
    return Optional.ofNullable(rejection);
  }
}
