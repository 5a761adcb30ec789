package org.kapsdk.core.model;

/** The route by which a dose is given. */
public enum Route {
  INTRANASAL, INTRAVENOUS, INTRAMUSCULAR, SUBLINGUAL, ORAL, SUBCUTANEOUS
}
