package org.kapsdk.protocols;

import java.time.Instant;
import org.kapsdk.core.facts.Attestation;
import org.kapsdk.core.facts.SessionRecord;
import org.kapsdk.core.gate.ConditionExtension;
import org.kapsdk.core.gate.ExtensionContext;
import org.kapsdk.core.gate.ExtensionResult;

/**
 * A stand-in for the host check the esketamine protocols' {@code BP-CRISIS-SIGNS} rule calls
 * ({@code sample.hypertensive-crisis-signs}), so their scenario suites run here. A real host
 * supplies its own, reading its nursing record; this one reads the clinician's latest statement
 * during the current session as an attestation, exactly as the examples module's sample does:
 * {@code hypertensive-crisis-signs-observed} (the condition holds) or {@code
 * hypertensive-crisis-signs-absent}. No statement, or no current session: UNKNOWN.
 */
public final class CrisisSignsTestExtension implements ConditionExtension {
  /** For {@link java.util.ServiceLoader}. */
  public CrisisSignsTestExtension() {}

  @Override
  public String name() {
    return "sample.hypertensive-crisis-signs";
  }

  @Override
  public ExtensionResult evaluate(ExtensionContext context) {
    if (context.session().isEmpty()) {
      return ExtensionResult.unknown("the current session");
    }
    SessionRecord session = context.session().get();
    Attestation latest = null;
    for (Attestation a : context.facts().attestations()) {
      boolean relevant = a.key().equals("hypertensive-crisis-signs-observed") || a.key().equals("hypertensive-crisis-signs-absent");
      Instant at = a.recordedAt();
      if (relevant && !at.isBefore(session.start()) && !at.isAfter(context.at())
          && (latest == null || at.isAfter(latest.recordedAt()))) {
        latest = a;
      }
    }
    if (latest == null) {
      return ExtensionResult.unknown("a clinician's check for signs of hypertensive crisis during this session");
    }
    boolean signs = latest.key().equals("hypertensive-crisis-signs-observed");
    return ExtensionResult.known(signs, signs ? "signs of hypertensive crisis recorded" : "no signs of hypertensive crisis recorded");
  }
}
