package org.kapsdk.cli;

/** The exit codes every {@code kapsdk} command uses. */
final class ExitCodes {
  /** Success: every file valid, every check passed. */
  static final int OK = 0;

  /** A check, lint or test ran and failed (not used by {@code validate}). */
  static final int FAILED = 1;

  /** Bad input: a missing, unreadable, malformed or invalid file, or a usage error. */
  static final int BAD_INPUT = 2;

  /** A bug in kapsdk: an unexpected exception, reported in one line on stderr. */
  static final int INTERNAL_ERROR = 3;

  private ExitCodes() {}
}
