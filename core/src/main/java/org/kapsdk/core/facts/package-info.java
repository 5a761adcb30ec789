/**
 * What the safety gate reads: a patient's facts and course history, as immutable values. Absent
 * data is never a default; it makes the rules that need it UNKNOWN.
 */
@KapsdkStyle
@NullMarked
package org.kapsdk.core.facts;

import org.jspecify.annotations.NullMarked;
import org.kapsdk.core.internal.KapsdkStyle;
