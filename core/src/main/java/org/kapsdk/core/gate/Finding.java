package org.kapsdk.core.gate;

import java.util.List;
import java.util.Optional;
import org.kapsdk.core.model.Evidence;
import org.kapsdk.core.model.Gate;
import org.kapsdk.core.model.Rule;
import org.kapsdk.core.model.Severity;

/**
 * The result of one rule in one evaluation: the outcome, the facts used (or missing), the
 * threshold, the rule's message with the values filled in, and the evidence behind the rule.
 */
public final class Finding {
  private final CompiledRule rule;
  private final Outcome outcome;
  private final Outcome evaluated;
  private final List<FactUse> used;
  private final List<String> missing;
  private final java.time.Duration elapsed;
  private final Object value;
  private final ClinicianOverride override;
  private volatile String message;

  Finding(CompiledRule rule, Outcome outcome, Outcome evaluated, List<FactUse> used, List<String> missing,
      java.time.Duration elapsed, Object value, ClinicianOverride override) {
    this.rule = rule;
    this.outcome = outcome;
    this.evaluated = evaluated;
    this.used = used;
    this.missing = missing;
    this.elapsed = elapsed;
    this.value = value;
    this.override = override;
  }

  /** The rule's id. */
  public String ruleId() {
    return rule.id();
  }

  /** The rule as the template states it; empty for a limit the gate derived from a dosing spec. */
  public Optional<Rule> rule() {
    return Optional.ofNullable(rule.source());
  }

  /** The rule's severity. */
  public Severity severity() {
    return rule.severity();
  }

  /** The gate the rule belongs to. */
  public Gate gate() {
    return rule.gate();
  }

  /** The outcome, OVERRIDDEN when a clinician overrode a FAIL or UNKNOWN. */
  public Outcome outcome() {
    return outcome;
  }

  /** The outcome before any override: equal to {@link #outcome()} unless it is OVERRIDDEN. */
  public Outcome evaluatedOutcome() {
    return evaluated;
  }

  /** Whether this finding stops the verdict: a BLOCK rule that failed or was unknown, not overridden. */
  public boolean isBlocking() {
    return rule.severity() == Severity.BLOCK && (outcome == Outcome.FAIL || outcome == Outcome.UNKNOWN);
  }

  /** The facts the rule read, in the order it read them. */
  public List<FactUse> factsUsed() {
    return used;
  }

  /** The facts that were missing, stale or unusable; empty unless the outcome was UNKNOWN. */
  public List<String> missingFacts() {
    return missing;
  }

  /** The threshold in words, for example {@code Systolic blood pressure > 140 mmHg, measured within 1 h}. */
  public String threshold() {
    return rule.threshold();
  }

  /**
   * What this finding means, in plain language. For a failure (overridden or not) it is the
   * rule's own message with {@code {value}}, {@code {threshold}} and the other placeholders filled
   * in. For UNKNOWN it says what was missing or stale and what the rule checks, never a message
   * written for a measured value. For PASS and NOT_APPLICABLE it says so and names the facts used.
   */
  public String message() {
    String m = message;
    if (m == null) {
      m = render();
      message = m;
    }
    return m;
  }

  private String render() {
    switch (evaluated) {
      case FAIL:
        return Messages.fill(rule.messageTemplate(), this,
            elapsed == null ? null : org.kapsdk.core.internal.DurationText.format(elapsed));
      case UNKNOWN:
        return "Cannot be evaluated, missing: " + String.join("; ", missing) + ". The rule checks that it "
            + rule.threshold().replace("must hold: ", "holds: ").replace("must not hold: ", "does not hold: ");
      case PASS:
        return used.isEmpty() ? "Passed" : "Passed: " + used.stream().map(FactUse::toString)
            .collect(java.util.stream.Collectors.joining("; "));
      case NOT_APPLICABLE:
        return "Not applicable in this phase";
      default:
        throw new AssertionError(evaluated);
    }
  }

  /** The value the message's {value} shows: a summed dose, else the facts used. */
  String primaryValue() {
    if (value != null) {
      return String.valueOf(value);
    }
    if (used.isEmpty()) {
      return "(unknown)";
    }
    List<FactUse> facts = used.size() == 1 ? used : used.stream().distinct().toList();
    if (facts.size() == 1) {
      return facts.get(0).value();
    }
    // Several facts (a composite rule, a trend): show each with its name, so that a message
    // never shows the one reading that was fine as if it had failed the rule.
    return facts.stream().map(u -> u.label() + " " + u.value())
        .collect(java.util.stream.Collectors.joining(", "));
  }

  String thresholdValue() {
    return rule.thresholdValue();
  }

  /** The evidence entries the rule cites. */
  public List<Evidence> evidence() {
    return rule.evidence();
  }

  /** The override that applied, when the outcome is OVERRIDDEN. */
  public Optional<ClinicianOverride> override() {
    return Optional.ofNullable(override);
  }

  /** {@code RULE-ID OUTCOME: message}. */
  @Override
  public String toString() {
    return ruleId() + " " + outcome + ": " + message();
  }
}
