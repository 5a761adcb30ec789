package org.kapsdk.core.course;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import java.util.Arrays;
import java.util.List;

/** The closed list of course event type names, read from the one place that declares them. */
public final class CourseEventTypes {
  private static final JsonSubTypes.Type[] TYPES = CourseEvent.class.getAnnotation(JsonSubTypes.class).value();

  private static final ClassValue<String> NAMES =
      new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
          for (JsonSubTypes.Type t : TYPES) {
            if (t.value().isAssignableFrom(type)) {
              return t.name();
            }
          }
          throw new AssertionError("unregistered course event type " + type.getName());
        }
      };

  private CourseEventTypes() {}

  /** Every type name, in declaration order. */
  public static List<String> names() {
    return Arrays.stream(TYPES).map(JsonSubTypes.Type::name).toList();
  }

  static String nameOf(CourseEvent event) {
    return NAMES.get(event.getClass());
  }
}
