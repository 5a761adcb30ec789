package org.kapsdk.core.lint;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import org.kapsdk.core.io.RandomTemplates;
import org.kapsdk.core.model.ProtocolTemplate;

/**
 * The linter over random, structurally valid templates: it never throws, gives equal reports for
 * equal templates, keeps its order, and every finding comes from a registered rule with that
 * rule's severity, on one line.
 */
class LinterProperties {

  @Provide
  Arbitrary<ProtocolTemplate> templates() {
    return Arbitraries.randomValue(RandomTemplates::template);
  }

  @Property(tries = 300, shrinking = ShrinkingMode.OFF)
  void lint_neverThrows_isDeterministic_andSorted(@ForAll("templates") ProtocolTemplate template) {
    LintReport report = Linter.lint(template);

    assertThat(Linter.lint(template)).isEqualTo(report);
    assertThat(report.findings()).isSortedAccordingTo(FindingOrder.INSTANCE);
    assertThat(report.findings()).allSatisfy(f -> {
      LintRule rule = Linter.rule(f.id()).orElseThrow();
      assertThat(f.severity()).isEqualTo(rule.severity());
      assertThat(f.describe()).doesNotContain("\n", "\r");
    });
  }
}
