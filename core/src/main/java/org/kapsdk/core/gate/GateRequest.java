package org.kapsdk.core.gate;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import org.kapsdk.core.facts.PatientFacts;
import org.kapsdk.core.model.Gate;
import org.kapsdk.core.model.Quantity;
import org.kapsdk.core.validation.Paths;
import org.kapsdk.core.validation.Problems;

/**
 * One question to the safety gate: which gate, at which instant, for which patient facts,
 * and for session gates which session (by occurrence id in the facts) and what dose is planned.
 * The instant is always given: the gate never reads the wall clock.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableGateRequest.class)
@JsonDeserialize(builder = GateRequest.Builder.class)
public sealed interface GateRequest permits ImmutableGateRequest {

  /** The gate to evaluate. */
  Gate gate();

  /** The evaluation instant; readings are aged against it. */
  Instant at();

  /** The patient's facts and course history. */
  PatientFacts facts();

  /** The occurrence id of the current session; required for PRE_DOSE, DURING_SESSION and DISCHARGE. */
  Optional<String> session();

  /** The dose about to be given, in mg; PRE_DOSE dose limits are UNKNOWN without it. */
  Optional<Quantity> plannedDose();

  /** Overrides recorded for this evaluation. */
  List<ClinicianOverride> overrides();

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link GateRequest}. */
  final class Builder extends ImmutableGateRequest.Builder {
    public Builder() {}
  }
}
