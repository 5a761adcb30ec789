package org.kapsdk.core.io;

import java.util.Objects;
import org.kapsdk.core.course.CourseRecord;

/**
 * A course file as read: the protocol it runs (a template path relative to the file, or a
 * built-in protocol id) and the course record, not yet validated against that protocol (see
 * {@link CourseRecord#validated} and {@link CourseFiles#resolveProtocol}).
 */
public final class CourseDocument {
  private final String protocol;
  private final CourseRecord record;

  private CourseDocument(String protocol, CourseRecord record) {
    this.protocol = protocol;
    this.record = record;
  }

  /**
   * A document for the given protocol reference and record.
   *
   * @throws org.kapsdk.core.validation.ValidationException if the protocol reference is blank
   */
  public static CourseDocument of(String protocol, CourseRecord record) {
    if (protocol.isBlank()) {
      throw new org.kapsdk.core.validation.ValidationException(
          java.util.List.of(org.kapsdk.core.validation.Problem.at("protocol", "must not be blank")));
    }
    return new CourseDocument(protocol, Objects.requireNonNull(record, "record"));
  }

  /** The protocol: a template path relative to the course file, or a built-in protocol id. */
  public String protocol() {
    return protocol;
  }

  /** The course, as recorded in the file; unvalidated. */
  public CourseRecord record() {
    return record;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CourseDocument d && protocol.equals(d.protocol) && record.equals(d.record);
  }

  @Override
  public int hashCode() {
    return Objects.hash(protocol, record);
  }

  /** {@code CourseDocument[protocol, CourseRecord[...]]}. */
  @Override
  public String toString() {
    return "CourseDocument[" + protocol + ", " + record + "]";
  }
}
