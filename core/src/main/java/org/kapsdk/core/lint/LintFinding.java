package org.kapsdk.core.lint;

import org.immutables.value.Value;

/**
 * One finding of the linter: the lint rule's stable id and severity, where in the template it is
 * (a path in the notation of structural problems, such as {@code phases[1].sessions[0].monitoring}),
 * what is wrong and why it matters, and how to fix it. Message and fix are single lines.
 */
@Value.Immutable
public sealed interface LintFinding permits ImmutableLintFinding {

  /** The lint rule's id, for example {@code KAP-L007}; stable across releases. */
  String id();

  /** The lint rule's severity. */
  LintSeverity severity();

  /** Where in the template the finding is; empty for the template as a whole. */
  String path();

  /** What is wrong and why it matters, as one lower-case line without a trailing period. */
  String message();

  /** How to fix it, as one lower-case line without a trailing period. */
  String fix();

  /** A finding. */
  static LintFinding of(String id, LintSeverity severity, String path, String message, String fix) {
    return builder().id(id).severity(severity).path(path).message(message).fix(fix).build();
  }

  /** Checks that message and fix are single, non-blank lines: a finding is printed as one line. */
  @Value.Check
  default void checkOneLine() {
    for (String text : new String[] {message(), fix(), path()}) {
      if (!text.equals(Texts.oneLine(text))) {
        throw new IllegalArgumentException("a lint finding's path, message and fix must not contain line breaks or control characters");
      }
    }
    if (message().isBlank() || fix().isBlank()) {
      throw new IllegalArgumentException("a lint finding's message and fix must not be blank");
    }
  }

  /** {@code SEVERITY id: path: message (fix: …)}, the path left out when empty. */
  default String describe() {
    return severity() + " " + id() + ": " + (path().isEmpty() ? "" : path() + ": ") + message() + " (fix: " + fix() + ")";
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link LintFinding}. */
  final class Builder extends ImmutableLintFinding.Builder {
    public Builder() {}
  }
}
