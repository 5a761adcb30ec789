package org.kapsdk.core.gate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What one rule's evaluation read and missed. One trace serves a whole evaluation, reset before
 * each rule; the finding keeps exact-size copies, so the scratch lists never escape.
 */
final class Trace {
  private List<FactUse> used;
  private List<String> missing;
  private java.time.Duration elapsed;
  private Object value;

  void use(String label, Object value, Instant at) {
    if (used == null) {
      used = new ArrayList<>(2);
    }
    used.add(new FactUse(label, value, at));
  }

  void missing(String what) {
    if (missing == null) {
      missing = new ArrayList<>(2);
    }
    missing.add(what);
  }

  void elapsed(java.time.Duration d) {
    if (elapsed == null) {
      elapsed = d;
    }
  }

  /** The value for {value} when it is not simply the first fact used (a summed dose). */
  void value(Object v) {
    value = v;
  }

  void reset() {
    if (used != null) {
      used.clear();
    }
    if (missing != null) {
      missing.clear();
    }
    elapsed = null;
    value = null;
  }

  List<FactUse> used() {
    return used == null || used.isEmpty() ? List.of() : List.copyOf(used);
  }

  List<String> missing() {
    return missing == null || missing.isEmpty() ? List.of() : List.copyOf(missing);
  }

  java.time.Duration elapsed() {
    return elapsed;
  }

  Object value() {
    return value;
  }
}
