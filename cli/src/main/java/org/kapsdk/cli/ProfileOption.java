package org.kapsdk.cli;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The {@code --profile FILE} option every command that reads a template shares: the clinic
 * profile that sets the template's parameters (the values the clinic decides, such as how old a
 * blood pressure reading may be). Where a scenario or course file names its own profile, the
 * option replaces it.
 */
final class ProfileOption {
  @Option(
      names = "--profile",
      paramLabel = "FILE",
      description =
          "The clinic profile (.yaml, .yml, .json) that sets the template's parameters; replaces"
              + " the profile a scenario or course file names.")
  @Nullable Path profile;

  /** The profile file given, or null. */
  @Nullable Path file() {
    return profile;
  }
}
