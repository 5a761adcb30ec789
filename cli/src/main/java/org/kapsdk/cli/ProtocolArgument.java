package org.kapsdk.cli;


import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kapsdk.core.io.DocumentFormat;
import org.kapsdk.core.io.Locations;
import org.kapsdk.core.io.ProtocolFiles;
import org.kapsdk.core.model.ProtocolTemplate;
import org.kapsdk.core.model.ResolvedProtocol;
import org.kapsdk.core.validation.Problem;
import org.kapsdk.core.validation.SourceLocation;
import org.kapsdk.core.validation.ValidationException;
import org.kapsdk.protocols.BuiltInProtocol;

/**
 * A {@code FILE_OR_ID} argument: a template file, or the id of a built-in protocol
 * ({@code kapsdk list}). A built-in is read exactly as a file is, with the same clinic profile
 * option, and its problems and findings are placed at {@code builtin:<id>:LINE:COL}.
 *
 * <p>An argument is a file when it names an existing file or ends in {@code .yaml}, {@code .yml}
 * or {@code .json} (so a missing template file is reported as missing, not as an unknown id);
 * otherwise it must be a built-in id. A file wins over a built-in of the same name.
 */
final class ProtocolArgument {
  private final String given;
  private final @Nullable Path file;
  private final @Nullable BuiltInProtocol builtIn;

  private ProtocolArgument(String given, @Nullable Path file, @Nullable BuiltInProtocol builtIn) {
    this.given = given;
    this.file = file;
    this.builtIn = builtIn;
  }

  /**
   * The argument as given on the command line.
   *
   * @throws ValidationException naming the argument and the built-in ids when it is neither a
   *     template file nor a built-in id
   */
  static ProtocolArgument of(String argument) {
    Path path = pathOrNull(argument);
    if (path != null && (DocumentFormat.fromName(argument).isPresent() || Files.exists(path))) {
      return new ProtocolArgument(argument, path, null);
    }
    BuiltInProtocol builtIn = BuiltInProtocol.byId(argument).orElse(null);
    if (builtIn != null) {
      return new ProtocolArgument(argument, null, builtIn);
    }
    throw new ValidationException(List.of(Problem.at("", "neither a template file (.yaml, .yml, .json) nor a built-in"
        + " protocol id; the built-ins are " + ids() + " (kapsdk list)")));
  }

  /** The ids of the built-in protocols, for messages. */
  static String ids() {
    return Arrays.stream(BuiltInProtocol.values()).map(BuiltInProtocol::id).collect(Collectors.joining(", "));
  }

  private static @Nullable Path pathOrNull(String argument) {
    try {
      return Path.of(argument);
    } catch (InvalidPathException e) {
      return null;
    }
  }

  /** How output and problems name this protocol: the file as given, or {@code builtin:<id>}. */
  String name() {
    return builtIn != null ? builtIn.sourceName() : given;
  }

  /** The template, with the clinic profile's values when a profile is given. */
  ProtocolTemplate read(@Nullable Path profile) {
    return resolve(profile).template();
  }

  /** The template and where each parameter's value came from. */
  ResolvedProtocol resolve(@Nullable Path profile) {
    if (file != null) {
      return profile == null ? ProtocolFiles.resolve(file) : ProtocolFiles.resolve(file, profile);
    }
    return profile == null
        ? ProtocolFiles.resolve(builtIn().text(), DocumentFormat.YAML, name())
        : builtIn().resolve(profile);
  }

  /** Problems found after reading (by the planner, say) placed at their line in the template. */
  List<Problem> place(List<Problem> problems) {
    return file != null
        ? Locations.inFile(file, problems)
        : Locations.inText(builtIn().text(), DocumentFormat.YAML, name(), problems);
  }

  /** The line and column of each path in the template, for findings such as lint's. */
  List<SourceLocation> locate(List<String> paths) {
    return file != null
        ? Locations.of(file, paths)
        : Locations.of(builtIn().text(), DocumentFormat.YAML, name(), paths);
  }

  private BuiltInProtocol builtIn() {
    if (builtIn == null) {
      throw new IllegalStateException("not a built-in: " + given);
    }
    return builtIn;
  }
}
