package org.kapsdk.core.gate;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import org.kapsdk.core.facts.PatientFacts;
import org.kapsdk.core.model.Gate;
import org.kapsdk.core.model.Quantity;
import org.kapsdk.core.validation.Paths;
import org.kapsdk.core.validation.Problems;

/**
 * A clinician's decision to proceed despite a failed or unknown rule: who (an opaque staff
 * id and role), why, when, and the scope: this rule, and for session gates this session.
 *
 * <p>Only rules marked overridable accept an override; the gate rejects any other, and a blank
 * reason is refused when the override is built.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableClinicianOverride.class)
@JsonDeserialize(builder = ClinicianOverride.Builder.class)
public sealed interface ClinicianOverride permits ImmutableClinicianOverride {

  /** The id of the overridden rule. */
  String ruleId();

  /** The opaque id of the clinician who decided. */
  String clinicianId();

  /** The clinician's role, for example {@code prescriber}. */
  String role();

  /** Why proceeding is right for this patient now; required. */
  String reason();

  /** When the decision was recorded. */
  Instant at();

  /** The occurrence id of the session the override covers; required for session gates. */
  Optional<String> session();

  /** Refuses blank fields, so an override always says who and why. */
  @Value.Check
  default void checkStructure() {
    Problems p = new Problems();
    p.require(!ruleId().isBlank(), "ruleId", "must not be blank");
    p.require(!clinicianId().isBlank(), "clinicianId", "must not be blank");
    p.require(!role().isBlank(), "role", "must not be blank");
    p.require(!reason().isBlank(), "reason", "an override needs a reason");
    session().ifPresent(s -> p.require(!s.isBlank(), Paths.join("", "session"), "must not be blank"));
    p.throwIfAny();
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ClinicianOverride}. */
  final class Builder extends ImmutableClinicianOverride.Builder {
    public Builder() {}
  }
}
