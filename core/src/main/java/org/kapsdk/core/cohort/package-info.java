/**
 * Group sessions: one session held for a cohort of participants, each of whom keeps their own
 * course, facts and safety record.
 *
 * <p>A {@link org.kapsdk.core.cohort.CohortSession} is one scheduled group session (a session
 * template marked {@code group}, a date, a roster of course ids). Asking a gate for the cohort
 * asks the {@link org.kapsdk.core.gate.SafetyGate} once per participant, with that participant's
 * own course record and facts, and returns a {@link org.kapsdk.core.cohort.CohortVerdict} of one
 * {@link org.kapsdk.core.cohort.ParticipantVerdict} each. There is deliberately no verdict for
 * the cohort as a whole: a merged answer would either hold back everyone for one participant's
 * reading or, worse, let a blocked participant pass with the group. A participant who cannot be
 * evaluated (no facts given, no session on that date in their course, bad input) is BLOCKED on
 * their own and the others are unaffected.
 *
 * <p>Recording ({@link org.kapsdk.core.cohort.CohortSession#record}) appends each participant's
 * event to that participant's own course through a {@link org.kapsdk.core.course.CourseStore},
 * with the store's optimistic concurrency: one participant's stale version or refused event is
 * reported for that participant and changes nobody else's record.
 *
 * <p>Participants appear only as opaque course ids; nothing here prints a patient id or any
 * clinical fact in {@code toString()} or an exception message. Every type is immutable and safe
 * to share between threads.
 */
@NullMarked
package org.kapsdk.core.cohort;

import org.jspecify.annotations.NullMarked;
