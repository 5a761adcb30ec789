package org.kapsdk.core.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Holds when an attestation has been recorded (transport arranged, REMS
 * enrolment, no food since…), optionally at least {@link #elapsedAtLeast()} after the attested
 * instant (fasting) and no older than {@link #maxAge()}.
 */
@JsonTypeName("attestation")
@Value.Immutable
@JsonSerialize(as = ImmutableAttestationPresent.class)
@JsonDeserialize(builder = AttestationPresent.Builder.class)
public sealed interface AttestationPresent extends Condition permits ImmutableAttestationPresent {

  /** The attestation key, for example {@code transport-arranged}. */
  String attestation();

  /** The least time since the instant the attestation states (last food, last liquid). */
  Optional<Duration> elapsedAtLeast();

  /** How long ago the attestation may have been recorded. */
  Optional<Duration> maxAge();

  /** Structural check run by the builder; throws {@link org.kapsdk.core.validation.ValidationException}. */
  @Value.Check
  default void checkStructure() {
    StructuralChecks.check(this);
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link AttestationPresent}; {@code build()} reports every structural problem at once. */
  final class Builder extends ImmutableAttestationPresent.Builder {
    public Builder() {}
  }
}
