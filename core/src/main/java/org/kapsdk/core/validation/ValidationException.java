package org.kapsdk.core.validation;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a value, or a document being read, is structurally invalid. It carries
 * <em>every</em> problem found, not just the first, each with its path and, for documents, its
 * file, line and column.
 *
 * <p>This is the one exception type for bad input: builders throw it, and the file readers
 * throw it for missing, unreadable, malformed and structurally invalid documents alike. It is not
 * final so that more specific refusals stay bad input to a host that catches this type: the
 * scheduler's {@code org.kapsdk.core.plan.PlanningException} (a template no plan can satisfy)
 * and the course record's {@code EventRejectedException} (an event it refuses).
 */
public class ValidationException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final List<Problem> problems;

  /** An exception carrying the given problems; there must be at least one. */
  public ValidationException(List<Problem> problems) {
    super(render(problems));
    this.problems = List.copyOf(problems);
  }

  /** An exception with a single problem at the document root. */
  public ValidationException(String message) {
    this(List.of(Problem.at("", message)));
  }

  /**
   * Used by generated builders: receives the names of the mandatory attributes that were not
   * set.
   */
  public ValidationException(String... missingAttributes) {
    this(
        Arrays.stream(missingAttributes)
            .map(name -> Problem.at(name, "is required but missing"))
            .collect(Collectors.toList()));
  }

  /** Every problem found, in document order where the order is known. */
  public List<Problem> problems() {
    return problems;
  }

  private static String render(List<Problem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a ValidationException needs at least one problem");
    }
    if (problems.size() == 1) {
      return problems.get(0).toString();
    }
    return problems.size()
        + " problems:\n"
        + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
  }
}
