package org.kapsdk.core.gate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/** The condition extensions a gate may call, by name. Immutable. */
public final class ConditionExtensions {
  private static final ConditionExtensions NONE = new ConditionExtensions(Map.of());

  private final Map<String, ConditionExtension> byName;

  private ConditionExtensions(Map<String, ConditionExtension> byName) {
    this.byName = byName;
  }

  /** No extensions: every {@code extension} condition evaluates to UNKNOWN. */
  public static ConditionExtensions none() {
    return NONE;
  }

  /**
   * The given extensions.
   *
   * @throws IllegalArgumentException when two share a name or a name is blank
   */
  public static ConditionExtensions of(ConditionExtension... extensions) {
    return of(List.of(extensions));
  }

  /** The given extensions; see {@link #of(ConditionExtension...)}. */
  public static ConditionExtensions of(List<ConditionExtension> extensions) {
    Map<String, ConditionExtension> map = new LinkedHashMap<>();
    for (ConditionExtension e : extensions) {
      String name = e.name();
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("extension " + e.getClass().getName() + " has a blank name");
      }
      if (map.putIfAbsent(name, e) != null) {
        throw new IllegalArgumentException("two extensions are named '" + name + "'");
      }
    }
    return new ConditionExtensions(Map.copyOf(map));
  }

  /** The extensions found by {@link ServiceLoader} on the class path or module path. */
  public static ConditionExtensions fromServiceLoader() {
    return of(ServiceLoader.load(ConditionExtension.class).stream().map(ServiceLoader.Provider::get).toList());
  }

  /** The extension registered under a name. */
  public Optional<ConditionExtension> get(String name) {
    return Optional.ofNullable(byName.get(name));
  }
}
