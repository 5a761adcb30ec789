package org.kapsdk.core.scenario;

import java.util.List;

/** The results of one scenario file: each scenario's result and the protocol's rule coverage. */
public final class SuiteResult {
  private final String source;
  private final String protocolId;
  private final List<ScenarioResult> results;
  private final Coverage coverage;

  SuiteResult(String source, String protocolId, List<ScenarioResult> results, Coverage coverage) {
    this.source = source;
    this.protocolId = protocolId;
    this.results = List.copyOf(results);
    this.coverage = coverage;
  }

  /** The scenario file. */
  public String source() {
    return source;
  }

  /** The id of the protocol under test. */
  public String protocolId() {
    return protocolId;
  }

  /** One result per scenario, in file order. */
  public List<ScenarioResult> results() {
    return results;
  }

  /** Whether every scenario passed. */
  public boolean passed() {
    return results.stream().allMatch(ScenarioResult::passed);
  }

  /** Which outcomes this file's scenarios exercised per rule. */
  public Coverage coverage() {
    return coverage;
  }
}
