package org.kapsdk.core.course;

import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import org.kapsdk.core.gate.Finding;
import org.kapsdk.core.gate.Outcome;
import org.kapsdk.core.gate.Verdict;
import org.kapsdk.core.gate.VerdictOutcome;
import org.kapsdk.core.model.Gate;

/**
 * The host asked the safety gate and records the answer it got: which gate, for which session,
 * the outcome, the rules that blocked and the rules that were overridden. The instant is the
 * verdict's evaluation instant.
 *
 * <p>Why the verdict is recorded and not recomputed: the gate also read facts that live outside
 * the course record (problem and medication lists, attestations), so the course keeps what the
 * clinician was actually told. A dose is refused unless the latest PRE_DOSE check recorded for its
 * session at or before the dose exists and did not block: a check nobody made never passes.
 *
 * <p>{@link #outcome()} BLOCKED requires at least one blocking rule id, and any other outcome
 * none, as a {@link Verdict} always has.
 */
@JsonTypeName("gateChecked")
@Value.Immutable
@JsonSerialize(as = ImmutableGateChecked.class)
@JsonDeserialize(builder = GateChecked.Builder.class)
public sealed interface GateChecked extends CourseEvent permits ImmutableGateChecked {

  /** The gate that was evaluated. */
  Gate gate();

  /** The occurrence id of the current session; required for PRE_DOSE, DURING_SESSION and DISCHARGE. */
  Optional<String> sessionId();

  /** The verdict's outcome. */
  VerdictOutcome outcome();

  /** The ids of the rules whose findings blocked, in the verdict's order; empty unless BLOCKED. */
  List<String> blockingRuleIds();

  /** The ids of the rules a clinician overrode in that evaluation, in the verdict's order. */
  List<String> overriddenRuleIds();

  /**
   * The record of a verdict: its gate, instant and outcome, the ids of its blocking findings and
   * of its overridden findings.
   *
   * @param sessionId the occurrence id of the session the verdict was asked for, if any
   * @param by the opaque staff id of whoever asked, if known
   */
  static GateChecked of(Verdict verdict, Optional<String> sessionId, Optional<String> by) {
    Builder b = builder().gate(verdict.gate()).at(verdict.at()).outcome(verdict.outcome()).sessionId(sessionId).by(by);
    for (Finding f : verdict.findings()) {
      if (f.isBlocking()) {
        b.addBlockingRuleId(f.ruleId());
      } else if (f.outcome() == Outcome.OVERRIDDEN) {
        b.addOverriddenRuleId(f.ruleId());
      }
    }
    return b.build();
  }

  /** Structural check run by the builder; throws {@link org.kapsdk.core.validation.ValidationException}. */
  @Value.Check
  default void checkStructure() {
    CourseChecks.check(this);
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link GateChecked}; {@code build()} reports every structural problem at once. */
  final class Builder extends ImmutableGateChecked.Builder {
    public Builder() {}
  }
}
