/**
 * The scenario kit: scenario files testers write without Java, a runner that evaluates them
 * against the safety gate, and a coverage report of which rule outcomes the scenarios exercised.
 */
@KapsdkStyle
@NullMarked
package org.kapsdk.core.scenario;

import org.jspecify.annotations.NullMarked;
import org.kapsdk.core.internal.KapsdkStyle;
