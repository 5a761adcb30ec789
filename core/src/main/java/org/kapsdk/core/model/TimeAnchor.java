package org.kapsdk.core.model;

/** The instant inside a session from which elapsed time is measured; explicit because the first and the last device of a dose differ. */
public enum TimeAnchor {
  SESSION_START, FIRST_ADMINISTRATION, LAST_ADMINISTRATION, SESSION_END
}
