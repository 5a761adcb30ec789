package org.kapsdk.core.gate;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.kapsdk.core.facts.PatientFacts;
import org.kapsdk.core.facts.SessionRecord;
import org.kapsdk.core.model.Code;
import org.kapsdk.core.model.DosingSpec;
import org.kapsdk.core.model.Gate;
import org.kapsdk.core.model.ProtocolTemplate;
import org.kapsdk.core.model.Quantity;
import org.kapsdk.core.model.SessionKind;
import org.kapsdk.core.model.SessionTemplate;

/** Everything one evaluation reads; created per request, never shared between threads. */
final class EvalContext {
  private final SafetyGate gate;
  private final GateRequest request;
  private final SessionRecord current;
  private final String phaseId;

  EvalContext(SafetyGate gate, GateRequest request, SessionRecord current, String phaseId) {
    this.gate = gate;
    this.request = request;
    this.current = current;
    this.phaseId = phaseId;
  }

  Instant at() {
    return request.at();
  }

  PatientFacts facts() {
    return request.facts();
  }

  /** The current session, or null for ELIGIBILITY and COURSE requests without one. */
  SessionRecord currentSession() {
    return current;
  }

  String phaseId() {
    return phaseId;
  }

  Quantity plannedDose() {
    return request.plannedDose().orElse(null);
  }

  boolean plannedDoseRequired() {
    return request.gate() == Gate.PRE_DOSE;
  }

  SessionKind kindOf(SessionRecord s) {
    return gate.sessionTemplate(s.template()).kind();
  }

  /** The medication of a session's template, or null when it doses nothing. */
  Code medicationOf(SessionRecord s) {
    return gate.sessionTemplate(s.template()).dosing().map(DosingSpec::medication).orElse(null);
  }

  /** The current session's medication, or null when there is no dosing session. */
  Code currentMedication() {
    return current == null ? null : medicationOf(current);
  }

  ConditionExtensions extensions() {
    return gate.extensions();
  }

  ExtensionContext extensionContext(Map<String, String> parameters) {
    ProtocolTemplate template = gate.template();
    return new ExtensionContext() {
      @Override
      public Map<String, String> parameters() {
        return parameters;
      }

      @Override
      public Instant at() {
        return request.at();
      }

      @Override
      public PatientFacts facts() {
        return request.facts();
      }

      @Override
      public Optional<SessionRecord> session() {
        return Optional.ofNullable(current);
      }

      @Override
      public ProtocolTemplate template() {
        return template;
      }
    };
  }

  SessionTemplate currentTemplate() {
    return current == null ? null : gate.sessionTemplate(current.template());
  }
}
