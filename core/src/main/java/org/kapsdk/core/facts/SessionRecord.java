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
 * One session of the course as it happened (or is happening): which template, when it
 * started and ended, and what was administered.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableSessionRecord.class)
@JsonDeserialize(builder = SessionRecord.Builder.class)
public sealed interface SessionRecord permits ImmutableSessionRecord {

  /** The occurrence id, unique within the course. */
  String id();

  /** The id of the session template this session instantiates. */
  String template();

  /** When the session started. */
  Instant start();

  /** When the session ended; absent while it runs. */
  Optional<Instant> end();

  /** What was administered, in order. */
  List<Administration> administrations();

  /** Structural check run by the builder; throws {@link org.kapsdk.core.validation.ValidationException}. */
  @Value.Check
  default void checkStructure() {
    FactChecks.check(this);
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link SessionRecord}; {@code build()} reports every structural problem at once. */
  final class Builder extends ImmutableSessionRecord.Builder {
    public Builder() {}
  }
}
