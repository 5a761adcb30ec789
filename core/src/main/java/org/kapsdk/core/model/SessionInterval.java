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
 * Holds when the time since the end of the latest session of a kind (or of one
 * session template) to the start of the current session (or the evaluation instant when there is
 * none) lies within the bounds. With no earlier session there is nothing to keep apart from, and
 * the condition holds; an earlier session whose end was not recorded makes it unknown.
 */
@JsonTypeName("sessionInterval")
@Value.Immutable
@JsonSerialize(as = ImmutableSessionInterval.class)
@JsonDeserialize(builder = SessionInterval.Builder.class)
public sealed interface SessionInterval extends Condition permits ImmutableSessionInterval {

  /** The kind of the earlier session; dosing unless stated. */
  @Value.Default
  default SessionKind sinceKind() {
    return SessionKind.DOSING;
  }

  /** A session template id, to measure from that template's sessions only. */
  Optional<String> session();

  /** The shortest allowed interval. */
  Optional<Duration> atLeast();

  /** The longest allowed interval. */
  Optional<Duration> atMost();

  /** Structural check run by the builder; throws {@link org.kapsdk.core.validation.ValidationException}. */
  @Value.Check
  default void checkStructure() {
    StructuralChecks.check(this);
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link SessionInterval}; {@code build()} reports every structural problem at once. */
  final class Builder extends ImmutableSessionInterval.Builder {
    public Builder() {}
  }
}
