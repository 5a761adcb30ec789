package org.kapsdk.core.lint;

import java.util.List;
import org.kapsdk.core.model.ProtocolTemplate;

/**
 * One lint rule: a stable id, a severity, a one-line title, and the check itself. The rules
 * are a closed list ({@link Linter#rules()}), like the condition kinds: an id must mean the same
 * thing to every reader of a report, so hosts cannot add rules under the SDK's ids.
 */
public sealed interface LintRule permits BuiltInRule {

  /** The stable id, {@code KAP-L} and three digits; never reused for another meaning. */
  String id();

  /** The severity of every finding of this rule. */
  LintSeverity severity();

  /** What the rule looks for, in one line, for documentation and {@code --help}. */
  String title();

  /**
   * The findings of this rule in a structurally valid template, in no particular order; never
   * throws on such a template.
   */
  List<LintFinding> check(ProtocolTemplate template);
}
