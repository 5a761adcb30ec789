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
 * A step due after each dosing session of its template (an integration therapy
 * session, journaling, a check-in, a form), inside a window measured from the session's start or
 * end.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableIntegrationStep.class)
@JsonDeserialize(builder = IntegrationStep.Builder.class)
public sealed interface IntegrationStep permits ImmutableIntegrationStep {

  /** Unique within the template, for example {@code integration-call}. */
  String id();

  /** What the step is. */
  IntegrationKind kind();

  /** A human-readable title. */
  String title();

  /** Which end of the dosing session the window is measured from; the end unless stated. */
  @Value.Default
  default AnchorPoint from() {
    return AnchorPoint.END;
  }

  /** The earliest time after the anchor the step may be done. */
  Duration earliest();

  /** The latest time after the anchor the step is due. */
  Duration latest();

  /** Whether the step is required; true unless stated. */
  @Value.Default
  default boolean required() {
    return true;
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

  /** Builds a {@link IntegrationStep}; {@code build()} reports every structural problem at once. */
  final class Builder extends ImmutableIntegrationStep.Builder {
    public Builder() {}
  }
}
