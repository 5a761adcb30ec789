/**
 * The scheduler: a deterministic, concrete plan of a course from a start date, and re-planning
 * after sessions were held, held late or missed, or after a step back.
 *
 * <p>Entry points: {@link org.kapsdk.core.plan.CoursePlanner#plan} and
 * {@link org.kapsdk.core.plan.CoursePlanner#replan}. A plan either satisfies every timing
 * window, repeat pattern, interval constraint and clinic closure, or planning throws a
 * {@link org.kapsdk.core.plan.PlanningException} whose problems point at the constraint that
 * could not be met; it never returns a plan that breaks one. The same input always gives an
 * equal plan, and equal plans give the same JSON text.
 *
 * <h2>Days</h2>
 *
 * A plan is a calendar plan: every date is a {@link java.time.LocalDate} in the clinic
 * calendar's zone, and a session occupies its date (its start and end are on that date, so the
 * {@code START}/{@code END} anchor points give the same date; times of day are the safety gate's
 * business at the visit). Durations become days like this:
 *
 * <ul>
 *   <li>timing target offsets are rounded to the nearest day (half a day rounds up);
 *   <li>timing earliest/latest offsets and interval min/max are rounded <em>inward</em>: earliest
 *       and min up, latest and max down, so that a plan never depends on a time of day (a min of
 *       12 h keeps two sessions on different dates; a max of 36 h allows 1 day);
 *   <li>integration step windows are rounded <em>outward</em> (earliest down, latest up): a step
 *       due within 7 d of a session is due by the 7th day after it.
 * </ul>
 *
 * <h2>Where sessions go</h2>
 *
 * <ul>
 *   <li><b>Phases.</b> The first phase starts on the course start. A later phase starts where the
 *       previous phase's repeat pattern would have placed its next session (twice weekly for 4
 *       weeks from a Monday: the Monday of week 5), and never before the day after the previous
 *       phase's last session; a session without a repeat pattern ends its phase's part the day
 *       after it. Phases after a phase with an open-ended repeat are not planned: an open-ended
 *       phase lasts until the horizon, and what follows it is a clinical decision.
 *   <li><b>Timing.</b> A session's first occurrence falls on its target offset from its anchor:
 *       the date of the <em>last</em> planned session of the anchor template, or, without an
 *       anchor, the start of its phase. An anchored session ignores its phase's start: the
 *       author's anchor is the stronger statement (REMS enrolment and the first dose may share a
 *       day). Explicit earliest/latest offsets bound the first occurrence's window.
 *   <li><b>Repeat.</b> {@code timesPerWeek N} places N sessions in every 7-day week counted from
 *       the pattern start, on days {@code floor(7i/N)} (twice weekly: days 0 and 3; three times:
 *       0, 2, 4). {@code every D} places session k on day {@code floor(k·D)}; an {@code every}
 *       shorter than a day cannot be planned on dates. {@code weeks W} limits a pattern to the
 *       occurrences whose day falls in the first W weeks; {@code occurrences n} to n sessions;
 *       with neither, the repeat is open-ended and continues while its target falls before the
 *       horizon ({@link org.kapsdk.core.plan.PlanOptions#horizon()}, 26 weeks from the course
 *       start by default).
 *   <li><b>Count.</b> {@code count n} is n sessions one after the other: each one targets the
 *       day after the previous one, or later when the session's own minimum interval after its
 *       own kind asks for it. A session with neither count nor repeat is one session.
 *   <li><b>Windows.</b> A session may be moved off its target only inside its window. A
 *       {@code timesPerWeek} session stays in its own week, leaving room for the other sessions
 *       of that week (slot i of N: days {@code i} to {@code 7-N+i} of the week); an {@code every}
 *       session may move up to half way towards its neighbours' targets, never before the
 *       pattern start; any other session may move up to 6 days later and never earlier, unless its
 *       timing gives explicit earliest/latest offsets. Occurrences of one template are always in
 *       order, on different days.
 *   <li><b>Intervals.</b> Every {@link org.kapsdk.core.model.IntervalConstraint} of a session's
 *       timing holds for every occurrence, measured from the latest earlier session of the given
 *       kind in the whole plan (earlier: an earlier date, or the same date and earlier in course
 *       order). Where no such session exists the constraint is met.
 *   <li><b>Closed days.</b> A session is never planned on a closed day. A session whose target is
 *       closed, or breaks an interval, goes to the allowed open day of its window nearest its
 *       target; on a tie, the later day (a postponed visit never shortens the gap after the
 *       previous dose). When a session has no allowed day, the planner tries the other allowed
 *       days of the sessions before it (a backtracking search, latest session first), so an earlier
 *       session moves only when nothing else works. The search gives up after 100,000 tries
 *       once it has met a dead end; the exception then says so.
 *   <li><b>Failure.</b> When no plan is found, the {@link org.kapsdk.core.plan.PlanningException}
 *       describes the furthest session the search reached, the first time it got there: its
 *       window and the closed days in it, and, for each interval constraint that ruled out the
 *       other days, the constraint's path, the days it ruled out and the session they were
 *       measured from.
 *   <li><b>Integration steps</b> are due in their window after their dosing session's date
 *       (rounded outward). Their target is the first open clinic day of that window, or the
 *       window's first day when the clinic is closed throughout: a step is still planned then,
 *       because steps such as forms, journaling or calls are not clinic visits.
 *   <li><b>Assessments</b> are due on their session's date.
 * </ul>
 *
 * <h2>Items</h2>
 *
 * Item ids are derived, never random: {@code <phaseId>/<sessionTemplateId>/<occurrence>} for
 * sessions (occurrence from 1), {@code <session item id>/<stepId>} for integration steps and
 * {@code <session item id>/<INSTRUMENT>} for assessments. Items are in date order; on one date,
 * sessions follow course order (phase, then anchors before what is anchored to them, then
 * template order, then occurrence), and a session's assessments and then its steps follow it.
 * A session's {@code earliest}/{@code latest} are its window narrowed by the intervals from the
 * sessions planned before it: holding it anywhere in them keeps its own constraints (a later
 * session may then need re-planning).
 *
 * <h2>Re-planning</h2>
 *
 * {@link org.kapsdk.core.plan.CoursePlanner#replan} takes the current plan and what happened up
 * to {@code asOf}. Held and missed sessions stay in the plan with their dates (a held session's
 * target is the date it was held; a missed session keeps its planned date, its steps and
 * assessments are dropped, and it does not count as an earlier session for intervals).
 * Unreported sessions planned before {@code asOf} stay as they are (overdue). Every other
 * session is re-planned, never before {@code asOf}: it keeps its date when nothing moves it and
 * that date is still allowed; otherwise its nominal date and its window move by its shift, and
 * the nearest-allowed-open-day rule above places it again.
 *
 * <ul>
 *   <li>{@link org.kapsdk.core.model.MissedSessionPolicy#KEEP_SCHEDULE} (the default): the
 *       remaining sessions keep their dates; a missed session is not made up. A date that would
 *       now break an interval from a session held late moves as little as needed.
 *   <li>{@link org.kapsdk.core.model.MissedSessionPolicy#SHIFT_REMAINING}: when a session of the
 *       phase was held late by d days, the sessions of the phase after it move d days later, so
 *       every interval of the pattern is kept from the session actually held. A miss is not a
 *       delay: it moves nothing by itself under either policy.
 *   <li>A session anchored to a session that moved follows it by the same number of days. A
 *       phase whose previous phase now ends later starts that much later.
 *   <li>A step back ({@link org.kapsdk.core.plan.ReplanInput#stepBackPhase()}) re-spaces the
 *       phase's remaining repeat sessions on the repeat pattern of the step-back phase, starting
 *       on {@code asOf} and filling the time up to the phase's last remaining session (up to
 *       the horizon for an open-ended repeat); the phase still ends when it would have.
 *   <li>A maximum interval measured from a session that is already history (held, or planned
 *       before {@code asOf} and not reported) that no date in the window can keep any more is
 *       reported as {@link org.kapsdk.core.plan.ChangeKind#INTERVAL_UNMET} rather than refused:
 *       history cannot be re-planned, and the session keeps the date it would have had.
 *       Minimum intervals are never relaxed: a session is never planned too soon after a dose.
 *   <li>Held and missed sessions and their dates stay in every later plan; reporting the same
 *       fact again changes nothing, and a fact contradicting one already recorded is refused.
 * </ul>
 */
@KapsdkStyle
@NullMarked
package org.kapsdk.core.plan;

import org.jspecify.annotations.NullMarked;
import org.kapsdk.core.internal.KapsdkStyle;
