package org.kapsdk.core.cohort;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kapsdk.core.course.GateChecked;
import org.kapsdk.core.model.Gate;

/**
 * A gate asked for every participant of a cohort session: one {@link ParticipantVerdict} per
 * participant, in roster order. There is no outcome for the cohort as a whole, on purpose: each
 * participant proceeds or is blocked on their own facts only.
 */
public final class CohortVerdict {
  private final String sessionTemplateId;
  private final LocalDate date;
  private final Gate gate;
  private final Instant at;
  private final List<ParticipantVerdict> participants;

  CohortVerdict(String sessionTemplateId, LocalDate date, Gate gate, Instant at, List<ParticipantVerdict> participants) {
    this.sessionTemplateId = sessionTemplateId;
    this.date = date;
    this.gate = gate;
    this.at = at;
    this.participants = List.copyOf(participants);
  }

  /** The group session template the cohort meets for. */
  public String sessionTemplateId() {
    return sessionTemplateId;
  }

  /** The date of the cohort session. */
  public LocalDate date() {
    return date;
  }

  /** The gate asked. */
  public Gate gate() {
    return gate;
  }

  /** The evaluation instant. */
  public Instant at() {
    return at;
  }

  /** One answer per participant on the roster, in roster order. */
  public List<ParticipantVerdict> participants() {
    return participants;
  }

  /** The answer for the participant with this course id, if they are on the roster. */
  public Optional<ParticipantVerdict> participant(String courseId) {
    return participants.stream().filter(p -> p.courseId().equals(courseId)).findFirst();
  }

  /** The course ids of the participants who may proceed, in roster order. */
  public List<String> mayProceed() {
    return participants.stream().filter(ParticipantVerdict::mayProceed).map(ParticipantVerdict::courseId).toList();
  }

  /** The course ids of the participants who are blocked (by a rule or because they could not be evaluated), in roster order. */
  public List<String> blocked() {
    return participants.stream().filter(p -> !p.mayProceed()).map(ParticipantVerdict::courseId).toList();
  }

  /**
   * The verdict record for each evaluated participant's own course, by course id in roster order,
   * ready to append (a dose needs a recorded PRE_DOSE check, decision 38). Participants who could
   * not be evaluated have no verdict to record and are left out.
   *
   * @param by the opaque staff id of whoever asked, if known
   */
  public Map<String, GateChecked> gateChecks(Optional<String> by) {
    Map<String, GateChecked> out = new LinkedHashMap<>();
    for (ParticipantVerdict p : participants) {
      p.verdict().ifPresent(v -> out.put(p.courseId(), GateChecked.of(v, p.sessionId(), by)));
    }
    return out;
  }

  /** {@code GATE session-template DATE} and one line per participant. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(gate + " " + sessionTemplateId + " " + date);
    for (ParticipantVerdict p : participants) {
      out.append("\n  ").append(p);
    }
    return out.toString();
  }
}
