package org.kapsdk.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

/** Runs {@code kapsdk} in process and captures what it printed. */
record Cli(int exitCode, String out, String err) {

  /** Runs {@code kapsdk ARGS…} through {@link Main#run}. */
  static Cli kapsdk(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Cli(exitCode, out.toString(), err.toString());
  }

  /** The path of a fixture template, relative to the module directory (surefire's working directory). */
  static String fixture(String name) {
    return Path.of("src", "test", "resources", "templates", name).toString();
  }

  /** The path of a test resource, relative to the module directory: {@code resource("check", "x.yaml")}. */
  static String resource(String first, String... more) {
    return Path.of("src", "test", "resources").resolve(Path.of(first, more)).toString();
  }

  /** Standard output, line by line. */
  List<String> outLines() {
    return out.lines().toList();
  }

  /** Standard error, line by line. */
  List<String> errLines() {
    return err.lines().toList();
  }
}
