package org.kapsdk.core.io;

import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.file.Path;
import org.kapsdk.core.internal.DocumentCodec;
import org.kapsdk.core.internal.TreePaths;
import org.kapsdk.core.io.TemplateResolver.ProfileInput;
import org.kapsdk.core.model.ClinicProfile;
import org.kapsdk.core.model.ProtocolTemplate;
import org.kapsdk.core.model.ResolvedProtocol;

/**
 * Reads and writes protocol templates as YAML or JSON: the one entry point for template files.
 *
 * <p>Reading is strict and all-or-nothing. Unknown fields, duplicate keys, nulls, wrong types,
 * malformed or truncated text, an empty file and a file over 4 MiB are errors, and so is every
 * structural problem the builders would report. Each problem names the file, the line and
 * column, the path ({@code phases[1].sessions[0].dosing.maxPerSession}) and what was expected,
 * and all of them arrive together in one {@link org.kapsdk.core.validation.ValidationException}.
 *
 * <p><b>Parameters.</b> A template may declare {@linkplain org.kapsdk.core.model.Parameter
 * parameters} and write any scalar value as {@code ${name}}; a {@linkplain ClinicProfile clinic
 * profile} sets their values. Reading resolves them first: each placeholder gets the profile's
 * value, else the parameter's default, checked against the declaration (type, unit, range), and
 * the template is then read and checked as usual, so a problem with a substituted value points at
 * the template line of its placeholder. A required parameter without a value, a placeholder naming
 * no parameter, a parameter never used, a profile for another template (or a version outside its
 * range), a value for an unknown parameter, of the wrong type or unit, or out of range: each is
 * reported with its file, line and column, all at once. When the only problems are required
 * parameters without a value, the exception is an {@link UnsetParametersException}.
 *
 * <p>Writing is deterministic and exact: reading what was written gives an equal template. A
 * template with parameters is written as its author wrote it, with {@code ${name}} at each
 * placeholder, never with one clinic's values; read it back with the same profile to get an equal
 * template.
 *
 * <pre>{@code
 * ProtocolTemplate template = ProtocolFiles.read(Path.of("protocols/esketamine-trd.yaml"),
 *     Path.of("profiles/riverside.yaml"));
 * ResolvedProtocol resolved = ProtocolFiles.resolve(Path.of("protocols/esketamine-trd.yaml"),
 *     Path.of("profiles/riverside.yaml"));     // plus each parameter's value and where it came from
 * String yaml = ProtocolFiles.write(template, DocumentFormat.YAML);   // placeholders, not values
 * }</pre>
 */
public final class ProtocolFiles {
  private ProtocolFiles() {}

  /**
   * Reads a template file; the format follows the extension ({@code .yaml}, {@code .yml},
   * {@code .json}). Parameters take their defaults.
   *
   * @throws org.kapsdk.core.validation.ValidationException listing every problem, each with
   *     file, line, column and path, when the file is missing, unreadable, malformed or
   *     structurally invalid, or a required parameter has no default
   *     ({@link UnsetParametersException} when that is the only problem)
   */
  public static ProtocolTemplate read(Path file) {
    return resolve(file).template();
  }

  /**
   * Reads a template file with the parameter values of a clinic profile file.
   *
   * @throws org.kapsdk.core.validation.ValidationException listing every problem of the profile
   *     file, or of the template and the profile's values, each with its file, line and column
   */
  public static ProtocolTemplate read(Path file, Path profile) {
    return resolve(file, profile).template();
  }

  /**
   * Reads a template file with the parameter values of a clinic profile.
   *
   * @throws org.kapsdk.core.validation.ValidationException listing every problem; those of the
   *     profile's values name {@code <profile>} as their document
   */
  public static ProtocolTemplate read(Path file, ClinicProfile profile) {
    return resolve(file, profile).template();
  }

  /**
   * Reads a template from text. Parameters take their defaults.
   *
   * @param sourceName how problems name the document, for example a file name or {@code <request>}
   * @throws org.kapsdk.core.validation.ValidationException listing every problem
   */
  public static ProtocolTemplate read(String text, DocumentFormat format, String sourceName) {
    return TemplateResolver.resolve(text, format.syntax(), sourceName, null).template();
  }

  /**
   * Reads a template from text with the parameter values of a clinic profile.
   *
   * @param sourceName how problems name the document, for example a file name or {@code <request>}
   * @throws org.kapsdk.core.validation.ValidationException listing every problem
   */
  public static ProtocolTemplate read(String text, DocumentFormat format, String sourceName, ClinicProfile profile) {
    return resolve(text, format, sourceName, profile).template();
  }

  /**
   * Reads a template from text with the parameter values of a clinic profile file.
   *
   * @param sourceName how problems name the document, for example {@code builtin:<id>}
   * @throws org.kapsdk.core.validation.ValidationException listing every problem of the profile
   *     file, or of the template and the profile's values
   */
  public static ProtocolTemplate read(String text, DocumentFormat format, String sourceName, Path profile) {
    return resolve(text, format, sourceName, profile).template();
  }

  /**
   * Reads a template file with its parameters' defaults, and says what each parameter's value is.
   *
   * @throws org.kapsdk.core.validation.ValidationException as {@link #read(Path)} does
   */
  public static ResolvedProtocol resolve(Path file) {
    return TemplateResolver.resolve(DocumentCodec.text(file), DocumentCodec.syntaxOf(file), file.toString(), null);
  }

  /**
   * Reads a template file with a clinic profile file's values, and says what each parameter's
   * value is and whether it came from the profile or a default.
   *
   * @throws org.kapsdk.core.validation.ValidationException as {@link #read(Path, Path)} does
   */
  public static ResolvedProtocol resolve(Path file, Path profile) {
    ProfileInput input = ProfileInput.of(ProfileFiles.readLocated(profile));
    return TemplateResolver.resolve(DocumentCodec.text(file), DocumentCodec.syntaxOf(file), file.toString(), input);
  }

  /**
   * Reads a template file with a clinic profile's values, and says what each parameter's value
   * is and whether it came from the profile or a default.
   *
   * @throws org.kapsdk.core.validation.ValidationException as {@link #read(Path, ClinicProfile)} does
   */
  public static ResolvedProtocol resolve(Path file, ClinicProfile profile) {
    return TemplateResolver.resolve(DocumentCodec.text(file), DocumentCodec.syntaxOf(file), file.toString(),
        ProfileInput.inMemory(profile));
  }

  /**
   * Reads a template from text with its parameters' defaults, and says what each parameter's
   * value is.
   *
   * @throws org.kapsdk.core.validation.ValidationException listing every problem
   */
  public static ResolvedProtocol resolve(String text, DocumentFormat format, String sourceName) {
    return TemplateResolver.resolve(text, format.syntax(), sourceName, null);
  }

  /**
   * Reads a template from text with a clinic profile file's values, and says what each
   * parameter's value is and where it came from.
   *
   * @throws org.kapsdk.core.validation.ValidationException listing every problem
   */
  public static ResolvedProtocol resolve(String text, DocumentFormat format, String sourceName, Path profile) {
    ProfileInput input = ProfileInput.of(ProfileFiles.readLocated(profile));
    return TemplateResolver.resolve(text, format.syntax(), sourceName, input);
  }

  /**
   * Reads a template from text with a clinic profile's values, and says what each parameter's
   * value is and whether it came from the profile or a default.
   *
   * @throws org.kapsdk.core.validation.ValidationException listing every problem
   */
  public static ResolvedProtocol resolve(String text, DocumentFormat format, String sourceName, ClinicProfile profile) {
    return TemplateResolver.resolve(text, format.syntax(), sourceName, ProfileInput.inMemory(profile));
  }

  /**
   * The template as YAML or JSON text; the same template always gives the same text. A value a
   * parameter supplies is written as its placeholder, {@code ${name}}.
   */
  public static String write(ProtocolTemplate template, DocumentFormat format) {
    if (template.placeholders().isEmpty()) {
      return TemplateResolver.CODEC.write(template, format.syntax());
    }
    return TemplateResolver.CODEC.write(template, format.syntax(), tree -> placeholders(template, tree));
  }

  /**
   * Writes the template to a file in the format its extension implies, atomically: the file
   * never holds a partial document. Values a parameter supplies are written as placeholders.
   *
   * @throws java.io.UncheckedIOException when the file cannot be written
   */
  public static void write(ProtocolTemplate template, Path file) {
    if (template.placeholders().isEmpty()) {
      TemplateResolver.CODEC.write(template, file);
    } else {
      TemplateResolver.CODEC.write(template, file, tree -> placeholders(template, tree));
    }
  }

  private static void placeholders(ProtocolTemplate template, com.fasterxml.jackson.databind.JsonNode tree) {
    template.placeholders().forEach((path, name) -> {
      if (!TreePaths.replace(tree, path, TextNode.valueOf("${" + name + "}"))) {
        // The template's own check makes every placeholder path name a value.
        throw new IllegalStateException("placeholder path " + path + " names no value of the template");
      }
    });
  }

  /**
   * What a template is, whether or not its required parameters are set: read with the
   * parameters' defaults, or, when only required parameters lack values, the outline that
   * reading reports. For listing templates before a clinic has written its profile.
   *
   * @throws org.kapsdk.core.validation.ValidationException when the template has any other problem
   */
  public static TemplateOutline outline(String text, DocumentFormat format, String sourceName) {
    try {
      return TemplateOutline.of(read(text, format, sourceName));
    } catch (UnsetParametersException e) {
      return e.outline();
    }
  }
}
