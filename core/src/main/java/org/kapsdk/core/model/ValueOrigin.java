package org.kapsdk.core.model;

/** Where the value of a resolved {@link Parameter} came from. */
public enum ValueOrigin {
  /** The parameter's default, from its confirmed source; the profile did not set it. */
  DEFAULT,
  /** The clinic profile. */
  PROFILE
}
