package org.kapsdk.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code kapsdk} command. It does nothing itself: every task is a subcommand, one
 * class each in this package, listed in {@code subcommands} below.
 */
@Command(
    name = "kapsdk",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Validate, lint, plan, test and draw ketamine-assisted therapy protocol templates and courses.",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {
      DemoCommand.class,
      ListCommand.class,
      ValidateCommand.class,
      LintCommand.class,
      CheckCommand.class,
      TestCommand.class,
      PlanCommand.class,
      StatusCommand.class,
      TimelineCommand.class,
      HelpCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:a check, lint or test failed",
      "2:bad input: a missing, unreadable or invalid file, or a usage error",
      "3:internal error in kapsdk (a bug; please report it)"
    })
final class KapsdkCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  /** {@code kapsdk} without a command is a usage error. */
  @Override
  public Integer call() {
    Main.printUsageError(spec.commandLine(), "missing command");
    return ExitCodes.BAD_INPUT;
  }
}
