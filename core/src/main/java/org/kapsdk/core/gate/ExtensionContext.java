package org.kapsdk.core.gate;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.kapsdk.core.facts.PatientFacts;
import org.kapsdk.core.facts.SessionRecord;
import org.kapsdk.core.model.ProtocolTemplate;

/** What an extension may read: the condition's parameters, the request, and the template. */
public interface ExtensionContext {

  /** The condition's parameters as the template states them. */
  Map<String, String> parameters();

  /** The evaluation instant. */
  Instant at();

  /** The patient's facts. */
  PatientFacts facts();

  /** The current session, for session gates. */
  Optional<SessionRecord> session();

  /** The template being evaluated. */
  ProtocolTemplate template();
}
