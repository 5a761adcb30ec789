package org.kapsdk.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kapsdk.core.facts.PatientFacts;
import org.kapsdk.core.gate.ClinicianOverride;
import org.kapsdk.core.gate.FactUse;
import org.kapsdk.core.gate.Finding;
import org.kapsdk.core.gate.GateRequest;
import org.kapsdk.core.gate.Outcome;
import org.kapsdk.core.gate.SafetyGate;
import org.kapsdk.core.gate.Verdict;
import org.kapsdk.core.gate.VerdictOutcome;
import org.kapsdk.core.io.FactsFiles;
import org.kapsdk.core.io.Locations;
import org.kapsdk.core.io.ProtocolFiles;
import org.kapsdk.core.model.Evidence;
import org.kapsdk.core.model.Gate;
import org.kapsdk.core.model.ProtocolTemplate;
import org.kapsdk.core.model.Quantity;
import org.kapsdk.core.model.Severity;
import org.kapsdk.core.validation.Problem;
import org.kapsdk.core.validation.ValidationException;
import org.kapsdk.cli.ProblemOutput.FileProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kapsdk check PROTOCOL --facts FILE --gate GATE …}: asks the safety gate "may this
 * proceed?" for one patient's facts and prints the verdict with every finding explained.
 *
 * <p>As text, stdout gets the verdict first, then one block per finding: blocking findings
 * first, then the other failed or unknown ones, then overridden, passed and not-applicable ones,
 * each group in template order. With {@code --json}, stdout gets one JSON document (findings in
 * template order). Exit 0 for PROCEED, 1 for PROCEED_WITH_WARNINGS or BLOCKED, 2 for bad input:
 * every problem with the inputs (option values, the template, facts and overrides files, and a
 * request the gate refuses) is printed, one line each, on stderr (in the document with
 * {@code --json}).
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Evaluates one gate of a protocol template for one patient's facts and explains the verdict"
          + " (PROCEED, PROCEED_WITH_WARNINGS or BLOCKED) finding by finding.",
      "Times in the facts and overrides files may be ISO-8601 instants or relative to the"
          + " evaluation instant (T0, T0-40m, T0-1d)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:PROCEED",
      "1:PROCEED_WITH_WARNINGS or BLOCKED",
      "2:bad input: a missing, malformed or invalid file, a bad option value, a request the gate"
          + " refuses (such as an override of a rule that is not overridable), or a usage error",
      "3:internal error in kapsdk (a bug; please report it)"
    })
final class CheckCommand implements Callable<Integer> {
  /** The widest finding-block label, {@code facts used:}, plus one space. */
  private static final int LABEL_WIDTH = 12;

  @Parameters(
      index = "0",
      paramLabel = "FILE_OR_ID",
      description = "The protocol template file (.yaml, .yml, .json), or a built-in protocol id (kapsdk list).")
  String protocol = "";

  @Option(
      names = "--facts",
      required = true,
      paramLabel = "FILE",
      description = "The patient facts file (.yaml, .yml, .json); see docs/facts-format.md.")
  Path facts = Path.of("");

  @Option(
      names = "--gate",
      required = true,
      paramLabel = "GATE",
      description =
          "The gate to evaluate: ELIGIBILITY, PRE_DOSE, DURING_SESSION, DISCHARGE or COURSE"
              + " (case and - or _ do not matter).")
  String gate = "";

  @Option(
      names = "--at",
      paramLabel = "INSTANT",
      description =
          "The evaluation instant, ISO-8601 (2026-01-05T09:00:00Z); T0 in the facts file. Default:"
              + " the current time.")
  @Nullable String at;

  @Option(
      names = "--session",
      paramLabel = "ID",
      description =
          "The occurrence id of the current session among the facts' sessions; required for"
              + " PRE_DOSE, DURING_SESSION and DISCHARGE.")
  @Nullable String session;

  @Option(
      names = "--planned-dose",
      paramLabel = "QUANTITY",
      description = "The dose about to be given, such as \"56 mg\"; PRE_DOSE dose limits are"
          + " UNKNOWN without it.")
  @Nullable String plannedDose;

  @Option(
      names = "--override",
      paramLabel = "FILE",
      description = "A file listing clinician overrides under 'overrides:' (ruleId, clinicianId,"
          + " role, reason, at, session).")
  @Nullable Path overrideFile;

  @Mixin ExtensionOption extensionOption = new ExtensionOption();

  @Mixin ProfileOption profileOption = new ProfileOption();

  @Option(names = "--json", description = "Print one JSON document on stdout instead of text.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<FileProblem> problems = new ArrayList<>();

    ExtensionOption.Loaded extensions = extensionOption.load();
    extensions.problems().forEach(p -> problems.add(new FileProblem(p.file(), p.problem())));
    ProtocolTemplate template = readProtocol(problems);
    Instant t0 = parseInstant(problems);
    PatientFacts patientFacts = read(problems, facts.toString(), () -> FactsFiles.read(facts, t0));
    Gate parsedGate = parseGate(problems);
    Quantity dose = parseDose(problems);
    Path overridePath = overrideFile;
    List<ClinicianOverride> overrides =
        overridePath == null
            ? List.of()
            : read(problems, overridePath.toString(), () -> OverrideFiles.read(overridePath, t0));

    Verdict verdict = null;
    if (problems.isEmpty()) {
      GateRequest request =
          GateRequest.builder()
              .gate(parsedGate)
              .at(t0)
              .facts(patientFacts)
              .session(Optional.ofNullable(session))
              .plannedDose(Optional.ofNullable(dose))
              .addAllOverrides(overrides)
              .build();
      try {
        verdict = SafetyGate.compile(template, extensions.extensions()).evaluate(request);
      } catch (ValidationException e) {
        e.problems().forEach(p -> problems.add(placeRequestProblem(p)));
      }
    }

    if (verdict == null) {
      return ProblemOutput.badInput(out, err, json, "verdict", problems);
    }

    if (json) {
      JsonOutput.print(out, toJson(verdict));
    } else {
      toText(verdict).lines().forEach(out::println);
      out.flush();
    }
    return verdict.outcome() == VerdictOutcome.PROCEED ? ExitCodes.OK : ExitCodes.FAILED;
  }

  // ------------------------------------------------------------------------------------ input


  private interface Reader<T> {
    T read();
  }

  private static <T> @Nullable T read(List<FileProblem> problems, String file, Reader<T> reader) {
    try {
      return reader.read();
    } catch (ValidationException e) {
      e.problems().forEach(p -> problems.add(new FileProblem(file, p)));
      return null;
    }
  }

  private @Nullable ProtocolTemplate readProtocol(List<FileProblem> problems) {
    Path profile = profileOption.file();
    return read(problems, protocol, () -> ProtocolArgument.of(protocol).read(profile));
  }

  private Instant parseInstant(List<FileProblem> problems) {
    String text = at;
    if (text == null) {
      // To the second: the verdict prints the instant, and nanoseconds there are noise.
      return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }
    try {
      return Instant.parse(text.strip());
    } catch (DateTimeParseException e) {
      problems.add(
          option(
              "--at",
              "'" + Texts.oneLine(text) + "' is not an ISO-8601 instant such as"
                  + " 2026-01-05T09:00:00Z"));
      // Read the files anyway, against any instant, so that their problems are reported too.
      return Instant.EPOCH;
    }
  }

  private @Nullable Gate parseGate(List<FileProblem> problems) {
    String name = gate.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    for (Gate g : Gate.values()) {
      if (g.name().equals(name)) {
        return g;
      }
    }
    problems.add(
        option(
            "--gate",
            "'" + Texts.oneLine(gate) + "' is not a gate; expected one of "
                + Arrays.stream(Gate.values()).map(Enum::name).collect(Collectors.joining(", "))));
    return null;
  }

  private @Nullable Quantity parseDose(List<FileProblem> problems) {
    String text = plannedDose;
    if (text == null) {
      return null;
    }
    try {
      return Quantity.parse(text);
    } catch (IllegalArgumentException e) {
      problems.add(option("--planned-dose", "'" + Texts.oneLine(text) + "': " + e.getMessage()));
      return null;
    }
  }

  private static FileProblem option(String name, String message) {
    return new FileProblem(name, Problem.at("", message));
  }

  /**
   * A problem the gate found with the request, placed at the input it concerns: {@code session}
   * is the {@code --session} option, {@code facts.…} the facts file and {@code overrides[i]…}
   * the overrides file, whose layout the paths follow.
   */
  private FileProblem placeRequestProblem(Problem p) {
    String path = p.path();
    if (path.equals("session")) {
      return new FileProblem("--session", Problem.at("", p.message()));
    }
    if (path.startsWith("facts.")) {
      // The facts file holds the facts at its root, so the rest of the path is a path in the file.
      Problem inFacts = Problem.at(path.substring("facts.".length()), p.message());
      return new FileProblem(facts.toString(), Locations.inFile(facts, List.of(inFacts)).get(0));
    }
    Path overridePath = overrideFile;
    if ((path.equals("overrides") || path.startsWith("overrides[")) && overridePath != null) {
      return new FileProblem(overridePath.toString(), p);
    }
    return new FileProblem("request", p);
  }

  // ------------------------------------------------------------------------------------- text

  /** Findings in the order a reader needs them: what blocks, what warns, then the rest. */
  static List<Finding> attentionOrder(List<Finding> findings) {
    return findings.stream().sorted(Comparator.comparingInt(CheckCommand::rank)).toList();
  }

  private static int rank(Finding f) {
    if (f.isBlocking()) {
      return 0;
    }
    return switch (f.outcome()) {
      case FAIL, UNKNOWN -> f.severity() == Severity.INFO ? 2 : 1;
      case OVERRIDDEN -> 3;
      case PASS -> 4;
      case NOT_APPLICABLE -> 5;
    };
  }

  private String toText(Verdict verdict) {
    StringBuilder text = new StringBuilder();
    text.append(verdict.outcome()).append(": gate ").append(verdict.gate()).append(" at ")
        .append(verdict.at()).append('\n');
    header(text, "template:", verdict.templateId() + " " + verdict.templateVersion());
    if (session != null) {
      header(text, "session:", Texts.oneLine(session));
    }
    if (plannedDose != null) {
      header(text, "dose:", Quantity.parse(plannedDose).toString());
    }
    header(text, "findings:", summary(verdict));
    List<String> blocking = verdict.blockingFindings().stream().map(Finding::ruleId).toList();
    if (!blocking.isEmpty()) {
      header(text, "blocked by:", String.join(", ", blocking));
    }
    List<String> warnings = verdict.findings().stream()
        .filter(f -> !f.isBlocking() && f.severity() == Severity.WARN
            && (f.outcome() == Outcome.FAIL || f.outcome() == Outcome.UNKNOWN))
        .map(Finding::ruleId).toList();
    if (!warnings.isEmpty()) {
      header(text, "warnings:", String.join(", ", warnings));
    }
    List<String> overridden = verdict.findings().stream()
        .filter(f -> f.outcome() == Outcome.OVERRIDDEN).map(Finding::ruleId).toList();
    if (!overridden.isEmpty()) {
      header(text, "overridden:", String.join(", ", overridden));
    }

    List<Finding> ordered = attentionOrder(verdict.findings());
    int outcomeWidth = ordered.stream().mapToInt(f -> f.outcome().name().length()).max().orElse(0);
    for (Finding f : ordered) {
      text.append('\n');
      finding(text, f, outcomeWidth);
    }
    return text.toString();
  }

  private static void header(StringBuilder text, String label, String value) {
    text.append("  ").append(Texts.pad(label, LABEL_WIDTH)).append(value).append('\n');
  }

  /** {@code 4 findings: 1 FAIL, 1 UNKNOWN, 2 PASS}; outcomes that did not occur are left out. */
  static String summary(Verdict verdict) {
    Map<Outcome, Integer> counts = counts(verdict);
    String parts = counts.entrySet().stream().filter(e -> e.getValue() > 0)
        .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
    int total = verdict.findings().size();
    return Texts.count(total, "rule") + " evaluated" + (parts.isEmpty() ? "" : ": " + parts);
  }

  private static Map<Outcome, Integer> counts(Verdict verdict) {
    Map<Outcome, Integer> counts = new LinkedHashMap<>();
    for (Outcome o : List.of(Outcome.FAIL, Outcome.UNKNOWN, Outcome.OVERRIDDEN, Outcome.PASS,
        Outcome.NOT_APPLICABLE)) {
      counts.put(o, 0);
    }
    verdict.findings().forEach(f -> counts.merge(f.outcome(), 1, Integer::sum));
    return counts;
  }

  private static void finding(StringBuilder text, Finding f, int outcomeWidth) {
    text.append(Texts.pad(f.outcome().name(), outcomeWidth)).append("  ").append(f.ruleId())
        .append("  severity ").append(f.severity());
    if (f.isBlocking()) {
      text.append(", blocks the verdict");
    } else if (f.outcome() == Outcome.OVERRIDDEN) {
      text.append(", overridden (evaluated ").append(f.evaluatedOutcome()).append(')');
    }
    text.append('\n');
    field(text, "message:", List.of(Texts.oneLine(f.message())));
    field(text, "threshold:", List.of(Texts.oneLine(f.threshold())));
    field(text, "facts used:", facts(f.factsUsed()));
    field(text, "missing:", f.missingFacts().stream().map(Texts::oneLine).toList());
    field(text, "evidence:", evidence(f));
    f.override().ifPresent(o -> field(text, "override:", List.of(override(o))));
  }

  private static void field(StringBuilder text, String label, List<String> lines) {
    for (int i = 0; i < lines.size(); i++) {
      text.append("  ").append(Texts.pad(i == 0 ? label : "", LABEL_WIDTH)).append(lines.get(i))
          .append('\n');
    }
  }

  /** One line per fact, label and value in aligned columns: {@code Systolic …  152 mmHg  at …}. */
  private static List<String> facts(List<FactUse> used) {
    int labelWidth = used.stream().mapToInt(u -> Texts.oneLine(u.label()).length()).max().orElse(0);
    int valueWidth = used.stream().mapToInt(u -> Texts.oneLine(u.value()).length()).max().orElse(0);
    List<String> lines = new ArrayList<>();
    for (FactUse u : used) {
      String line = Texts.pad(Texts.oneLine(u.label()), labelWidth) + "  "
          + (u.at().isPresent()
              ? Texts.pad(Texts.oneLine(u.value()), valueWidth) + "  at " + u.at().get()
              : Texts.oneLine(u.value()));
      lines.add(line);
    }
    return lines;
  }

  private static List<String> evidence(Finding f) {
    if (f.rule().isEmpty()) {
      return List.of("none: a limit the gate derives from the session template's dosing spec");
    }
    return f.evidence().stream().map(CheckCommand::evidence).toList();
  }

  /** {@code PI: citation, section 2.3 (US)}, with {@code (unconfirmed)} for a placeholder. */
  static String evidence(Evidence e) {
    StringBuilder line = new StringBuilder(e.key()).append(": ").append(e.citation());
    e.section().ifPresent(s -> line.append(", section ").append(s));
    e.jurisdiction().ifPresent(j -> line.append(" (").append(j).append(')'));
    if (!e.confirmed()) {
      line.append(" (unconfirmed)");
    }
    return Texts.oneLine(line.toString());
  }

  private static String override(ClinicianOverride o) {
    return Texts.oneLine("by " + o.role() + " " + o.clinicianId() + " at " + o.at() + ": " + o.reason());
  }

  // ------------------------------------------------------------------------------------- JSON

  private ObjectNode toJson(Verdict verdict) {
    ObjectNode document = JsonOutput.object();
    document.put("verdict", verdict.outcome().name());
    document.put("gate", verdict.gate().name());
    document.put("at", verdict.at().toString());
    ObjectNode template = document.putObject("template");
    template.put("id", verdict.templateId());
    template.put("version", verdict.templateVersion());
    document.put("session", session);
    document.put("plannedDose", plannedDose == null ? null : Quantity.parse(plannedDose).toString());
    ObjectNode counts = document.putObject("counts");
    counts(verdict).forEach((o, n) -> counts.put(o.name(), n));
    ArrayNode blocking = document.putArray("blockedBy");
    verdict.blockingFindings().forEach(f -> blocking.add(f.ruleId()));
    ArrayNode findings = document.putArray("findings");
    verdict.findings().forEach(f -> findings.add(toJson(f)));
    return document;
  }

  private static ObjectNode toJson(Finding f) {
    ObjectNode node = JsonOutput.object();
    node.put("ruleId", f.ruleId());
    node.put("outcome", f.outcome().name());
    node.put("evaluatedOutcome", f.evaluatedOutcome().name());
    node.put("severity", f.severity().name());
    node.put("blocking", f.isBlocking());
    node.put("message", f.message());
    node.put("threshold", f.threshold());
    ArrayNode used = node.putArray("factsUsed");
    for (FactUse u : f.factsUsed()) {
      ObjectNode fact = used.addObject();
      fact.put("label", u.label());
      fact.put("value", u.value());
      fact.put("at", u.at().map(Instant::toString).orElse(null));
    }
    ArrayNode missing = node.putArray("missingFacts");
    f.missingFacts().forEach(missing::add);
    node.put("derived", f.rule().isEmpty());
    ArrayNode evidence = node.putArray("evidence");
    for (Evidence e : f.evidence()) {
      ObjectNode entry = evidence.addObject();
      entry.put("key", e.key());
      entry.put("citation", e.citation());
      entry.put("section", e.section().orElse(null));
      entry.put("jurisdiction", e.jurisdiction().orElse(null));
      entry.put("confirmed", e.confirmed());
    }
    Optional<ClinicianOverride> override = f.override();
    if (override.isPresent()) {
      ClinicianOverride o = override.get();
      ObjectNode entry = node.putObject("override");
      entry.put("ruleId", o.ruleId());
      entry.put("clinicianId", o.clinicianId());
      entry.put("role", o.role());
      entry.put("reason", o.reason());
      entry.put("at", o.at().toString());
      entry.put("session", o.session().orElse(null));
    } else {
      node.putNull("override");
    }
    return node;
  }
}
