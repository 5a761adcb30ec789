package org.kapsdk.core.scenario;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;
import org.kapsdk.core.facts.AssessmentResult;
import org.kapsdk.core.facts.Attestation;
import org.kapsdk.core.facts.ConditionList;
import org.kapsdk.core.facts.MedicationList;
import org.kapsdk.core.facts.Observation;
import org.kapsdk.core.facts.PregnancyStatus;
import org.kapsdk.core.facts.SessionRecord;
import org.kapsdk.core.gate.ClinicianOverride;
import org.kapsdk.core.gate.Outcome;
import org.kapsdk.core.gate.VerdictOutcome;
import org.kapsdk.core.model.Gate;
import org.kapsdk.core.model.Quantity;

/**
 * One scenario: the facts, the gate, the instant, the current session and planned dose,
 * any overrides, and what the tester expects.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableScenario.class)
@JsonDeserialize(builder = Scenario.Builder.class)
public sealed interface Scenario permits ImmutableScenario {

  /** A name unique within the file, shown in reports. */
  String name();

  /** Why this scenario exists, for reviewers. */
  Optional<String> description();

  /** The gate to evaluate. */
  Gate gate();

  /** The evaluation instant; {@code T0} when absent. */
  Optional<Instant> at();

  /** The current session's occurrence id, for session gates. */
  Optional<String> session();

  /** The dose about to be given. */
  Optional<Quantity> plannedDose();

  /** The facts, usually extending a fixture. */
  FactsPatch facts();

  /** Overrides recorded for this evaluation. */
  List<ClinicianOverride> overrides();

  /** What must happen. */
  Expectation expect();

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Scenario}. */
  final class Builder extends ImmutableScenario.Builder {
    public Builder() {}
  }
}
