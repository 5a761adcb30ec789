package org.kapsdk.core.course;

import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link CourseStore} in memory, safe from any number of threads, for tests, demos and hosts
 * that persist elsewhere. Each course sits in its own atomic reference: an append validates
 * against the record it read and then compare-and-sets it, so validation never holds a lock and
 * a lost race is reported as a {@link StaleVersionException}, never retried behind the caller's
 * back (the caller decided on a state that no longer holds).
 */
public final class InMemoryCourseStore implements CourseStore {
  private final ConcurrentMap<String, AtomicReference<CourseRecord>> courses = new ConcurrentHashMap<>();

  /** An empty store. */
  public InMemoryCourseStore() {}

  @Override
  public Optional<CourseRecord> load(String courseId) {
    AtomicReference<CourseRecord> ref = courses.get(courseId);
    return ref == null ? Optional.empty() : Optional.of(ref.get());
  }

  @Override
  public CourseRecord create(CourseStarted started, CourseRules rules) {
    Objects.requireNonNull(started, "started");
    CourseRecord record = CourseRecord.empty(started.courseId()).append(0, started, rules);
    AtomicReference<CourseRecord> existing = courses.putIfAbsent(started.courseId(), new AtomicReference<>(record));
    if (existing != null) {
      long actual = existing.get().version();
      throw new StaleVersionException(0, actual, "a course with this id already exists (version " + actual
          + "); expected version 0, a new course");
    }
    return record;
  }

  @Override
  public CourseRecord append(String courseId, long expectedVersion, CourseEvent event, CourseRules rules) {
    AtomicReference<CourseRecord> ref = courses.get(courseId);
    if (ref == null) {
      throw new NoSuchElementException("no course with id '" + courseId + "'; create it first");
    }
    CourseRecord current = ref.get();
    CourseRecord next = current.append(expectedVersion, event, rules);
    if (!ref.compareAndSet(current, next)) {
      // Someone appended between our read and our write: every append raises the version.
      throw new StaleVersionException(expectedVersion, ref.get().version());
    }
    return next;
  }

  /** {@code InMemoryCourseStore[n courses]}. */
  @Override
  public String toString() {
    return "InMemoryCourseStore[" + courses.size() + " courses]";
  }
}
