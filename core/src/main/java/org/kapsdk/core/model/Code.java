package org.kapsdk.core.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A coded concept: a code system (a URI such as {@code http://loinc.org}), a code in it, and an
 * optional human-readable display. Two codes denote the same concept when system and code match;
 * see {@link #sameConcept}.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableCode.class)
@JsonDeserialize(builder = Code.Builder.class)
public sealed interface Code permits ImmutableCode {

  /** The code system URI, for example {@link Codes#LOINC}. */
  String system();

  /** The code within its system, for example {@code 8480-6}. */
  String code();

  /** A human-readable name; not part of the concept's identity. */
  Optional<String> display();

  /** A code with a display text. */
  static Code of(String system, String code, String display) {
    return builder().system(system).code(code).display(display).build();
  }

  /** Whether both codes denote the same concept (same system and code; display ignored). */
  default boolean sameConcept(Code other) {
    return system().equals(other.system()) && code().equals(other.code());
  }

  /** Structural check run by the builder; throws {@link org.kapsdk.core.validation.ValidationException}. */
  @Value.Check
  default void checkStructure() {
    StructuralChecks.check(this);
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Code}; {@code build()} reports every structural problem at once. */
  final class Builder extends ImmutableCode.Builder {
    public Builder() {}
  }
}
