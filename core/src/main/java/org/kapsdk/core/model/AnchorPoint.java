package org.kapsdk.core.model;

/** Which end of the anchor session a timing offset is measured from. */
public enum AnchorPoint {
  START, END
}
