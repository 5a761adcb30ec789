package org.kapsdk.core.validation;

import java.util.Objects;

/**
 * A place in a source document: the document's name as the caller gave it, and a 1-based line
 * and column. Line and column are 0 when the problem concerns the document as a whole (a
 * missing file, an empty file).
 */
public final class SourceLocation implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final int line;
  private final int column;

  private SourceLocation(String source, int line, int column) {
    this.source = Objects.requireNonNull(source, "source");
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("line and column must not be negative");
    }
    this.line = line;
    this.column = column;
  }

  /** A location at a line and column, both 1-based. */
  public static SourceLocation of(String source, int line, int column) {
    return new SourceLocation(source, line, column);
  }

  /** The whole document, for problems that have no line (missing, unreadable, empty). */
  public static SourceLocation wholeDocument(String source) {
    return new SourceLocation(source, 0, 0);
  }

  /** The document's name as given by the caller (a path, or a label such as {@code <string>}). */
  public String source() {
    return source;
  }

  /** The 1-based line, or 0 when the location is the whole document. */
  public int line() {
    return line;
  }

  /** The 1-based column, or 0 when the location is the whole document. */
  public int column() {
    return column;
  }

  /** {@code FILE:LINE:COL}, or {@code FILE} for the whole document. */
  @Override
  public String toString() {
    return line == 0 ? source : source + ":" + line + ":" + column;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SourceLocation other
        && source.equals(other.source)
        && line == other.line
        && column == other.column;
  }

  @Override
  public int hashCode() {
    return Objects.hash(source, line, column);
  }
}
