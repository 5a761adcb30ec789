package org.kapsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kapsdk.cli.Cli.fixture;
import static org.kapsdk.cli.Cli.kapsdk;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class MainTest {
  private static final String VALIDATE_USAGE = "Usage: kapsdk validate [-hV] [--json] [--profile=FILE] FILE_OR_ID...";
  private static final String VALIDATE_HINT = "Try 'kapsdk validate --help' for more information.";

  @Test
  void noArguments_exits2WithUsageHint() {
    Cli run = kapsdk();

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.errLines())
        .containsExactly(
            "kapsdk: missing command",
            "Usage: kapsdk [-hV] COMMAND",
            "Try 'kapsdk --help' for more information.");
  }

  @Test
  void validate_noFiles_exits2WithUsageHint() {
    Cli run = kapsdk("validate");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.errLines())
        .containsExactly(
            "kapsdk validate: Missing required parameter: 'FILE_OR_ID'", VALIDATE_USAGE, VALIDATE_HINT);
  }

  @Test
  void validate_unknownOption_exits2WithUsageHint() {
    Cli run = kapsdk("validate", "--strict", fixture("valid.yaml"));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.errLines())
        .containsExactly("kapsdk validate: Unknown option: '--strict'", VALIDATE_USAGE, VALIDATE_HINT);
  }

  @Test
  void unknownCommand_exits2WithSuggestion() {
    Cli run = kapsdk("valdate", fixture("valid.yaml"));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.errLines())
        .containsExactly(
            "kapsdk: Unmatched arguments from index 0: 'valdate', '" + fixture("valid.yaml") + "'",
            "Did you mean: kapsdk validate or kapsdk test or kapsdk status?",
            "Usage: kapsdk [-hV] COMMAND",
            "Try 'kapsdk --help' for more information.");
  }

  @Test
  void version_printsProjectVersion() {
    Cli run = kapsdk("--version");

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.outLines()).containsExactly("kapsdk " + System.getProperty("kapsdk.expectedVersion"));
    assertThat(run.out()).startsWith("kapsdk 0.").doesNotContain("${");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void help_exits0ListingCommandsAndExitCodes() {
    Cli run = kapsdk("--help");

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.err()).isEmpty();
    assertThat(run.outLines())
        .startsWith("Usage: kapsdk [-hV] COMMAND")
        .anySatisfy(line -> assertThat(line).startsWith("  validate "))
        .contains(
            "Exit codes:",
            "  0   success",
            "  1   a check, lint or test failed",
            "  2   bad input: a missing, unreadable or invalid file, or a usage error",
            "  3   internal error in kapsdk (a bug; please report it)");
  }

  @Test
  void validateHelp_exits0WithUsage() {
    Cli run = kapsdk("validate", "--help");

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.err()).isEmpty();
    assertThat(run.outLines())
        .startsWith(VALIDATE_USAGE)
        .anySatisfy(line -> assertThat(line).contains("--json"));
  }

  @Test
  void helpCommand_exits0WithTheSubcommandsUsage() {
    Cli run = kapsdk("help", "validate");

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.err()).isEmpty();
    assertThat(run.outLines()).startsWith(VALIDATE_USAGE);
  }

  @Test
  void unexpectedException_exits3WithOneLineAndNoStackTrace() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = Main.commandLine(new PrintWriter(out), new PrintWriter(err));
    commandLine.addSubcommand(new Exploding());

    int exitCode = commandLine.execute("explode");

    assertThat(exitCode).isEqualTo(3);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString().lines())
        .containsExactly("kapsdk: internal error: java.lang.IllegalStateException: boom");
  }

  @Test
  void internalError_withoutMessage_namesTheExceptionClass() {
    StringWriter err = new StringWriter();

    int exitCode = Main.internalError(new PrintWriter(err), new NullPointerException());

    assertThat(exitCode).isEqualTo(3);
    assertThat(err.toString().lines())
        .containsExactly("kapsdk: internal error: java.lang.NullPointerException");
  }

  @Command(name = "explode")
  static final class Exploding implements Callable<Integer> {
    @Override
    public Integer call() {
      throw new IllegalStateException("boom");
    }
  }
}
