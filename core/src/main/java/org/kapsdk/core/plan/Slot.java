package org.kapsdk.core.plan;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** One session occurrence to place: where it would like to be and where it may be. */
final class Slot {
  final Course.Tmpl t;
  /** The occurrence, from 1. */
  final int occurrence;
  /** The preferred date: nearest is best. */
  final LocalDate target;
  /** The window: the only dates considered. */
  final LocalDate lo;
  final LocalDate hi;
  /** The date the timing or pattern gives (shifted, in a re-plan). */
  final LocalDate nominal;
  /** The pattern start of a repeat (the first occurrence's nominal date). */
  final LocalDate patternStart;
  final String windowPath;
  /** Why the window starts later than the pattern says, or null. */
  final @Nullable String loNote;
  final ItemStatus status;
  /** A held, missed or overdue session in a re-plan: placed on {@link #target} without checks. */
  final boolean pinned;
  /** The item in the current plan, when re-planning. */
  final @Nullable PlannedItem previous;
  /** Days the re-plan shifted the session by, and why. */
  final long shift;
  final @Nullable String shiftReason;

  Slot(Course.Tmpl t, int occurrence, LocalDate target, LocalDate lo, LocalDate hi, LocalDate nominal,
      LocalDate patternStart, String windowPath, @Nullable String loNote) {
    this(t, occurrence, target, lo, hi, nominal, patternStart, windowPath, loNote, ItemStatus.PLANNED,
        false, null, 0, null);
  }

  Slot(Course.Tmpl t, int occurrence, LocalDate target, LocalDate lo, LocalDate hi, LocalDate nominal,
      LocalDate patternStart, String windowPath, @Nullable String loNote, ItemStatus status,
      boolean pinned, @Nullable PlannedItem previous, long shift, @Nullable String shiftReason) {
    this.t = t;
    this.occurrence = occurrence;
    this.target = target;
    this.lo = lo;
    this.hi = hi;
    this.nominal = nominal;
    this.patternStart = patternStart;
    this.windowPath = windowPath;
    this.loNote = loNote;
    this.status = status;
    this.pinned = pinned;
    this.previous = previous;
    this.shift = shift;
    this.shiftReason = shiftReason;
  }

  /** A held, missed or overdue session, fixed on its date. */
  static Slot pinned(Course.Tmpl t, PlannedItem previous, ItemStatus status, LocalDate date) {
    return new Slot(t, previous.occurrence(), date, date, date, date, date, t.path, null, status, true,
        previous, 0, null);
  }

  String label() {
    return "session " + t.id() + " #" + occurrence;
  }

  String id() {
    return PlannedItem.sessionId(t.phase.id(), t.id(), occurrence);
  }
}
