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
 * The start or end of the latest session of another session template, used as the origin
 * of a timing offset.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableAnchor.class)
@JsonDeserialize(builder = Anchor.Builder.class)
public sealed interface Anchor permits ImmutableAnchor {

  /** The id of the anchoring session template. */
  String session();

  /** Which end of that session; the end unless stated. */
  @Value.Default
  default AnchorPoint point() {
    return AnchorPoint.END;
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

  /** Builds a {@link Anchor}; {@code build()} reports every structural problem at once. */
  final class Builder extends ImmutableAnchor.Builder {
    public Builder() {}
  }
}
