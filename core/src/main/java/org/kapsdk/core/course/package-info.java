/**
 * The append-only course record: one patient's run of a protocol template as a list of events
 * ({@link org.kapsdk.core.course.CourseEvent}), each checked against everything recorded before it
 * when it is appended ({@link org.kapsdk.core.course.CourseRecord#append}), and the state those
 * events fold into ({@link org.kapsdk.core.course.CourseState}), and the view a clinician reads
 * at an instant ({@link org.kapsdk.core.course.CourseView}: what is due, overdue, dosed, deviated,
 * and how the patient is responding).
 *
 * <p>Why an event list and not a mutable course object: nothing recorded is ever lost or
 * rewritten, every state can be recomputed from the events alone, and two clinicians appending at
 * once are told so ({@link org.kapsdk.core.course.StaleVersionException}) instead of silently
 * overwriting each other.
 *
 * <p>The patient appears only as the opaque id in {@link org.kapsdk.core.course.CourseStarted},
 * redacted from {@code toString()} and never written into an exception message. Events carry no
 * free-text clinical notes; their reasons are short coded or free texts that must not identify
 * the patient.
 */
@KapsdkStyle
@NullMarked
package org.kapsdk.core.course;

import org.jspecify.annotations.NullMarked;
import org.kapsdk.core.internal.KapsdkStyle;
