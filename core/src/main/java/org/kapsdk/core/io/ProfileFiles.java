package org.kapsdk.core.io;

import java.nio.file.Path;
import java.util.Optional;
import org.kapsdk.core.internal.DocumentCodec;
import org.kapsdk.core.internal.Mappers;
import org.kapsdk.core.internal.SourceMap;
import org.kapsdk.core.model.ClinicProfile;
import org.kapsdk.core.model.StructuralChecks;
import org.kapsdk.core.validation.SourceLocation;

/**
 * Reads and writes clinic profiles as YAML or JSON (see {@link ClinicProfile}), with the same
 * strictness as every kapsdk reader: unknown fields, duplicate keys, nulls, malformed text and
 * structural problems (a blank clinic, a template id or version range that is not valid, a blank
 * value) are errors, each reported as {@code FILE:LINE:COL: path: message}, all at once.
 *
 * <p>Values may be written as text ({@code 1 h}, {@code 90 mmHg}) or, for whole numbers, as
 * numbers ({@code 5}). Whether they fit the template's parameters is checked when the profile is
 * used to resolve a template ({@link ProtocolFiles#resolve(Path, Path)}), each problem at the
 * profile's line.
 *
 * <pre>{@code
 * ClinicProfile profile = ProfileFiles.read(Path.of("profiles/riverside.yaml"));
 * ProtocolTemplate template = ProtocolFiles.read(Path.of("templates/esketamine-trd.yaml"), profile);
 * }</pre>
 */
public final class ProfileFiles {
  private static final DocumentCodec<ClinicProfile> CODEC =
      new DocumentCodec<>(ClinicProfile.class, "a clinic profile", StructuralChecks::problemsOf);

  private ProfileFiles() {}

  /**
   * Reads a profile file; the format follows the extension.
   *
   * @throws org.kapsdk.core.validation.ValidationException listing every problem with file,
   *     line and column
   */
  public static ClinicProfile read(Path file) {
    return readLocated(file).profile();
  }

  /**
   * Reads a profile from text.
   *
   * @param sourceName how problems name the document, for example a file name
   * @throws org.kapsdk.core.validation.ValidationException listing every problem
   */
  public static ClinicProfile read(String text, DocumentFormat format, String sourceName) {
    return CODEC.read(text, format.syntax(), sourceName);
  }

  /** The profile as YAML or JSON text; the same profile always gives the same text. */
  public static String write(ClinicProfile profile, DocumentFormat format) {
    return CODEC.write(profile, format.syntax());
  }

  /**
   * Writes the profile to a file in the format its extension implies, atomically.
   *
   * @throws java.io.UncheckedIOException when the file cannot be written
   */
  public static void write(ClinicProfile profile, Path file) {
    CODEC.write(profile, file);
  }

  /** A profile read from a file, with the places of its fields for problems found later. */
  record Located(ClinicProfile profile, String source, SourceMap map) {
    /** Where a path of the profile is written. */
    Optional<SourceLocation> locate(String path) {
      return Optional.of(map.locate(path));
    }
  }

  static Located readLocated(Path file) {
    String text = DocumentCodec.text(file);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    DocumentCodec.Syntax syntax = DocumentCodec.syntaxOf(file);
    ClinicProfile profile = CODEC.read(text, syntax, file.toString());
    return new Located(profile, file.toString(),
        SourceMap.of(file.toString(), text, syntax == DocumentCodec.Syntax.YAML ? Mappers.yaml() : Mappers.json()));
  }
}
