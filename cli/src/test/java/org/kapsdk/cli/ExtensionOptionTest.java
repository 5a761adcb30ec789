package org.kapsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kapsdk.cli.Cli.kapsdk;
import static org.kapsdk.cli.Cli.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --extensions}: host condition extensions loaded from a class directory or jar, for
 * {@code check} and {@code test}. {@link FlagExtension} lives on the test class path but is
 * registered only under {@code extensions/flag/}, so it counts only when that path is given.
 */
class ExtensionOptionTest {
  static final String FLAG = resource("extensions", "flag");
  static final String OTHER = resource("extensions", "other");
  static final String NONE = resource("extensions", "none");
  static final String BROKEN = resource("extensions", "broken");
  static final String TEMPLATE = resource("extensions", "template.yaml");
  static final String SCENARIOS = resource("extensions", "scenarios.yaml");
  static final String FACTS_CLEARED = resource("extensions", "facts-cleared.yaml");
  static final String AT = "2026-01-05T09:00:00Z";

  @Test
  void test_withExtensionDirectory_runsTheHostRuleAndPasses() {
    Cli run = kapsdk("test", SCENARIOS, "--extensions", FLAG);

    assertThat(run.err()).isEmpty();
    assertThat(run.outLines())
        .containsExactly(
            "PASS " + SCENARIOS + "  protocol cli-extension: 3 scenarios passed",
            "  PASS a cleared flag proceeds",
            "  PASS a raised flag blocks",
            "  PASS no flag statement blocks",
            "3 passed, 0 failed");
    assertThat(run.exitCode()).isEqualTo(0);
  }

  @Test
  void test_withoutExtensions_hostRuleIsUnknownSoScenariosExpectingAnAnswerFail() {
    Cli run = kapsdk("test", SCENARIOS);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains("  FAIL a cleared flag proceeds")
        .contains("rule HOST-FLAG: expected PASS, got UNKNOWN")
        .contains("extension 'test.flag' (not installed)")
        .contains("  PASS no flag statement blocks")
        .contains("1 passed, 2 failed");
  }

  @Test
  void test_extensionsFromAJar_areLoaded(@TempDir Path dir) throws IOException {
    Path jar = dir.resolve("host-extensions.jar");
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file)) {
      out.putNextEntry(new JarEntry(ExtensionOption.SERVICE_FILE));
      out.write("# the host's checks\norg.kapsdk.cli.FlagExtension\n".getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }

    Cli run = kapsdk("test", SCENARIOS, "--extensions", jar.toString());

    assertThat(run.outLines()).last().isEqualTo("3 passed, 0 failed");
    assertThat(run.exitCode()).isEqualTo(0);
  }

  @Test
  void test_severalPathsSeparatedByColon_areAllLoaded() {
    Cli run = kapsdk("test", SCENARIOS, "--extensions", OTHER + File.pathSeparator + FLAG);

    assertThat(run.err()).isEmpty();
    assertThat(run.outLines()).last().isEqualTo("3 passed, 0 failed");
    assertThat(run.exitCode()).isEqualTo(0);
  }

  @Test
  void test_pathRegisteringNothing_isRejectedEvenNextToAGoodPath() {
    Cli run = kapsdk("test", SCENARIOS, "--extensions", NONE + File.pathSeparator + FLAG);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines())
        .containsExactly(
            NONE + ": registers no condition extension: expected the file "
                + ExtensionOption.SERVICE_FILE + " in this directory");
  }

  @Test
  void test_sameExtensionRegisteredTwice_isRejected(@TempDir Path dir) throws IOException {
    Path copy = dir.resolve("flag-copy");
    Path service = copy.resolve(ExtensionOption.SERVICE_FILE);
    Files.createDirectories(service.getParent());
    Files.writeString(service, "org.kapsdk.cli.FlagExtension$Twin\n");

    Cli run = kapsdk("test", SCENARIOS, "--extensions", FLAG, "--extensions", copy.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains(FLAG + File.pathSeparator + copy)
        .contains("cannot load the condition extensions: two extensions are named 'test.flag'");
    assertThat(run.out()).doesNotContain("PASS a cleared flag");
  }

  @Test
  void test_missingPath_exits2NamingThePathAndRunsNothing() {
    String missing = resource("extensions", "no-such-dir");

    Cli run = kapsdk("test", SCENARIOS, "--extensions", missing);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines())
        .containsExactly(missing + ": given to --extensions, but there is no such jar or directory");
    assertThat(run.out()).doesNotContain("a cleared flag proceeds");
  }

  @Test
  void test_registeredClassMissing_exits2WithTheLoaderReason() {
    Cli run = kapsdk("test", SCENARIOS, "--extensions", BROKEN);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .startsWith(BROKEN + ": cannot load the condition extensions: ")
        .contains("org.kapsdk.cli.NoSuchExtension");
  }

  @Test
  void test_invalidPath_isRejectedWithoutAStackTrace() {
    Cli run = kapsdk("test", SCENARIOS, "--extensions", "bad\0path");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).singleElement().asString()
        .endsWith(": given to --extensions, but not a valid path");
  }

  @Test
  void test_fileThatIsNotAJar_isRejected() {
    Cli run = kapsdk("test", SCENARIOS, "--extensions", TEMPLATE);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines())
        .containsExactly(
            TEMPLATE + ": given to --extensions, but it is neither a jar file nor a directory");
  }

  @Test
  void test_json_reportsExtensionProblemsAsFileProblems() throws IOException {
    String missing = resource("extensions", "no-such-dir");

    Cli run = kapsdk("test", SCENARIOS, "--extensions", missing, "--json");

    assertThat(run.exitCode()).isEqualTo(2);
    JsonNode doc = new ObjectMapper().readTree(run.out());
    assertThat(doc.toString()).contains(missing).contains("no such jar or directory");
  }

  @Test
  void check_withExtension_evaluatesTheHostRule() {
    Cli run =
        kapsdk("check", TEMPLATE, "--facts", FACTS_CLEARED, "--gate", "eligibility", "--at", AT,
            "--extensions", FLAG);

    assertThat(run.err()).isEmpty();
    assertThat(run.outLines()).first().isEqualTo("PROCEED: gate ELIGIBILITY at " + AT);
    assertThat(run.out()).contains("PASS  HOST-FLAG  severity BLOCK").contains("flag cleared");
    assertThat(run.exitCode()).isEqualTo(0);
  }

  @Test
  void check_withoutExtension_blocksAsUnknown() {
    Cli run =
        kapsdk("check", TEMPLATE, "--facts", FACTS_CLEARED, "--gate", "eligibility", "--at", AT);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.outLines()).first().isEqualTo("BLOCKED: gate ELIGIBILITY at " + AT);
    assertThat(run.out()).contains("UNKNOWN  HOST-FLAG").contains("not installed");
  }

  @Test
  void check_badExtensionPath_exits2AndReportsItWithTheOtherProblems() {
    String missing = resource("extensions", "no-such-dir");

    Cli run =
        kapsdk("check", TEMPLATE, "--facts", FACTS_CLEARED, "--gate", "nonsense", "--at", AT,
            "--extensions", missing);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .contains(missing + ": given to --extensions, but there is no such jar or directory")
        .contains("'nonsense' is not a gate");
  }
}
