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
 * What a scenario expects: the verdict, outcomes of named rules, or that the request is
 * rejected (an override that is not permitted) with a message containing the given text.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableExpectation.class)
@JsonDeserialize(builder = Expectation.Builder.class)
public sealed interface Expectation permits ImmutableExpectation {

  /** The expected verdict. */
  Optional<VerdictOutcome> verdict();

  /** The expected outcome of each named rule; rules not named are not checked. */
  Map<String, Outcome> outcomes();

  /** Text the rejection message must contain, when the request must be refused. */
  Optional<String> rejected();

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Expectation}. */
  final class Builder extends ImmutableExpectation.Builder {
    public Builder() {}
  }
}
