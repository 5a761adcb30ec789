package org.kapsdk.core.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.kapsdk.core.model.ProtocolTemplate;

/** A lint rule of the registry: its id, severity and title, and a check over a {@link TemplateIndex}. */
final class BuiltInRule implements LintRule {
  /** The check: reads the index, reports through the sink. */
  @FunctionalInterface
  interface Check {
    void run(TemplateIndex index, Sink sink);
  }

  /** Collects one rule's findings: the id and severity are the rule's. */
  static final class Sink {
    private final BuiltInRule rule;
    private final List<LintFinding> findings = new ArrayList<>();

    Sink(BuiltInRule rule) {
      this.rule = rule;
    }

    void add(String path, String message, String fix) {
      findings.add(LintFinding.of(rule.id, rule.severity, path, Texts.oneLine(message), Texts.oneLine(fix)));
    }
  }

  private final String id;
  private final LintSeverity severity;
  private final String title;
  private final Check check;

  BuiltInRule(String id, LintSeverity severity, String title, Check check) {
    this.id = Objects.requireNonNull(id);
    this.severity = Objects.requireNonNull(severity);
    this.title = Objects.requireNonNull(title);
    this.check = Objects.requireNonNull(check);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public LintSeverity severity() {
    return severity;
  }

  @Override
  public String title() {
    return title;
  }

  @Override
  public List<LintFinding> check(ProtocolTemplate template) {
    return check(TemplateIndex.of(template));
  }

  List<LintFinding> check(TemplateIndex index) {
    Sink sink = new Sink(this);
    check.run(index, sink);
    return List.copyOf(sink.findings);
  }

  @Override
  public String toString() {
    return id + " " + severity + " " + title;
  }
}
