package org.kapsdk.core.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.kapsdk.core.model.ProtocolTemplate;

class LinterTest {

  @Test
  void cleanFixture_hasNoFindings() {
    LintReport report = Linter.lint(LintFixtures.template().build());

    assertThat(report.findings()).isEmpty();
    assertThat(report.isClean()).isTrue();
    assertThat(report.hasErrors()).isFalse();
  }

  @Test
  void registry_hasSequentialStableIdsWithTitles() {
    List<LintRule> rules = Linter.rules();

    assertThat(rules).hasSize(27);
    for (int i = 0; i < rules.size(); i++) {
      assertThat(rules.get(i).id()).isEqualTo(String.format(java.util.Locale.ROOT, "KAP-L%03d", i + 1));
      assertThat(rules.get(i).title()).isNotBlank().doesNotEndWith(".");
      assertThat(Linter.rule(rules.get(i).id())).contains(rules.get(i));
    }
    assertThat(Linter.rule("KAP-L999")).isEmpty();
  }

  @Test
  void lint_isDeterministic() {
    ProtocolTemplate broken = LintFixtures.withDosing(s -> s.monitoring(java.util.Optional.empty()).duration(LintFixtures.d("1 h")));

    assertThat(Linter.lint(broken)).isEqualTo(Linter.lint(broken));
  }

  @Test
  void findings_areSortedByPathSegmentsThenId() {
    List<String> paths = List.of("phases[10].sessions[0]", "phases[2].sessions[1].rules", "phases[2].sessions[1]", "", "outcomes[0]",
        "phases[2]", "rules[3]", "rules[12]", "phases[2].sessions[1].dosing");
    List<LintFinding> findings = new java.util.ArrayList<>();
    for (String p : paths) {
      findings.add(LintFinding.of("KAP-L002", LintSeverity.ERROR, p, "m", "f"));
      findings.add(LintFinding.of("KAP-L001", LintSeverity.ERROR, p, "m", "f"));
    }

    LintReport report = LintReport.of(findings);

    assertThat(report.findings()).extracting(LintFinding::path).containsExactly(
        "", "", "outcomes[0]", "outcomes[0]", "phases[2]", "phases[2]", "phases[2].sessions[1]", "phases[2].sessions[1]",
        "phases[2].sessions[1].dosing", "phases[2].sessions[1].dosing", "phases[2].sessions[1].rules",
        "phases[2].sessions[1].rules", "phases[10].sessions[0]", "phases[10].sessions[0]", "rules[3]", "rules[3]",
        "rules[12]", "rules[12]");
    assertThat(report.findings().subList(0, 2)).extracting(LintFinding::id).containsExactly("KAP-L001", "KAP-L002");
  }

  @Test
  void finding_describesItselfOnOneLine() {
    LintFinding f = LintFinding.of("KAP-L007", LintSeverity.ERROR, "phases[1].sessions[0].monitoring", "no plan", "add one");
    LintFinding root = LintFinding.of("KAP-L001", LintSeverity.ERROR, "", "no rule", "add one");

    assertThat(f.describe()).isEqualTo("ERROR KAP-L007: phases[1].sessions[0].monitoring: no plan (fix: add one)");
    assertThat(root.describe()).isEqualTo("ERROR KAP-L001: no rule (fix: add one)");
    assertThatThrownBy(() -> LintFinding.of("KAP-L001", LintSeverity.ERROR, "", "two\nlines", "fix"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LintFinding.of("KAP-L001", LintSeverity.ERROR, "", " ", "fix"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void report_countsBySeverity() {
    LintReport report = LintReport.of(List.of(
        LintFinding.of("KAP-L013", LintSeverity.WARNING, "a", "m", "f"),
        LintFinding.of("KAP-L011", LintSeverity.INFO, "b", "m", "f"),
        LintFinding.of("KAP-L026", LintSeverity.WARNING, "c", "m", "f")));

    assertThat(report.count(LintSeverity.ERROR)).isZero();
    assertThat(report.count(LintSeverity.WARNING)).isEqualTo(2);
    assertThat(report.count(LintSeverity.INFO)).isEqualTo(1);
    assertThat(report.hasErrors()).isFalse();
    assertThat(report.isClean()).isFalse();
  }

  @Test
  void messagesAndFixes_ofEveryRuleAreSentencesWithoutTrailingPeriod() {
    Pattern lowerStart = Pattern.compile("^[a-z0-9(].*");
    LintReport report = Linter.lint(LintFixtures.withDosing(s -> s.monitoring(java.util.Optional.empty())
        .integrationSteps(List.of()).duration(LintFixtures.d("1 h"))));

    assertThat(report.findings()).isNotEmpty().allSatisfy(f -> {
      assertThat(f.message()).doesNotEndWith(".");
      assertThat(f.fix()).matches(lowerStart).doesNotEndWith(".");
    });
  }
}
