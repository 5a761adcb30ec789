package org.kapsdk.core.io;

import java.util.Objects;
import java.util.Optional;
import org.kapsdk.core.course.CourseRecord;

/**
 * A course file as read: the protocol it runs (a template path relative to the file, or a
 * built-in protocol id), the clinic profile that sets the template's parameters (a path relative
 * to the file; absent when the template has none to set) and the course record, not yet validated
 * against that protocol (see {@link CourseRecord#validated} and {@link CourseFiles#resolveProtocol}).
 */
public final class CourseDocument {
  private final String protocol;
  private final Optional<String> profile;
  private final CourseRecord record;

  private CourseDocument(String protocol, Optional<String> profile, CourseRecord record) {
    this.protocol = protocol;
    this.profile = profile;
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
    return new CourseDocument(protocol, Optional.empty(), Objects.requireNonNull(record, "record"));
  }

  /**
   * A document for the given protocol reference, clinic profile path and record.
   *
   * @throws org.kapsdk.core.validation.ValidationException if the protocol reference or the
   *     profile path is blank
   */
  public static CourseDocument of(String protocol, String profile, CourseRecord record) {
    if (profile.isBlank()) {
      throw new org.kapsdk.core.validation.ValidationException(
          java.util.List.of(org.kapsdk.core.validation.Problem.at("profile", "must not be blank")));
    }
    return new CourseDocument(of(protocol, record).protocol, Optional.of(profile), record);
  }

  /** The protocol: a template path relative to the course file, or a built-in protocol id. */
  public String protocol() {
    return protocol;
  }

  /** The clinic profile that sets the template's parameters: a path relative to the course file. */
  public Optional<String> profile() {
    return profile;
  }

  /** The course, as recorded in the file; unvalidated. */
  public CourseRecord record() {
    return record;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CourseDocument d && protocol.equals(d.protocol) && profile.equals(d.profile)
        && record.equals(d.record);
  }

  @Override
  public int hashCode() {
    return Objects.hash(protocol, profile, record);
  }

  /** {@code CourseDocument[protocol, CourseRecord[...]]}, with the profile after the protocol when there is one. */
  @Override
  public String toString() {
    return "CourseDocument[" + protocol + profile.map(p -> ", profile " + p).orElse("") + ", " + record + "]";
  }
}
