package org.kapsdk.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kapsdk.core.io.ProtocolFiles;
import org.kapsdk.core.io.TemplateOutline;
import org.kapsdk.core.io.UnsetParametersException;
import org.kapsdk.core.model.Parameter;
import org.kapsdk.core.model.ParameterValue;
import org.kapsdk.core.model.ResolvedProtocol;
import org.kapsdk.core.model.ValueOrigin;
import org.kapsdk.core.validation.Problem;
import org.kapsdk.core.validation.ValidationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kapsdk validate [--profile FILE] FILE…}: structural validation of protocol template
 * files.
 *
 * <p>Every file is read, even after an earlier one failed. As text, stdout gets one line per
 * file:
 *
 * <pre>
 * OK   FILE  ID VERSION "TITLE" (STATUS): N phases, N session templates, N rules[, N parameters]
 * FAIL FILE  N problems
 * </pre>
 *
 * followed, for a valid template with parameters, by one indented line per parameter that has a
 * value ({@code parameter NAME = VALUE (profile FILE:LINE:COL)} or {@code (default)}) and, when
 * required parameters have none, one line naming them ({@code N parameters to set in a clinic
 * profile before use (--profile FILE): a, b}). Without {@code --profile} that is not an error: a
 * template leaves clinic-policy values to a profile by design, and everything that does not depend
 * on those values has been checked. With {@code --profile}, the profile must set them. Stderr gets every problem of every invalid file,
 * one line each, as {@code FILE:LINE:COL: path: message} (see {@link ProblemOutput}). With
 * {@code --json}, stdout gets one JSON document and stderr nothing. Exit 0 when every file is
 * valid, 2 otherwise.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Checks protocol template files (.yaml, .yml, .json) for structural problems.",
      "Prints one line per file on stdout and every problem as FILE:LINE:COL: path: message on"
          + " stderr.",
      "Without --profile, required parameters without a value are listed, not reported as"
          + " problems; with --profile, the profile must set them and fit the template."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every file is a valid template",
      "2:a file is missing, unreadable, malformed or invalid, or a usage error",
      "3:internal error in kapsdk (a bug; please report it)"
    })
final class ValidateCommand implements Callable<Integer> {

  @Parameters(
      paramLabel = "FILE_OR_ID",
      arity = "1..*",
      description = "Template files or built-in protocol ids (kapsdk list) to validate; all of them are checked.")
  List<String> files = new ArrayList<>();

  @Option(
      names = "--json",
      description = "Print one JSON document on stdout instead of text lines.")
  boolean json;

  @Mixin ProfileOption profileOption = new ProfileOption();

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    boolean allValid = true;
    ArrayNode results = JsonOutput.array();
    for (String file : files) {
      Result result = validate(file, profileOption.file());
      allValid &= result.valid();
      if (json) {
        results.add(result.toJson());
      } else {
        result.print(out, err);
      }
    }
    if (json) {
      ObjectNode document = JsonOutput.object();
      document.put("valid", allValid);
      document.set("files", results);
      JsonOutput.print(out, document);
    }
    return allValid ? ExitCodes.OK : ExitCodes.BAD_INPUT;
  }

  private static Result validate(String file, @Nullable Path profile) {
    ProtocolArgument argument;
    try {
      argument = ProtocolArgument.of(file);
    } catch (ValidationException e) {
      return new Invalid(file, e.problems());
    }
    String name = argument.name();
    try {
      ResolvedProtocol resolved = argument.resolve(profile);
      return new Valid(name, TemplateOutline.of(resolved.template()), resolved.values(), List.of());
    } catch (UnsetParametersException e) {
      if (profile != null) {
        return new Invalid(name, e.problems());
      }
      return new Valid(name, e.outline(), List.of(), e.unset());
    } catch (ValidationException e) {
      return new Invalid(name, e.problems());
    }
  }

  /** What validating one file gave. */
  private sealed interface Result permits Valid, Invalid {
    boolean valid();

    void print(PrintWriter out, PrintWriter err);

    ObjectNode toJson();
  }

  /** A valid template: its outline, the values its parameters took, and those still to set. */
  private record Valid(String file, TemplateOutline template, List<ParameterValue> values, List<Parameter> unset)
      implements Result {
    @Override
    public boolean valid() {
      return true;
    }

    @Override
    public void print(PrintWriter out, PrintWriter err) {
      out.println(
          String.format(
              Locale.ROOT,
              "OK   %s  %s %s %s (%s): %s, %s, %s%s",
              file,
              template.id(),
              template.version(),
              quote(template.title()),
              template.status(),
              count(template.phases(), "phase"),
              count(template.sessionTemplates(), "session template"),
              count(template.rules(), "rule"),
              template.parameters().isEmpty() ? "" : ", " + count(template.parameters().size(), "parameter")));
      for (ParameterValue v : values) {
        out.println("     parameter " + v.name() + " = " + v.value() + " ("
            + (v.origin() == ValueOrigin.PROFILE ? "profile" + v.location().map(l -> " " + l).orElse("") : "default")
            + ")");
      }
      if (!unset.isEmpty()) {
        out.println("     " + count(unset.size(), "parameter") + " to set in a clinic profile before use (--profile FILE): "
            + unset.stream().map(Parameter::name).collect(Collectors.joining(", ")));
      }
      out.flush();
    }

    @Override
    public ObjectNode toJson() {
      ObjectNode node = JsonOutput.object();
      node.put("file", file);
      node.put("valid", true);
      node.put("id", template.id());
      node.put("version", template.version());
      node.put("title", template.title());
      node.put("status", template.status().name());
      node.put("phases", template.phases());
      node.put("sessionTemplates", template.sessionTemplates());
      node.put("rules", template.rules());
      if (!template.parameters().isEmpty()) {
        ArrayNode parameters = node.putArray("parameters");
        for (Parameter p : template.parameters()) {
          ObjectNode entry = parameters.addObject();
          entry.put("name", p.name());
          entry.put("type", p.type().name());
          ParameterValue value = values.stream().filter(v -> v.name().equals(p.name())).findFirst().orElse(null);
          if (value == null) {
            entry.putNull("value");
            entry.putNull("origin");
          } else {
            entry.put("value", value.value());
            entry.put("origin", value.origin().name());
          }
        }
        ArrayNode names = node.putArray("unset");
        unset.forEach(p -> names.add(p.name()));
      }
      return node;
    }
  }

  private record Invalid(String file, List<Problem> problems) implements Result {
    @Override
    public boolean valid() {
      return false;
    }

    @Override
    public void print(PrintWriter out, PrintWriter err) {
      out.println("FAIL " + file + "  " + count(problems.size(), "problem"));
      out.flush();
      ProblemOutput.print(err, file, problems);
    }

    @Override
    public ObjectNode toJson() {
      ObjectNode node = JsonOutput.object();
      node.put("file", file);
      node.put("valid", false);
      node.set("problems", ProblemOutput.json(file, problems));
      return node;
    }
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /** The text in double quotes, with quotes, backslashes and control characters escaped, on one line. */
  static String quote(String text) {
    StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        case '\n' -> quoted.append("\\n");
        case '\r' -> quoted.append("\\r");
        case '\t' -> quoted.append("\\t");
        default -> {
          if (Character.isISOControl(c)) {
            quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            quoted.append(c);
          }
        }
      }
    }
    return quoted.append('"').toString();
  }
}
