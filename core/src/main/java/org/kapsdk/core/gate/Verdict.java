package org.kapsdk.core.gate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.kapsdk.core.model.Gate;
import org.kapsdk.core.model.Severity;

/** The safety gate's answer: PROCEED, PROCEED_WITH_WARNINGS or BLOCKED, with one finding per rule. */
public final class Verdict {
  private final Gate gate;
  private final Instant at;
  private final VerdictOutcome outcome;
  private final List<Finding> findings;
  private final String templateId;
  private final String templateVersion;

  Verdict(Gate gate, Instant at, List<Finding> findings, String templateId, String templateVersion) {
    this.gate = gate;
    this.at = at;
    this.findings = findings;
    this.templateId = templateId;
    this.templateVersion = templateVersion;
    this.outcome = decide(findings);
  }

  private static VerdictOutcome decide(List<Finding> findings) {
    boolean warn = false;
    for (Finding f : findings) {
      if (f.isBlocking()) {
        return VerdictOutcome.BLOCKED;
      }
      if (f.outcome() == Outcome.OVERRIDDEN
          || (f.severity() == Severity.WARN && (f.outcome() == Outcome.FAIL || f.outcome() == Outcome.UNKNOWN))) {
        warn = true;
      }
    }
    return warn ? VerdictOutcome.PROCEED_WITH_WARNINGS : VerdictOutcome.PROCEED;
  }

  /** The gate evaluated. */
  public Gate gate() {
    return gate;
  }

  /** The evaluation instant. */
  public Instant at() {
    return at;
  }

  /** The answer. */
  public VerdictOutcome outcome() {
    return outcome;
  }

  /** One finding per rule evaluated, in template order. */
  public List<Finding> findings() {
    return findings;
  }

  /** The finding of the rule with the given id. */
  public Optional<Finding> finding(String ruleId) {
    for (Finding f : findings) {
      if (f.ruleId().equals(ruleId)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /** The findings that block: BLOCK rules that failed or were unknown and not overridden. */
  public List<Finding> blockingFindings() {
    return findings.stream().filter(Finding::isBlocking).toList();
  }

  /** The id of the template evaluated. */
  public String templateId() {
    return templateId;
  }

  /** The version of the template evaluated. */
  public String templateVersion() {
    return templateVersion;
  }

  /** {@code GATE OUTCOME} and one line per finding that is not a pass. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(gate + " " + outcome);
    for (Finding f : findings) {
      if (f.outcome() != Outcome.PASS) {
        out.append("\n  ").append(f);
      }
    }
    return out.toString();
  }
}
