package org.kapsdk.cli;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import org.kapsdk.core.gate.ConditionExtension;
import org.kapsdk.core.gate.ConditionExtensions;
import org.kapsdk.core.validation.Problem;
import picocli.CommandLine.Option;

/**
 * The {@code --extensions} option shared by {@code check} and {@code test}: jars or class
 * directories holding a host's {@link ConditionExtension}s, registered through {@code
 * META-INF/services}. Without it, {@code kind: extension} conditions evaluate to UNKNOWN, which
 * blocks; the option exists so testers can run a protocol with the host's own checks without
 * writing Java.
 */
final class ExtensionOption {
  static final String SERVICE_FILE = "META-INF/services/org.kapsdk.core.gate.ConditionExtension";

  @Option(
      names = "--extensions",
      paramLabel = "PATH",
      description =
          "Jars or class directories with the host's condition extensions, registered in "
              + SERVICE_FILE
              + "; several may be given by repeating the option or joined like a class path"
              + " (: on Unix, ; on Windows).")
  List<String> options = new ArrayList<>();

  /** A problem and the path it concerns. */
  record PathProblem(String file, Problem problem) {}

  /** The outcome of loading: the extensions, or why they could not be loaded. */
  record Loaded(ConditionExtensions extensions, List<PathProblem> problems) {}

  /**
   * Loads the extensions on the class path plus those given to the option. Every path must exist
   * and register at least one extension: a mistyped path must not silently leave the host's
   * checks UNKNOWN, which would look like a protocol problem rather than a usage problem.
   */
  Loaded load() {
    // Split here rather than by picocli: the separator is the platform's, as in a class path, so
    // that Windows drive letters survive.
    List<Path> paths = new ArrayList<>();
    List<PathProblem> problems = new ArrayList<>();
    for (String option : options) {
      for (String part : option.split(Pattern.quote(File.pathSeparator), -1)) {
        if (part.isBlank()) {
          continue;
        }
        try {
          paths.add(Path.of(part));
        } catch (InvalidPathException e) {
          problems.add(
              new PathProblem(
                  Texts.oneLine(part), Problem.at("", "given to --extensions, but not a valid path")));
        }
      }
    }
    List<URL> urls = new ArrayList<>();
    for (Path path : paths) {
      String problem = checkPath(path);
      if (problem != null) {
        problems.add(new PathProblem(path.toString(), Problem.at("", problem)));
        continue;
      }
      try {
        urls.add(path.toAbsolutePath().toUri().toURL());
      } catch (MalformedURLException e) {
        problems.add(
            new PathProblem(path.toString(), Problem.at("", "not a usable path: " + e.getMessage())));
      }
    }
    if (!problems.isEmpty()) {
      return new Loaded(ConditionExtensions.none(), problems);
    }
    if (urls.isEmpty()) {
      return new Loaded(ConditionExtensions.fromServiceLoader(), List.of());
    }
    // Never closed: the extensions' classes must stay loadable for the life of this short process.
    URLClassLoader loader =
        new URLClassLoader(urls.toArray(URL[]::new), ExtensionOption.class.getClassLoader());
    String label = String.join(File.pathSeparator, paths.stream().map(Path::toString).toList());
    try {
      List<ConditionExtension> found =
          ServiceLoader.load(ConditionExtension.class, loader).stream()
              .map(ServiceLoader.Provider::get)
              .toList();
      return new Loaded(ConditionExtensions.of(found), List.of());
    } catch (ServiceConfigurationError | IllegalArgumentException | LinkageError e) {
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return new Loaded(
          ConditionExtensions.none(),
          List.of(
              new PathProblem(
                  label, Problem.at("", "cannot load the condition extensions: " + reason))));
    }
  }

  /** Why a path cannot serve as an extension path, or null when it can. */
  private static String checkPath(Path path) {
    if (Files.isDirectory(path)) {
      return Files.isRegularFile(path.resolve(SERVICE_FILE))
          ? null
          : "registers no condition extension: expected the file " + SERVICE_FILE + " in this directory";
    }
    if (!Files.isRegularFile(path)) {
      return "given to --extensions, but there is no such jar or directory";
    }
    try (JarFile jar = new JarFile(path.toFile())) {
      return jar.getEntry(SERVICE_FILE) != null
          ? null
          : "registers no condition extension: expected the entry " + SERVICE_FILE + " in this jar";
    } catch (IOException e) {
      return "given to --extensions, but it is neither a jar file nor a directory";
    }
  }
}
