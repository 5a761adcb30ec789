package org.kapsdk.core.io;


import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.kapsdk.core.model.ProtocolTemplate;
import org.kapsdk.core.validation.Problem;
import org.kapsdk.core.validation.ValidationException;

/**
 * Protocols known by id rather than by file, such as the built-ins of {@code kapsdk-protocols}:
 * what a scenario or course file, or a command line argument, may name instead of a template path.
 *
 * <p>A catalog entry is resolved with a clinic profile like a template file, because a built-in
 * protocol leaves the clinic's values as parameters: without a profile, the parameters take
 * their defaults, and a required parameter without one is refused with an
 * {@link UnsetParametersException} naming it.
 *
 * <pre>{@code
 * ProtocolCatalog catalog = ProtocolCatalog.ofTexts(id -> myStore.yamlOf(id));
 * ScenarioRunner runner = ScenarioRunner.create(catalog, ConditionExtensions.fromServiceLoader());
 * }</pre>
 */
@FunctionalInterface
public interface ProtocolCatalog {

  /**
   * The protocol with this id, resolved with the clinic profile file when one is given; empty
   * when the catalog has no protocol with this id.
   *
   * @throws org.kapsdk.core.validation.ValidationException when the protocol or the profile has a
   *     problem (an unset required parameter, a profile for another protocol, ...)
   */
  Optional<ProtocolTemplate> template(String id, Optional<Path> profile);

  /**
   * The protocol a scenario or course file names in its {@code protocol:} field: a template file
   * ({@code .yaml}, {@code .yml}, {@code .json}) relative to that file's folder, or else a
   * protocol of this catalog; either resolved with the clinic profile file when one is given.
   *
   * @param folder the folder of the file that names the protocol; null for the current folder
   * @throws ValidationException at {@code protocol} when it is neither a file name nor an id this
   *     catalog has, or with the template's or profile's own problems
   */
  default ProtocolTemplate resolveReference(String reference, @Nullable Path folder, Optional<Path> profile) {
    if (DocumentFormat.fromName(reference).isPresent()) {
      Path template = folder == null ? Path.of(reference) : folder.resolve(reference).normalize();
      return profile.isPresent() ? ProtocolFiles.read(template, profile.get()) : ProtocolFiles.read(template);
    }
    return template(reference, profile).orElseThrow(() -> new ValidationException(List.of(Problem.at("protocol",
        "'" + reference + "' is neither a template file (.yaml, .yml, .json) nor a built-in protocol id"))));
  }

  /** The catalog that knows no protocol: only template files can be used. */
  static ProtocolCatalog none() {
    return (id, profile) -> Optional.empty();
  }

  /**
   * A catalog of YAML template texts by id, read as {@link ProtocolFiles} reads a file; problems
   * name the document {@code builtin:<id>}.
   */
  static ProtocolCatalog ofTexts(Function<String, Optional<String>> yamlById) {
    Objects.requireNonNull(yamlById, "yamlById");
    return (id, profile) -> yamlById.apply(id).map(text -> profile.isPresent()
        ? ProtocolFiles.read(text, DocumentFormat.YAML, sourceName(id), profile.get())
        : ProtocolFiles.read(text, DocumentFormat.YAML, sourceName(id)));
  }

  /**
   * A catalog of templates already resolved: a profile cannot change them, so asking for one with
   * a profile is refused rather than silently ignoring the clinic's values.
   */
  static ProtocolCatalog ofTemplates(Function<String, Optional<ProtocolTemplate>> templateById) {
    Objects.requireNonNull(templateById, "templateById");
    return (id, profile) -> {
      Optional<ProtocolTemplate> template = templateById.apply(id);
      if (template.isPresent() && profile.isPresent()) {
        throw new ValidationException(List.of(Problem.at("profile",
            "protocol '" + id + "' is already resolved; a clinic profile cannot be applied to it")));
      }
      return template;
    };
  }

  /** How problems in the catalog's protocol with this id name their document. */
  static String sourceName(String id) {
    return "builtin:" + id;
  }
}
