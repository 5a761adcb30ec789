package org.kapsdk.protocols;

import java.time.Instant;
import org.kapsdk.core.facts.Attestation;
import org.kapsdk.core.facts.SessionRecord;
import org.kapsdk.core.gate.ConditionExtension;
import org.kapsdk.core.gate.ExtensionContext;
import org.kapsdk.core.gate.ExtensionResult;

/**
 * The check the esketamine built-ins' {@code BP-CRISIS-SIGNS} rule calls
 * ({@value #NAME}): has a clinician, during the current session, recorded signs of a hypertensive
 * crisis or encephalopathy? The label asks for that judgement and no threshold can stand in for
 * it, so the built-ins ask for the clinician's recorded statement, as an attestation:
 * {@value #SIGNS_OBSERVED} (the condition holds) or {@value #NO_SIGNS}. The latest statement
 * recorded since the session started counts.
 *
 * <p>Fails closed: no statement in this session, or no current session, is UNKNOWN, and the
 * BLOCK rule blocks. Shipped with the built-ins and registered for {@link java.util.ServiceLoader}
 * (module {@code provides} and {@code META-INF/services}), so a built-in protocol needs no host
 * code; {@link BuiltInProtocol#extensions()} gives it explicitly. A host that would rather answer
 * from its own nursing record registers its own extension under another name in its own template.
 */
public final class CrisisSignsCheck implements ConditionExtension {
  /** The extension name the built-ins use. */
  public static final String NAME = "kapsdk.hypertensive-crisis-signs";

  /** Attestation key: the clinician saw signs of a hypertensive crisis or encephalopathy. */
  public static final String SIGNS_OBSERVED = "hypertensive-crisis-signs-observed";

  /** Attestation key: the clinician checked and saw no such signs. */
  public static final String NO_SIGNS = "hypertensive-crisis-signs-absent";

  /** The instance {@link java.util.ServiceLoader} creates; the check holds no state. */
  public CrisisSignsCheck() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ExtensionResult evaluate(ExtensionContext context) {
    if (context.session().isEmpty()) {
      return ExtensionResult.unknown("the current session");
    }
    SessionRecord session = context.session().get();
    Attestation latest = null;
    for (Attestation a : context.facts().attestations()) {
      boolean relevant = a.key().equals(SIGNS_OBSERVED) || a.key().equals(NO_SIGNS);
      Instant at = a.recordedAt();
      if (relevant && !at.isBefore(session.start()) && !at.isAfter(context.at())
          && (latest == null || at.isAfter(latest.recordedAt()))) {
        latest = a;
      }
    }
    if (latest == null) {
      return ExtensionResult.unknown("a clinician's check for signs of hypertensive crisis or encephalopathy during this session");
    }
    boolean signs = latest.key().equals(SIGNS_OBSERVED);
    return ExtensionResult.known(signs, signs ? "signs of hypertensive crisis recorded" : "no signs of hypertensive crisis recorded");
  }
}
