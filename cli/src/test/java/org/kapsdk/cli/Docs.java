package org.kapsdk.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The repository's {@code docs/} folder, as the documentation tests see it. */
final class Docs {
  /** Set to {@code true} to rewrite the generated documents instead of comparing them. */
  static final String UPDATE_PROPERTY = "kapsdk.updateDocs";

  private Docs() {}

  /** {@code docs/}, found from the module directory (surefire's working directory) upwards. */
  static Path dir() {
    Path here = Path.of("").toAbsolutePath();
    for (Path p = here; p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("docs/design/decisions.md"))) {
        return p.resolve("docs");
      }
    }
    throw new IllegalStateException("no docs/design/decisions.md above " + here);
  }

  /** Every Markdown file directly in {@code docs/}, sorted by name. */
  static List<Path> markdownFiles() {
    try (Stream<Path> files = Files.list(dir())) {
      return files.filter(f -> f.getFileName().toString().endsWith(".md")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static boolean updating() {
    return Boolean.getBoolean(UPDATE_PROPERTY);
  }
}
