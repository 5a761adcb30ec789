package org.kapsdk.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How the command line writes its output files: never a half-written file. Each file is written
 * to a temporary file beside its target and moved into place (atomically where the file system
 * can), keeping the permissions of a file it replaces; the temporary file is removed either way.
 */
final class AtomicFiles {
  private AtomicFiles() {}

  /** Writes one file; an existing file is replaced whole or not at all. */
  static void write(Path file, String text) throws IOException {
    Path target = file.toAbsolutePath();
    Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
    try {
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      moveIntoPlace(temp, target);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * Writes every file into the folder (created if missing): all are written to temporary files
   * first, and only when all are written is each moved into place, so a failure while writing
   * leaves every target as it was. Returns what went wrong, if anything.
   */
  static Optional<String> writeAll(Path dir, Map<String, String> files) {
    try {
      if (Files.exists(dir) && !Files.isDirectory(dir)) {
        return Optional.of("exists and is not a folder");
      }
      Files.createDirectories(dir);
    } catch (FileAlreadyExistsException e) {
      return Optional.of("a part of the path is a file, not a folder");
    } catch (IOException | InvalidPathException | SecurityException e) {
      return Optional.of("cannot create the folder (" + reason(e) + ")");
    }
    Map<Path, Path> temporary = new LinkedHashMap<>();
    try {
      for (Map.Entry<String, String> f : files.entrySet()) {
        Path tmp = Files.createTempFile(dir, "." + f.getKey() + ".", ".tmp");
        temporary.put(tmp, dir.resolve(f.getKey()));
        Files.writeString(tmp, f.getValue(), StandardCharsets.UTF_8);
      }
      for (Map.Entry<Path, Path> t : temporary.entrySet()) {
        moveIntoPlace(t.getKey(), t.getValue());
      }
      return Optional.empty();
    } catch (IOException | SecurityException e) {
      return Optional.of("cannot write into the folder (" + reason(e) + ")");
    } finally {
      for (Path tmp : temporary.keySet()) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException e) {
          // A temporary file that cannot be removed is left behind; the targets are complete or untouched.
        }
      }
    }
  }

  /** What went wrong, in one line, for a message. */
  static String reason(Exception e) {
    String name = e.getClass().getSimpleName();
    return e.getMessage() == null ? name : name + ": " + Texts.oneLine(e.getMessage());
  }

  private static void moveIntoPlace(Path temp, Path target) throws IOException {
    if (Files.exists(target) && Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class)) {
      Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(target));
    }
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
