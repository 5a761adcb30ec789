package org.kapsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Keeps {@code docs/cli-reference.md} equal to what the commands say about themselves. With
 * {@code -Dkapsdk.updateDocs=true} the test rewrites the file instead (see
 * {@link CliReference#REGENERATE}).
 */
class CliReferenceTest {
  private static final Path REFERENCE = Docs.dir().resolve("cli-reference.md");

  @Test
  void reference_equalsWhatPicocliGenerates() throws IOException {
    String generated = CliReference.render();
    if (Docs.updating()) {
      Files.writeString(REFERENCE, generated, StandardCharsets.UTF_8);
    }

    assertThat(Files.isRegularFile(REFERENCE))
        .as("docs/cli-reference.md is missing; generate it with: %s", CliReference.REGENERATE)
        .isTrue();
    assertThat(Docs.read(REFERENCE))
        .as("docs/cli-reference.md differs from the commands' usage help; regenerate it with: %s",
            CliReference.REGENERATE)
        .isEqualTo(generated);
  }

  @Test
  void reference_showsEverySubcommandsUsageHelp() {
    String generated = CliReference.render();

    for (CommandLine c : CliReference.commands(CliReference.commandLine())) {
      assertThat(generated)
          .contains("## `" + c.getCommandSpec().qualifiedName() + "`")
          .contains(CliReference.usage(c));
    }
  }

  @Test
  void everyKapsdkCommand_declaresExitCodesThatExitCodesDefines() {
    Set<String> known = Set.of(
        String.valueOf(ExitCodes.OK), String.valueOf(ExitCodes.FAILED),
        String.valueOf(ExitCodes.BAD_INPUT), String.valueOf(ExitCodes.INTERNAL_ERROR));

    for (CommandLine c : CliReference.commands(CliReference.commandLine())) {
      if (CliReference.isPicocliHelp(c)) {
        continue;
      }
      String name = c.getCommandSpec().qualifiedName();
      assertThat(c.getCommandSpec().usageMessage().exitCodeListHeading())
          .as("%s: exitCodeListHeading", name).isEqualTo("%nExit codes:%n");
      assertThat(CliReference.exitCodes(c).keySet())
          .as("%s: exitCodeList codes", name)
          .allSatisfy(code -> assertThat(code.strip()).isIn(known))
          .contains(String.valueOf(ExitCodes.INTERNAL_ERROR));
    }
  }

  @Test
  void help_exitsAsTheReferenceSays() {
    assertThat(Cli.kapsdk("help", "lint").exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(Cli.kapsdk("help", "no-such-command").exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
  }
}
