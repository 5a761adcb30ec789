package org.kapsdk.core.cohort;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.kapsdk.core.course.CourseRecord;
import org.kapsdk.core.facts.PatientFacts;
import org.kapsdk.core.gate.ClinicianOverride;
import org.kapsdk.core.model.Quantity;

/**
 * What the gate needs about one participant of a cohort: their own course record, the host's
 * facts about them (demographics, problem and medication lists, attestations, readings not in
 * the course), and for PRE_DOSE their planned dose and any overrides a clinician recorded for
 * them. The course's own sessions, doses, readings and assessments are added to the facts when
 * the gate is asked, as {@link org.kapsdk.core.course.CourseState#facts(PatientFacts)} does.
 *
 * <p>Immutable. {@code toString()} names the course id only.
 */
public final class Participant {
  private final CourseRecord record;
  private final PatientFacts facts;
  private final Optional<Quantity> plannedDose;
  private final List<ClinicianOverride> overrides;

  private Participant(CourseRecord record, PatientFacts facts, Optional<Quantity> plannedDose, List<ClinicianOverride> overrides) {
    this.record = Objects.requireNonNull(record, "record");
    this.facts = Objects.requireNonNull(facts, "facts");
    this.plannedDose = Objects.requireNonNull(plannedDose, "plannedDose");
    this.overrides = List.copyOf(overrides);
  }

  /** A participant with their course record and the host's facts about them. */
  public static Participant of(CourseRecord record, PatientFacts facts) {
    return new Participant(record, facts, Optional.empty(), List.of());
  }

  /** This participant with the dose planned for them at this session (PRE_DOSE). */
  public Participant withPlannedDose(Quantity dose) {
    return new Participant(record, facts, Optional.of(Objects.requireNonNull(dose, "dose")), overrides);
  }

  /** This participant with the overrides a clinician recorded for them, replacing any before. */
  public Participant withOverrides(List<ClinicianOverride> newOverrides) {
    return new Participant(record, facts, plannedDose, newOverrides);
  }

  /** The participant's course id, which names them in the cohort. */
  public String courseId() {
    return record.courseId();
  }

  /** The participant's own course record. */
  public CourseRecord record() {
    return record;
  }

  /** The host's facts about the participant. */
  public PatientFacts facts() {
    return facts;
  }

  /** The dose planned for this participant, if given. */
  public Optional<Quantity> plannedDose() {
    return plannedDose;
  }

  /** Overrides recorded for this participant. */
  public List<ClinicianOverride> overrides() {
    return overrides;
  }

  /** {@code Participant[course-id]}: never a patient id or a fact. */
  @Override
  public String toString() {
    return "Participant[" + record.courseId() + "]";
  }
}
