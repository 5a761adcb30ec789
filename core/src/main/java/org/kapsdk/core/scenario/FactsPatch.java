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
 * Patient facts written as the differences from a fixture: {@code extends} names the
 * fixture, {@code remove} clears fields of it (to make data missing), single values replace the
 * fixture's, and list entries are appended to the fixture's lists.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableFactsPatch.class)
@JsonDeserialize(builder = FactsPatch.Builder.class)
public sealed interface FactsPatch permits ImmutableFactsPatch {

  /** The fixture these facts start from. */
  @com.fasterxml.jackson.annotation.JsonProperty("extends")
  Optional<String> base();

  /** Fields of the fixture to clear before the rest applies. */
  List<FactField> remove();

  @Value.Redacted
  Optional<String> patientId();

  Optional<Integer> ageYears();

  Optional<PregnancyStatus> pregnancy();

  Optional<ConditionList> conditions();

  Optional<MedicationList> medications();

  List<Observation> observations();

  List<AssessmentResult> assessments();

  List<Attestation> attestations();

  List<SessionRecord> sessions();

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link FactsPatch}. */
  final class Builder extends ImmutableFactsPatch.Builder {
    public Builder() {}
  }
}
