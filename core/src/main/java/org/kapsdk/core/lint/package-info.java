/**
 * The clinical-safety linter: {@link org.kapsdk.core.lint.Linter#lint} checks a structurally
 * valid template and returns a {@link org.kapsdk.core.lint.LintReport} of
 * {@link org.kapsdk.core.lint.LintFinding}s, each with a stable id, a severity, a path into the
 * template, a message and a fix. Structural problems make a template impossible to build; what is
 * here is valid but clinically doubtful, so it is reported, never thrown.
 *
 * <h2>How the rules read a template</h2>
 *
 * <ul>
 *   <li><b>Which rules apply to a session</b> follows the safety gate: template-level PRE_DOSE,
 *       DURING_SESSION and DISCHARGE rules apply at every dosing session, a session's own rules
 *       at that session, and a rule with {@code phases} only in those phases.
 *   <li><b>What a rule needs</b>: the conditions that must hold for it to pass, reached through
 *       {@code all} (and, negated, through {@code any}), {@code not} flipping the need. A
 *       {@code monitoringElapsed} inside one branch of an {@code any} is not a requirement.
 *   <li><b>Observations</b> match on code system and code; there is no code hierarchy (SpO2
 *       2708-6 and pulse oximetry 59408-5 are different codes). During a session and at
 *       discharge, a reading exists only if the session's monitoring plan takes it (KAP-L010);
 *       for eligibility, pre-dose and course rules the host records it, and the linter only
 *       informs when no monitoring plan takes it (KAP-L011).
 *   <li><b>Spacing</b> is measured on the scheduler's targets (see {@code org.kapsdk.core.plan}):
 *       twice weekly is 3 and 4 days, {@code every 2 wk} is 14 days, open-ended repeats are
 *       followed to the scheduler's 26-week horizon. An integration step is compared with the
 *       shortest spacing to the next dose of its own session template; FORM steps are
 *       administrative deadlines and are not.
 *   <li><b>Doses</b>: a session's least dose is its allowed range's minimum, else its standard
 *       dose; weight-based doses without an mg range and open-ended repeats are left out of the
 *       sums, so a finding is never built on a guessed amount.
 *   <li><b>Phases</b> are entered in order; a phase with an open-ended repeat is left only by a
 *       decision; a phase named by a decision or a step back counts as used.
 *   <li><b>The catch-all</b> (KAP-L019) plans the course from Monday 2026-01-05 on a calendar
 *       open every day, in UTC, with the default horizon, and reports each problem of the
 *       {@link org.kapsdk.core.plan.PlanningException}.
 * </ul>
 *
 * <h2>No suppression</h2>
 *
 * A finding cannot be silenced, in the template or elsewhere. A template that carried its own
 * list of silenced lints would hide them from the medical director who signs it off, and the
 * reason a finding was accepted belongs in that review, not in the file under review. Only ERROR
 * findings fail {@code kapsdk lint}; warnings and infos are read, decided on, and left visible.
 */
@KapsdkStyle
@NullMarked
package org.kapsdk.core.lint;

import org.jspecify.annotations.NullMarked;
import org.kapsdk.core.internal.KapsdkStyle;
