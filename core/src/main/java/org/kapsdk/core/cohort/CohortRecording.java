package org.kapsdk.core.cohort;

import java.util.List;
import java.util.Optional;

/** The outcome of {@link CohortSession#record}: one {@link RecordingResult} per event, in the order given. */
public final class CohortRecording {
  private final List<RecordingResult> results;

  CohortRecording(List<RecordingResult> results) {
    this.results = List.copyOf(results);
  }

  /** One result per participant event, in the order the events were given. */
  public List<RecordingResult> results() {
    return results;
  }

  /** The result for the participant with this course id, if an event was given for them. */
  public Optional<RecordingResult> result(String courseId) {
    return results.stream().filter(r -> r.courseId().equals(courseId)).findFirst();
  }

  /** Whether every participant's event was appended. */
  public boolean allAccepted() {
    return results.stream().allMatch(RecordingResult::accepted);
  }

  /** The results whose event was refused. */
  public List<RecordingResult> refused() {
    return results.stream().filter(r -> !r.accepted()).toList();
  }

  /** One line per participant. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("CohortRecording[" + results.size() + " events]");
    results.forEach(r -> out.append("\n  ").append(r));
    return out.toString();
  }
}
