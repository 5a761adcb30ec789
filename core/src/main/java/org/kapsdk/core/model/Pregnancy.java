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
 * Holds when the patient is pregnant, or also breastfeeding when
 * {@link #includeBreastfeeding()} is set. An unrecorded status leaves it unknown.
 */
@JsonTypeName("pregnancy")
@Value.Immutable
@JsonSerialize(as = ImmutablePregnancy.class)
@JsonDeserialize(builder = Pregnancy.Builder.class)
public sealed interface Pregnancy extends Condition permits ImmutablePregnancy {

  /** Whether breastfeeding also makes the condition hold. */
  @Value.Default
  default boolean includeBreastfeeding() {
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

  /** Builds a {@link Pregnancy}; {@code build()} reports every structural problem at once. */
  final class Builder extends ImmutablePregnancy.Builder {
    public Builder() {}
  }
}
