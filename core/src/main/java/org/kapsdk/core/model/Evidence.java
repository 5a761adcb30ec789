package org.kapsdk.core.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A source behind a number or a rule: a key from the clinical reference (such as {@code PI}
 * or {@code REMS-FDA}), a citation, the jurisdiction it applies to, and whether the number was
 * confirmed in a primary or labelling source.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableEvidence.class)
@JsonDeserialize(builder = Evidence.Builder.class)
public sealed interface Evidence permits ImmutableEvidence {

  /** The key rules refer to, unique within a template, for example {@code PI}. */
  String key();

  /** The full citation a reviewer can look up. */
  String citation();

  /** The section of the source, for example {@code 2.3}, when one applies. */
  Optional<String> section();

  /** Where the source applies, for example {@code US} or {@code EU}; absent when it is not jurisdiction-specific. */
  Optional<String> jurisdiction();

  /** Whether the value was confirmed in a primary or labelling source; false marks a placeholder. */
  @Value.Default
  default boolean confirmed() {
    return false;
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

  /** Builds a {@link Evidence}; {@code build()} reports every structural problem at once. */
  final class Builder extends ImmutableEvidence.Builder {
    public Builder() {}
  }
}
