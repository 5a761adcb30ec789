/**
 * Measurement-based care: instrument scoring ({@link org.kapsdk.core.outcome.Scoring}), severity
 * bands ({@link org.kapsdk.core.outcome.SeverityBands}), C-SSRS screener risk ({@link
 * org.kapsdk.core.outcome.CssrsRisk}), item-level review flags ({@link
 * org.kapsdk.core.outcome.ItemFlags}), a course's scores against its baseline ({@link
 * org.kapsdk.core.outcome.OutcomeSeries}) and decision points judged on them ({@link
 * org.kapsdk.core.outcome.Decisions}).
 *
 * <p>Every number comes from {@code CLINICAL-REFERENCE.md} §4 and §5 or from the template, and
 * every answer that needs data the course does not hold is UNKNOWN (or NOT_CLASSIFIABLE when the
 * template lacks a definition), never a reassuring default. Nothing here changes a course: the
 * results are for the clinician to read and act on.
 */
@KapsdkStyle
@NullMarked
package org.kapsdk.core.outcome;

import org.jspecify.annotations.NullMarked;
import org.kapsdk.core.internal.KapsdkStyle;
