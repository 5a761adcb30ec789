package org.kapsdk.core.validation;

import java.util.ArrayList;
import java.util.List;

/** Collects problems while a value is checked, so that all of them are reported at once. */
public final class Problems {
  private final List<Problem> list = new ArrayList<>();

  /** Records a problem at a path. */
  public void add(String path, String message) {
    list.add(Problem.at(path, message));
  }

  /** Records a problem at a path when the condition does not hold; returns the condition. */
  public boolean require(boolean condition, String path, String message) {
    if (!condition) {
      add(path, message);
    }
    return condition;
  }

  /** Whether nothing was recorded. */
  public boolean isEmpty() {
    return list.isEmpty();
  }

  /** The problems recorded so far, in order. */
  public List<Problem> toList() {
    return List.copyOf(list);
  }

  /** Throws a {@link ValidationException} with every recorded problem, if there is any. */
  public void throwIfAny() {
    if (!list.isEmpty()) {
      throw new ValidationException(list);
    }
  }
}
