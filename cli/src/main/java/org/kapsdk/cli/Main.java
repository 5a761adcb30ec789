package org.kapsdk.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Entry point of the {@code kapsdk} command line.
 *
 * <p>Exit codes are those of {@link ExitCodes}. Usage errors (an unknown option, a missing
 * argument) print the error, the command's synopsis and a hint to stderr and exit 2. An
 * unexpected exception never prints a stack trace: it prints {@code kapsdk: internal error:
 * CLASS: MESSAGE} to stderr and exits 3.
 */
public final class Main {
  private Main() {}

  /** Runs the command line and exits the JVM with its exit code. */
  public static void main(String... args) {
    Charset charset = consoleCharset();
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, charset), true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, charset), true);
    System.exit(run(out, err, args));
  }

  /**
   * Runs the command line with the given output streams and returns the exit code; never
   * throws. Standard output gets results, standard error gets problems and usage errors.
   */
  static int run(PrintWriter out, PrintWriter err, String... args) {
    try {
      return commandLine(out, err).execute(args);
    } catch (RuntimeException | Error e) {
      return internalError(err, e);
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** The {@code kapsdk} command line, wired to the given streams, with the shared error handling. */
  static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(new KapsdkCommand());
    commandLine.setOut(out);
    commandLine.setErr(err);
    // A FILE argument starting with '@' is a file name, not a file of arguments.
    commandLine.setExpandAtFiles(false);
    commandLine.setParameterExceptionHandler(
        (e, args) -> {
          printUsageError(e.getCommandLine(), e.getMessage(), e);
          return ExitCodes.BAD_INPUT;
        });
    commandLine.setExecutionExceptionHandler((e, failed, parseResult) -> internalError(err, e));
    return commandLine;
  }

  /**
   * Prints a usage error: {@code COMMAND: MESSAGE}, the synopsis, and a hint to ask for help.
   */
  static void printUsageError(CommandLine commandLine, String message) {
    printUsageError(commandLine, message, null);
  }

  private static void printUsageError(
      CommandLine commandLine, String message, @Nullable ParameterException cause) {
    PrintWriter err = commandLine.getErr();
    String name = commandLine.getCommandSpec().qualifiedName();
    err.println(name + ": " + message);
    if (cause != null) {
      // "Did you mean: kapsdk validate?" after a mistyped command or option.
      UnmatchedArgumentException.printSuggestions(cause, err);
    }
    err.print(commandLine.getHelp().synopsisHeading() + commandLine.getHelp().synopsis(0));
    err.println("Try '" + name + " --help' for more information.");
    err.flush();
  }

  /** Reports an unexpected exception in one line, without a stack trace; returns exit code 3. */
  static int internalError(PrintWriter err, Throwable e) {
    String message = e.getMessage();
    err.println(
        "kapsdk: internal error: "
            + e.getClass().getName()
            + (message == null ? "" : ": " + message));
    err.flush();
    return ExitCodes.INTERNAL_ERROR;
  }

  private static Charset consoleCharset() {
    String name = System.getProperty("stdout.encoding", System.getProperty("native.encoding"));
    if (name != null) {
      try {
        return Charset.forName(name);
      } catch (IllegalArgumentException e) {
        // Fall through to the default.
      }
    }
    return Charset.defaultCharset();
  }
}
