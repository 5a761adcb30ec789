package org.kapsdk.core.course;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.kapsdk.core.gate.ClinicianOverride;
import org.kapsdk.core.model.Quantity;

/**
 * One session of a course as its events tell it: what it instantiates, when it was planned,
 * started and completed, or why it was missed or cancelled, what was given, which PRE_DOSE gate
 * checks and overrides were recorded for it. An immutable value with value equality, part of a
 * {@link CourseState}.
 */
public final class SessionState {
  private final String id;
  private final String templateId;
  private final String phaseId;
  private final Instant scheduledFor;
  private final String planItemId;
  private final SessionStatus status;
  private final Instant startedAt;
  private final Instant completedAt;
  private final Instant monitoringEndedAt;
  private final Instant missedAt;
  private final String missedReason;
  private final Instant cancelledAt;
  private final String cancelledReason;
  private final List<DoseAdministered> administrations;
  private final Quantity totalDose;
  private final List<GateChecked> preDoseChecks;
  private final List<ClinicianOverride> overrides;

  SessionState(String id, String templateId, String phaseId, Instant scheduledFor, String planItemId,
      SessionStatus status, Instant startedAt, Instant completedAt, Instant monitoringEndedAt,
      Instant missedAt, String missedReason, Instant cancelledAt, String cancelledReason,
      List<DoseAdministered> administrations, Quantity totalDose, List<GateChecked> preDoseChecks,
      List<ClinicianOverride> overrides) {
    this.id = id;
    this.templateId = templateId;
    this.phaseId = phaseId;
    this.scheduledFor = scheduledFor;
    this.planItemId = planItemId;
    this.status = status;
    this.startedAt = startedAt;
    this.completedAt = completedAt;
    this.monitoringEndedAt = monitoringEndedAt;
    this.missedAt = missedAt;
    this.missedReason = missedReason;
    this.cancelledAt = cancelledAt;
    this.cancelledReason = cancelledReason;
    this.administrations = administrations;
    this.totalDose = totalDose;
    this.preDoseChecks = preDoseChecks;
    this.overrides = overrides;
  }

  /** The occurrence id, unique within the course. */
  public String id() {
    return id;
  }

  /** The id of the session template this session instantiates. */
  public String templateId() {
    return templateId;
  }

  /** The id of the phase holding that session template. */
  public String phaseId() {
    return phaseId;
  }

  /** When the session is planned to start. */
  public Instant scheduledFor() {
    return scheduledFor;
  }

  /** The plan item it was scheduled from, when recorded. */
  public Optional<String> planItemId() {
    return Optional.ofNullable(planItemId);
  }

  /** Where the session stands. */
  public SessionStatus status() {
    return status;
  }

  /** When it started. */
  public Optional<Instant> startedAt() {
    return Optional.ofNullable(startedAt);
  }

  /** When it was completed. */
  public Optional<Instant> completedAt() {
    return Optional.ofNullable(completedAt);
  }

  /** When post-dose monitoring ended, when recorded. */
  public Optional<Instant> monitoringEndedAt() {
    return Optional.ofNullable(monitoringEndedAt);
  }

  /** When it was recorded as missed. */
  public Optional<Instant> missedAt() {
    return Optional.ofNullable(missedAt);
  }

  /** Why it was missed. */
  public Optional<String> missedReason() {
    return Optional.ofNullable(missedReason);
  }

  /** When it was cancelled. */
  public Optional<Instant> cancelledAt() {
    return Optional.ofNullable(cancelledAt);
  }

  /** Why it was cancelled. */
  public Optional<String> cancelledReason() {
    return Optional.ofNullable(cancelledReason);
  }

  /** What was given, in the order it was recorded. */
  public List<DoseAdministered> administrations() {
    return administrations;
  }

  /**
   * The total given in this session, in mg (0 mg when nothing was given). Amounts recorded in
   * another unit, which {@link CourseRecord#append} refuses, are not added.
   */
  public Quantity totalDose() {
    return totalDose;
  }

  /** The instant of the first administration. */
  public Optional<Instant> firstAdministrationAt() {
    Instant first = null;
    for (DoseAdministered d : administrations) {
      if (first == null || d.at().isBefore(first)) {
        first = d.at();
      }
    }
    return Optional.ofNullable(first);
  }

  /**
   * Whole minutes from the first administration to the end of monitoring (else to completion),
   * the "total minutes from first device to end of monitoring" of the REMS patient monitoring
   * form; empty when nothing was given or the end is not recorded yet.
   */
  public Optional<Long> monitoredMinutes() {
    Optional<Instant> first = firstAdministrationAt();
    Instant end = monitoringEndedAt != null ? monitoringEndedAt : completedAt;
    if (first.isEmpty() || end == null || end.isBefore(first.get())) {
      return Optional.empty();
    }
    return Optional.of(Duration.between(first.get(), end).toMinutes());
  }

  /** The PRE_DOSE gate checks recorded for this session, in the order they were recorded. */
  public List<GateChecked> preDoseChecks() {
    return preDoseChecks;
  }

  /** The overrides that name this session, in the order they were recorded. */
  public List<ClinicianOverride> overrides() {
    return overrides;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SessionState s
        && id.equals(s.id)
        && templateId.equals(s.templateId)
        && phaseId.equals(s.phaseId)
        && scheduledFor.equals(s.scheduledFor)
        && Objects.equals(planItemId, s.planItemId)
        && status == s.status
        && Objects.equals(startedAt, s.startedAt)
        && Objects.equals(completedAt, s.completedAt)
        && Objects.equals(monitoringEndedAt, s.monitoringEndedAt)
        && Objects.equals(missedAt, s.missedAt)
        && Objects.equals(missedReason, s.missedReason)
        && Objects.equals(cancelledAt, s.cancelledAt)
        && Objects.equals(cancelledReason, s.cancelledReason)
        && administrations.equals(s.administrations)
        && totalDose.equals(s.totalDose)
        && preDoseChecks.equals(s.preDoseChecks)
        && overrides.equals(s.overrides);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, templateId, phaseId, scheduledFor, planItemId, status, startedAt, completedAt,
        monitoringEndedAt, missedAt, missedReason, cancelledAt, cancelledReason, administrations, totalDose,
        preDoseChecks, overrides);
  }

  /** {@code SessionState[id template STATUS, total]}. */
  @Override
  public String toString() {
    return "SessionState[" + id + " " + templateId + " " + status + ", " + totalDose() + "]";
  }
}
