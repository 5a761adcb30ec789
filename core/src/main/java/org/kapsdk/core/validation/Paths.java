package org.kapsdk.core.validation;

/**
 * Builds problem paths in the one notation the SDK uses: object fields joined with {@code .},
 * list elements as {@code [i]}, the names being those of the file format.
 */
public final class Paths {
  private Paths() {}

  /** {@code parent.child}, or {@code child} at the root; {@code parent[0]} style children join without a dot. */
  public static String join(String parent, String child) {
    if (parent.isEmpty()) {
      return child;
    }
    if (child.isEmpty()) {
      return parent;
    }
    return child.startsWith("[") ? parent + child : parent + "." + child;
  }

  /** {@code parent[index]}. */
  public static String index(String parent, int index) {
    return parent + "[" + index + "]";
  }
}
