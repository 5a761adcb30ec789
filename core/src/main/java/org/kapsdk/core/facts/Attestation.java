package org.kapsdk.core.facts;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import org.kapsdk.core.model.Code;
import org.kapsdk.core.model.Instrument;
import org.kapsdk.core.model.Quantity;

/**
 * A statement recorded by staff or the patient (transport arranged, REMS enrolment, last
 * food at…), with when it was recorded and, for timed statements, the instant it states.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableAttestation.class)
@JsonDeserialize(builder = Attestation.Builder.class)
public sealed interface Attestation permits ImmutableAttestation {

  /** The attestation key, as rules name it, for example {@code transport-arranged}. */
  String key();

  /** When the statement was recorded. */
  Instant recordedAt();

  /** The instant the statement is about, such as when the patient last ate. */
  Optional<Instant> instant();

  /** Structural check run by the builder; throws {@link org.kapsdk.core.validation.ValidationException}. */
  @Value.Check
  default void checkStructure() {
    FactChecks.check(this);
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Attestation}; {@code build()} reports every structural problem at once. */
  final class Builder extends ImmutableAttestation.Builder {
    public Builder() {}
  }
}
