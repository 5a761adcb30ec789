package org.kapsdk.core.io;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kapsdk.core.model.Evidence;
import org.kapsdk.core.model.Parameter;

/**
 * The parts of a template file that resolving its parameters needs before the whole file can be
 * bound: the id and version a profile must match, the evidence behind defaults and the parameter
 * declarations. Bound unchecked; every other field is skipped and read later with the rest.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
final class TemplateParts {
  // id and version are checked where the whole template is read; here they only need to match.
  @JsonProperty("id")
  private Object id = "";

  @JsonProperty("version")
  private Object version = "";

  @JsonProperty("evidence")
  private List<Evidence> evidence = new ArrayList<>();

  @JsonProperty("parameters")
  private List<Parameter> parameters = new ArrayList<>();

  private TemplateParts() {}

  Optional<String> id() {
    return id instanceof String s && !s.isEmpty() ? Optional.of(s) : Optional.empty();
  }

  Optional<String> version() {
    return version instanceof String s && !s.isEmpty() ? Optional.of(s) : Optional.empty();
  }

  List<Evidence> evidence() {
    return List.copyOf(evidence);
  }

  List<Parameter> parameters() {
    return List.copyOf(parameters);
  }
}
