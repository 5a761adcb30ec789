package org.kapsdk.examples;

import java.time.Instant;
import org.kapsdk.core.facts.Attestation;
import org.kapsdk.core.facts.SessionRecord;
import org.kapsdk.core.gate.ConditionExtension;
import org.kapsdk.core.gate.ExtensionContext;
import org.kapsdk.core.gate.ExtensionResult;

/**
 * The host-defined check the sample template's rule {@code BP-CRISIS-SIGNS} calls
 * ({@code kind: extension}, {@code name: sample.hypertensive-crisis-signs}): has the clinician
 * seen signs of a hypertensive crisis or encephalopathy during the current session?
 *
 * <p>This sample reads the clinician's latest statement recorded during the current session, as
 * an attestation: {@value #SIGNS_OBSERVED} (signs seen: the condition holds, so the rule, a
 * {@code forbid}, fails) or {@value #NO_SIGNS} (checked, none seen: the rule passes). With no
 * statement from this session, or no current session, the condition is UNKNOWN, so the rule
 * blocks: a check nobody recorded never passes. A real host would read its own nursing record.
 * Registered with {@code provides} in this module's {@code module-info.java} and, for the class
 * path, in {@code META-INF/services/org.kapsdk.core.gate.ConditionExtension}; {@link CustomRuleKind}
 * runs it.
 */
public final class HypertensiveCrisisSigns implements ConditionExtension {
  /** The extension name the sample template uses. */
  public static final String NAME = "sample.hypertensive-crisis-signs";

  /** Attestation key: the clinician saw signs of a hypertensive crisis or encephalopathy. */
  public static final String SIGNS_OBSERVED = "hypertensive-crisis-signs-observed";

  /** Attestation key: the clinician checked and saw no such signs. */
  public static final String NO_SIGNS = "hypertensive-crisis-signs-absent";

  private static final String MISSING =
      "a clinician's check for signs of hypertensive crisis or encephalopathy during this session";

  /** The instance {@link java.util.ServiceLoader} creates; the extension holds no state. */
  public HypertensiveCrisisSigns() {}

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
      return ExtensionResult.unknown(MISSING);
    }
    boolean signs = latest.key().equals(SIGNS_OBSERVED);
    return ExtensionResult.known(signs, signs ? "signs of hypertensive crisis recorded" : "no signs of hypertensive crisis recorded");
  }
}
