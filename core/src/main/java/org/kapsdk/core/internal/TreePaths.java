package org.kapsdk.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import org.jspecify.annotations.Nullable;
import org.kapsdk.core.validation.Paths;

/**
 * Finds and replaces values of a document tree by the SDK's path notation
 * ({@code phases[2].stepBack.worsenedByAtLeast}). A field name that itself holds a dot (an
 * extension parameter named {@code a.b}) is matched as a whole, the longest name first.
 */
public final class TreePaths {
  private TreePaths() {}

  /** The node at the path, or null when the tree holds none there. */
  public static @Nullable JsonNode at(JsonNode root, String path) {
    Slot slot = slot(root, path);
    return slot == null ? null : slot.get();
  }

  /** Replaces the node at the path; false when the tree holds no value there. */
  public static boolean replace(JsonNode root, String path, JsonNode value) {
    Slot slot = slot(root, path);
    if (slot == null || slot.get() == null) {
      return false;
    }
    slot.set(value);
    return true;
  }

  /** The SDK path of a JSON pointer ({@code /phases/2/id} is {@code phases[2].id}). */
  public static String fromPointer(String pointer) {
    String path = "";
    for (String segment : pointer.split("/")) {
      if (segment.isEmpty()) {
        continue;
      }
      String name = segment.replace("~1", "/").replace("~0", "~");
      path = !name.isEmpty() && name.chars().allMatch(Character::isDigit) && name.length() < 10
          ? Paths.index(path, Integer.parseInt(name))
          : Paths.join(path, name);
    }
    return path;
  }

  /** Where a path points: a field of an object or an element of a list. */
  private record Slot(JsonNode container, @Nullable String field, int index) {
    @Nullable JsonNode get() {
      return field != null ? container.get(field) : container.get(index);
    }

    void set(JsonNode value) {
      if (field != null) {
        ((ObjectNode) container).set(field, value);
      } else {
        ((ArrayNode) container).set(index, value);
      }
    }
  }

  private static @Nullable Slot slot(JsonNode root, String path) {
    JsonNode node = root;
    Slot slot = null;
    int at = 0;
    while (at < path.length()) {
      if (node == null) {
        return null;
      }
      if (path.charAt(at) == '[') {
        int close = path.indexOf(']', at);
        if (!node.isArray() || close < 0) {
          return null;
        }
        int index;
        try {
          index = Integer.parseInt(path.substring(at + 1, close));
        } catch (NumberFormatException e) {
          return null;
        }
        slot = new Slot(node, null, index);
        at = close + 1;
      } else {
        if (path.charAt(at) == '.') {
          if (slot == null) {
            return null;
          }
          at++;
        }
        if (!node.isObject()) {
          return null;
        }
        String field = longestField(node, path, at);
        if (field == null) {
          return null;
        }
        slot = new Slot(node, field, -1);
        at += field.length();
      }
      node = slot.get();
    }
    return slot;
  }

  private static @Nullable String longestField(JsonNode object, String path, int at) {
    String best = null;
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      int end = at + name.length();
      if (path.startsWith(name, at)
          && (end == path.length() || path.charAt(end) == '.' || path.charAt(end) == '[')
          && (best == null || name.length() > best.length())) {
        best = name;
      }
    }
    return best;
  }
}
