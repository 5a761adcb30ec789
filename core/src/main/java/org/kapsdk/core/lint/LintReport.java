package org.kapsdk.core.lint;

import java.util.List;
import org.immutables.value.Value;

/**
 * What the linter found in one template: every finding, sorted by path (field names
 * alphabetically, list indexes by number), then by id, then by message. Empty when the template
 * is clean.
 */
@Value.Immutable
public sealed interface LintReport permits ImmutableLintReport {

  /** The findings, sorted. */
  List<LintFinding> findings();

  /** Whether any finding is an {@link LintSeverity#ERROR}. */
  default boolean hasErrors() {
    return count(LintSeverity.ERROR) > 0;
  }

  /** Whether there are no findings at all. */
  default boolean isClean() {
    return findings().isEmpty();
  }

  /** How many findings have the severity. */
  default int count(LintSeverity severity) {
    return (int) findings().stream().filter(f -> f.severity() == severity).count();
  }

  /** The findings of one lint rule, in report order. */
  default List<LintFinding> findings(String id) {
    return findings().stream().filter(f -> f.id().equals(id)).toList();
  }

  /** A report of the given findings, sorted. */
  static LintReport of(List<LintFinding> findings) {
    return ImmutableLintReport.builder().findings(findings.stream().sorted(FindingOrder.INSTANCE).toList()).build();
  }
}
