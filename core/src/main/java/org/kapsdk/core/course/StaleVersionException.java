package org.kapsdk.core.course;

/**
 * Thrown when an event is appended against a version of the course that is no longer current:
 * someone else appended first. Nothing was appended; reload the course, look at what changed, and
 * decide again. This is what keeps two clinicians from silently overwriting each other.
 */
public final class StaleVersionException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  private final long expectedVersion;
  private final long actualVersion;

  /**
   * An exception for an append decided on {@code expectedVersion} while the course is at
   * {@code actualVersion}; public so that a host's own {@link CourseStore} can throw it.
   */
  public StaleVersionException(long expectedVersion, long actualVersion) {
    this(expectedVersion, actualVersion, "stale course version: expected version " + expectedVersion
        + ", but the course is at version " + actualVersion + "; reload it and decide again");
  }

  StaleVersionException(long expectedVersion, long actualVersion, String message) {
    super(message);
    this.expectedVersion = expectedVersion;
    this.actualVersion = actualVersion;
  }

  /** The version the caller expected the course to be at. */
  public long expectedVersion() {
    return expectedVersion;
  }

  /** The version the course was actually at. */
  public long actualVersion() {
    return actualVersion;
  }
}
