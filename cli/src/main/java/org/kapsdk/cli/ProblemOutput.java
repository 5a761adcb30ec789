package org.kapsdk.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import org.kapsdk.core.validation.Problem;
import org.kapsdk.core.validation.SourceLocation;

/**
 * How every command reports problems found in an input file.
 *
 * <p>As text: one line per problem, {@code FILE:LINE:COL: path: message}, or {@code FILE:
 * message} when the problem concerns the whole file (see {@link Problem#toString()}). A problem
 * that carries no source location is prefixed with the file it came from, so every line names
 * its file.
 *
 * <p>As JSON: {@code {"file": …, "line": …, "column": …, "path": …, "message": …}}, line and
 * column being 0 when the problem concerns the whole file and the path empty at the document
 * root.
 */
final class ProblemOutput {
  private ProblemOutput() {}

  /** One problem as a text line. */
  static String line(String file, Problem problem) {
    return problem.location().isPresent() ? problem.toString() : file + ": " + problem;
  }

  /** Prints every problem, one line each. */
  static void print(PrintWriter err, String file, List<Problem> problems) {
    for (Problem problem : problems) {
      err.println(line(file, problem));
    }
    err.flush();
  }

  /** One problem as a JSON object. */
  static ObjectNode json(String file, Problem problem) {
    Optional<SourceLocation> location = problem.location();
    ObjectNode node = JsonOutput.object();
    node.put("file", location.map(SourceLocation::source).orElse(file));
    node.put("line", location.map(SourceLocation::line).orElse(0));
    node.put("column", location.map(SourceLocation::column).orElse(0));
    node.put("path", problem.path());
    node.put("message", problem.message());
    return node;
  }

  /** Every problem as a JSON array. */
  static ArrayNode json(String file, List<Problem> problems) {
    ArrayNode array = JsonOutput.array();
    problems.forEach(problem -> array.add(json(file, problem)));
    return array;
  }

  /** A problem and what it concerns: a file, or an option such as {@code --at}. */
  record FileProblem(String file, Problem problem) {}

  /**
   * Reports a command's bad input the one way every command does: with {@code --json}, one
   * document {@code {"<result>": null, "problems": [...]}} on stdout; otherwise one line per
   * problem on stderr. Returns the exit code for bad input.
   */
  static int badInput(PrintWriter out, PrintWriter err, boolean json, String resultField, List<FileProblem> problems) {
    if (json) {
      ObjectNode document = JsonOutput.object();
      document.putNull(resultField);
      ArrayNode list = document.putArray("problems");
      problems.forEach(p -> list.add(json(p.file(), p.problem())));
      JsonOutput.print(out, document);
    } else {
      problems.forEach(p -> err.println(line(p.file(), p.problem())));
      err.flush();
    }
    return ExitCodes.BAD_INPUT;
  }
}
