package org.kapsdk.core.model;

/**
 * What kind of value a template {@link Parameter} takes, and so how its value is written: a
 * quantity in the parameter's unit ({@code 90 mmHg}), a duration ({@code 30 min}) or a whole
 * number ({@code 5}).
 */
public enum ParameterType {
  /** A quantity in the parameter's {@link Parameter#unit() unit}, such as {@code 90 mmHg}. */
  QUANTITY,
  /** A duration in whole seconds, such as {@code 30 min}, {@code 1 h} or {@code 30 d}. */
  DURATION,
  /** A whole number, such as {@code 5}. */
  INTEGER
}
