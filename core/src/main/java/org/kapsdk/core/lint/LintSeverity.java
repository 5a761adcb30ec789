package org.kapsdk.core.lint;

/**
 * How serious a lint finding is.
 *
 * <ul>
 *   <li>{@link #ERROR}: a patient could be dosed or discharged unsafely (a safety check, a
 *       monitoring plan or a dose ceiling is missing), or the template cannot be run as written
 *       (no calendar can hold its schedule, a limit stops its planned doses);
 *   <li>{@link #WARNING}: clinically suspect; a reviewer should look and decide;
 *   <li>{@link #INFO}: worth knowing; nothing is wrong by itself.
 * </ul>
 */
public enum LintSeverity {
  ERROR,
  WARNING,
  INFO
}
