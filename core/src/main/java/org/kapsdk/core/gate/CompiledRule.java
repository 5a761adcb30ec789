package org.kapsdk.core.gate;

import java.util.List;
import java.util.Set;
import org.kapsdk.core.model.Evidence;
import org.kapsdk.core.model.Gate;
import org.kapsdk.core.model.Rule;
import org.kapsdk.core.model.Severity;

/** A rule ready to evaluate: its compiled condition, resolved evidence and scope. Immutable. */
final class CompiledRule {
  private final String id;
  private final Rule source;
  private final Severity severity;
  private final Gate gate;
  private final String messageTemplate;
  private final List<Evidence> evidence;
  private final boolean overridable;
  private final Set<String> phases;
  private final String sessionTemplate;
  private final boolean forbid;
  private final Nodes.Node node;
  private final String threshold;
  private final String thresholdValue;

  CompiledRule(String id, Rule source, Severity severity, Gate gate, String messageTemplate,
      List<Evidence> evidence, boolean overridable, Set<String> phases, String sessionTemplate,
      boolean forbid, Nodes.Node node) {
    this.id = id;
    this.source = source;
    this.severity = severity;
    this.gate = gate;
    this.messageTemplate = messageTemplate;
    this.evidence = List.copyOf(evidence);
    this.overridable = overridable;
    this.phases = Set.copyOf(phases);
    this.sessionTemplate = sessionTemplate;
    this.forbid = forbid;
    this.node = node;
    this.threshold = (forbid ? "must not hold: " : "must hold: ") + node.describe();
    this.thresholdValue = node.thresholdValue();
  }

  static CompiledRule of(Rule rule, List<Evidence> evidence, String sessionTemplate) {
    boolean forbid = rule.forbid().isPresent();
    return new CompiledRule(rule.id(), rule, rule.severity(), rule.gate(), rule.message(), evidence,
        rule.overridable(), Set.copyOf(rule.phases()), sessionTemplate, forbid,
        Nodes.compile(forbid ? rule.forbid().get() : rule.require().orElseThrow()));
  }

  /** Evaluates this rule into an outcome, recording facts in the trace. */
  Outcome evaluate(EvalContext ctx, Trace trace) {
    if (!phases.isEmpty() && (ctx.phaseId() == null || !phases.contains(ctx.phaseId()))) {
      return Outcome.NOT_APPLICABLE;
    }
    Truth t = node.eval(ctx, trace);
    if (t == Truth.UNKNOWN) {
      return Outcome.UNKNOWN;
    }
    boolean holds = t == Truth.TRUE;
    return holds != forbid ? Outcome.PASS : Outcome.FAIL;
  }

  String id() {
    return id;
  }

  Rule source() {
    return source;
  }

  Severity severity() {
    return severity;
  }

  Gate gate() {
    return gate;
  }

  String messageTemplate() {
    return messageTemplate;
  }

  List<Evidence> evidence() {
    return evidence;
  }

  boolean overridable() {
    return overridable;
  }

  /** The session template this rule belongs to, or null for template-level rules. */
  String sessionTemplate() {
    return sessionTemplate;
  }

  String threshold() {
    return threshold;
  }

  String thresholdValue() {
    return thresholdValue;
  }
}
