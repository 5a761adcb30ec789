package org.kapsdk.core.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.kapsdk.core.io.ProtocolFiles;

/**
 * The sample template in {@code examples/templates} lints without an ERROR. Its one finding is
 * true and documented in {@code examples/README.md}: the BLOCK rule on signs of a hypertensive
 * crisis cites the placeholder evidence PI-HTN-CRISIS, whose label wording the clinical reference
 * could not confirm.
 */
class SampleTemplateLintTest {
  private static final Path SAMPLE = Path.of("..", "examples", "templates", "esketamine-trd-sample.yaml");
  private static final Path PROFILE = Path.of("..", "examples", "profiles", "sample-clinic.yaml");

  @Test
  void sample_hasNoErrors_andOnlyTheDocumentedWarning() {
    LintReport report = Linter.lint(ProtocolFiles.read(SAMPLE, PROFILE));

    assertThat(report.hasErrors()).isFalse();
    assertThat(report.findings()).extracting(LintFinding::severity, LintFinding::id, LintFinding::path, LintFinding::message)
        .containsExactly(tuple(LintSeverity.WARNING, "KAP-L026", "rules[20].evidence[0]",
            "BLOCK rule BP-CRISIS-SIGNS cites evidence PI-HTN-CRISIS, which is not confirmed: a hard stop rests on a placeholder"
                + " source"));
  }
}
