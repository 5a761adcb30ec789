/**
 * The protocol model: templates, phases, sessions, dosing, monitoring, integration steps, rules
 * and their conditions, as immutable values with builders that check structure on
 * {@code build()}.
 */
@KapsdkStyle
@NullMarked
package org.kapsdk.core.model;

import org.jspecify.annotations.NullMarked;
import org.kapsdk.core.internal.KapsdkStyle;
