package org.kapsdk.core.validation;

import java.util.Objects;
import java.util.Optional;

/**
 * One structural problem: where it is (a path into the document such as
 * {@code phases[1].sessions[0].dosing.maxPerSession}, and, when the value was read from a file,
 * the file, line and column) and a plain sentence saying what is wrong.
 *
 * <p>Messages name attributes and protocol data, never patient data.
 */
public final class Problem implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private final String path;
  private final String message;
  private final SourceLocation location;

  private Problem(String path, String message, SourceLocation location) {
    this.path = Objects.requireNonNull(path, "path");
    this.message = Objects.requireNonNull(message, "message");
    this.location = location;
  }

  /** A problem at a path, with no source location (for values built in code). */
  public static Problem at(String path, String message) {
    return new Problem(path, message, null);
  }

  /** A problem at a path and a place in a source document. */
  public static Problem at(String path, String message, SourceLocation location) {
    return new Problem(path, message, Objects.requireNonNull(location, "location"));
  }

  /** The path into the document, empty for the document root. */
  public String path() {
    return path;
  }

  /** What is wrong, as a plain lower-case sentence without a trailing period. */
  public String message() {
    return message;
  }

  /** Where in a source document the problem is, when the value was read from one. */
  public Optional<SourceLocation> location() {
    return Optional.ofNullable(location);
  }

  /** This problem placed in a source document. */
  public Problem withLocation(SourceLocation newLocation) {
    return new Problem(path, message, Objects.requireNonNull(newLocation, "location"));
  }

  /** This problem with its path placed under a parent path. */
  public Problem under(String parentPath) {
    return new Problem(Paths.join(parentPath, path), message, location);
  }

  /**
   * {@code FILE:LINE:COL: path: message}; parts that are absent are left out, so a problem
   * from a builder reads {@code path: message}.
   */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    if (location != null) {
      out.append(location).append(": ");
    }
    if (!path.isEmpty()) {
      out.append(path).append(": ");
    }
    return out.append(message).toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Problem other
        && path.equals(other.path)
        && message.equals(other.message)
        && Objects.equals(location, other.location);
  }

  @Override
  public int hashCode() {
    return Objects.hash(path, message, location);
  }
}
