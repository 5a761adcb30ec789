package org.kapsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every relative link and every repository path written in the README files and the guides names
 * a file that exists, so a renamed example or moved file cannot leave a reader at a dead end.
 */
class DocsLinksTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)]*)?\\)");
  // A path in backticks that starts at a module or top-level folder and ends in a source or data file.
  private static final Pattern CODE_PATH = Pattern.compile(
      "`((?:core|cli|protocols|testing|examples|benchmarks|docs|schemas)/[\\w./-]+\\.(?:java|yaml|md|json))`");

  private static List<Path> documents() throws IOException {
    List<Path> docs = new ArrayList<>();
    docs.add(ROOT.resolve("README.md"));
    for (String module : List.of("core", "cli", "protocols", "testing", "examples", "benchmarks", "schemas",
        "examples/scenarios")) {
      Path readme = ROOT.resolve(module).resolve("README.md");
      if (Files.exists(readme)) {
        docs.add(readme);
      }
    }
    try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
      files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(docs::add);
    }
    return docs;
  }

  @Test
  void everyRelativeLinkAndRepositoryPathInTheDocsExists() throws IOException {
    List<String> dead = new ArrayList<>();
    int checked = 0;
    for (Path doc : documents()) {
      String text = Files.readString(doc);
      Matcher link = LINK.matcher(text);
      while (link.find()) {
        String target = link.group(1);
        if (target.startsWith("http://") || target.startsWith("https://") || target.startsWith("mailto:")
            || target.startsWith("../shared/") || target.startsWith("../../shared/")) {
          continue;
        }
        checked++;
        if (!Files.exists(doc.getParent().resolve(target).normalize())) {
          dead.add(ROOT.relativize(doc) + ": link " + target);
        }
      }
      Matcher path = CODE_PATH.matcher(text);
      while (path.find()) {
        // "save it as `docs/x.yaml`" names a file the reader is about to create.
        if (text.substring(Math.max(0, path.start() - 3), path.start()).equals("as ")) {
          continue;
        }
        checked++;
        String target = path.group(1);
        if (!Files.exists(ROOT.resolve(target)) && !Files.exists(doc.getParent().resolve(target))) {
          dead.add(ROOT.relativize(doc) + ": path " + target);
        }
      }
    }
    assertThat(checked).as("links and paths checked").isGreaterThan(50);
    assertThat(dead).isEmpty();
  }
}
