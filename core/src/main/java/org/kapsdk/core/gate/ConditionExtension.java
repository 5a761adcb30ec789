package org.kapsdk.core.gate;

/**
 * A host-specific condition kind, evaluated for {@code kind: extension} conditions whose
 * {@code name} equals {@link #name()}. Register implementations with
 * {@link ConditionExtensions#of} or through {@link java.util.ServiceLoader} (a
 * {@code META-INF/services/org.kapsdk.core.gate.ConditionExtension} file).
 *
 * <p>The contract is the gate's: return UNKNOWN, with the missing facts, when data is absent,
 * stale or unusable. Whatever an extension throws, or a null it returns, is taken as UNKNOWN;
 * an extension that is not installed makes its conditions UNKNOWN. Implementations must be
 * stateless and thread-safe.
 */
public interface ConditionExtension {

  /** The name templates use, for example {@code clinic.bmi-check}. */
  String name();

  /** Evaluates one condition for one request. */
  ExtensionResult evaluate(ExtensionContext context);
}
