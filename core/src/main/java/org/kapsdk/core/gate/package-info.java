/**
 * The safety gate: a template compiled once into a {@link org.kapsdk.core.gate.SafetyGate},
 * evaluated for a {@link org.kapsdk.core.gate.GateRequest} into an explained
 * {@link org.kapsdk.core.gate.Verdict}. Fail-closed: a rule that cannot be evaluated is UNKNOWN,
 * and UNKNOWN on a BLOCK rule blocks.
 */
@KapsdkStyle
@NullMarked
package org.kapsdk.core.gate;

import org.jspecify.annotations.NullMarked;
import org.kapsdk.core.internal.KapsdkStyle;
