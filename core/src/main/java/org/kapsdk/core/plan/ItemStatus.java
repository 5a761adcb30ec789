package org.kapsdk.core.plan;

/**
 * Where a planned session stands. A fresh plan holds only {@link #PLANNED} items; re-planning
 * records what happened ({@link #HELD}, {@link #MISSED}) and keeps those items, with their dates,
 * in every later plan.
 */
public enum ItemStatus {
  /** Still to happen (or overdue: planned before the re-planning date and not yet reported). */
  PLANNED,
  /** The session took place; the item's target is the date it was actually held. */
  HELD,
  /** The session did not take place and will not be made up; the item keeps its planned date. */
  MISSED
}
