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
 * A scenario file: the protocol under test (with the clinic profile that sets its parameters,
 * when it has any), the test clock {@code T0}, reusable fact fixtures, and the scenarios. Times in the file may be written relative to the clock
 * ({@code T0}, {@code T0+40m}, {@code T0-1d}) or as ISO-8601 instants.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableScenarioFile.class)
@JsonDeserialize(builder = ScenarioFile.Builder.class)
public sealed interface ScenarioFile permits ImmutableScenarioFile {

  /**
   * The protocol: a path to a template file, relative to the scenario file, or a built-in
   * protocol id.
   */
  String protocol();

  /**
   * The clinic profile that sets the protocol's parameters: a path to a profile file, relative
   * to the scenario file; needed when the template has parameters without defaults.
   */
  Optional<String> profile();

  /** The instant {@code T0} stands for; {@link ScenarioFiles#DEFAULT_CLOCK} when absent. */
  Optional<Instant> clock();

  /** Named fact fixtures scenarios extend. */
  Map<String, FactsPatch> fixtures();

  /** The scenarios; at least one. */
  List<Scenario> scenarios();

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ScenarioFile}. */
  final class Builder extends ImmutableScenarioFile.Builder {
    public Builder() {}
  }
}
