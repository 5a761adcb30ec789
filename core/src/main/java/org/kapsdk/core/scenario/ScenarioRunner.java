package org.kapsdk.core.scenario;


import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.kapsdk.core.facts.PatientFacts;
import org.kapsdk.core.gate.ConditionExtensions;
import org.kapsdk.core.gate.Finding;
import org.kapsdk.core.gate.GateRequest;
import org.kapsdk.core.gate.Outcome;
import org.kapsdk.core.gate.SafetyGate;
import org.kapsdk.core.gate.Verdict;
import org.kapsdk.core.io.ProtocolCatalog;
import org.kapsdk.core.model.Gate;
import org.kapsdk.core.model.ProtocolTemplate;
import org.kapsdk.core.model.Severity;
import org.kapsdk.core.validation.Paths;
import org.kapsdk.core.validation.Problem;
import org.kapsdk.core.validation.ValidationException;

/**
 * Runs scenario files against the safety gate and reports, per scenario, every difference
 * between what the tester expected and what the gate said, plus rule coverage.
 *
 * <pre>{@code
 * SuiteResult result = ScenarioRunner.create().run(Path.of("scenarios/pre-dose.yaml"));
 * result.results().forEach(r -> System.out.println(r.name() + (r.passed() ? " ok" : " FAILED " + r.mismatches())));
 * }</pre>
 */
public final class ScenarioRunner {
  private static final Set<Gate> SESSION_GATES = Set.of(Gate.PRE_DOSE, Gate.DURING_SESSION, Gate.DISCHARGE);

  private final ProtocolCatalog builtIns;
  private final ConditionExtensions extensions;
  private final Optional<Path> profile;

  private ScenarioRunner(ProtocolCatalog builtIns, ConditionExtensions extensions,
      Optional<Path> profile) {
    this.builtIns = builtIns;
    this.extensions = extensions;
    this.profile = profile;
  }

  /** A runner that loads protocols from files and extensions through {@link java.util.ServiceLoader}. */
  public static ScenarioRunner create() {
    return new ScenarioRunner(ProtocolCatalog.none(), ConditionExtensions.fromServiceLoader(), Optional.empty());
  }

  /**
   * A runner that also resolves protocol ids (such as the built-ins of {@code kapsdk-protocols})
   * with the clinic profile a scenario file names, and uses the given extensions.
   */
  public static ScenarioRunner create(ProtocolCatalog catalog, ConditionExtensions extensions) {
    return new ScenarioRunner(catalog, extensions, Optional.empty());
  }

  /**
   * A runner that also resolves protocol ids to templates already resolved, and uses the given
   * extensions; a scenario file that names a profile for such a protocol is refused.
   *
   * @param builtIns looks up a protocol by id; empty when there is none
   */
  public static ScenarioRunner create(Function<String, Optional<ProtocolTemplate>> builtIns, ConditionExtensions extensions) {
    return create(ProtocolCatalog.ofTemplates(builtIns), extensions);
  }

  /**
   * This runner, resolving every scenario file's protocol with the given clinic profile file
   * instead of the profile the file names (if any): how a clinic runs a suite against its own
   * values.
   */
  public ScenarioRunner withProfile(Path profileFile) {
    return new ScenarioRunner(builtIns, extensions, Optional.of(profileFile));
  }

  /**
   * Reads and runs one scenario file.
   *
   * @throws ValidationException when the file, its protocol or a scenario is malformed: the
   *     file does not parse, states no scenario, repeats a scenario name, has a scenario that
   *     expects nothing or expects a rejection together with a verdict or rule outcomes, names a
   *     rule the protocol lacks, or has facts that extend an undefined fixture, extend fixtures in
   *     a cycle, lack a patient id or are invalid. Every problem is reported at once, each with
   *     the file, line and column where it is.
   */
  public SuiteResult run(Path file) {
    ScenarioFile scenarios = ScenarioFiles.read(file);
    Locator locator = Locator.of(file);
    ProtocolTemplate template;
    try {
      template = resolve(file, scenarios.protocol(), scenarios.profile());
    } catch (ValidationException e) {
      throw new ValidationException(locator.place(e.problems()));
    }
    return run(file.toString(), scenarios, template, locator);
  }

  /**
   * Runs already-loaded scenarios against a template; {@code source} names them in problems,
   * which carry no line or column.
   *
   * @throws ValidationException as {@link #run(Path)} does for a malformed scenario
   */
  public SuiteResult run(String source, ScenarioFile scenarios, ProtocolTemplate template) {
    return run(source, scenarios, template, Locator.wholeDocument(source));
  }

  private SuiteResult run(String source, ScenarioFile scenarios, ProtocolTemplate template, Locator locator) {
    SafetyGate gate = SafetyGate.compile(template, extensions);
    Map<String, Severity> rules = gate.ruleSeverities();
    Instant t0 = scenarios.clock().orElse(ScenarioFiles.DEFAULT_CLOCK);

    List<Problem> problems = new ArrayList<>();
    if (scenarios.scenarios().isEmpty()) {
      problems.add(Problem.at("scenarios", "must hold at least one scenario"));
    }
    problems.addAll(Fixtures.check(scenarios.fixtures()));
    Set<String> broken = Fixtures.broken(scenarios.fixtures());
    Map<String, PatientFacts> facts = new LinkedHashMap<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < scenarios.scenarios().size(); i++) {
      Scenario s = scenarios.scenarios().get(i);
      String path = Paths.index("scenarios", i);
      if (!names.add(s.name())) {
        problems.add(Problem.at(Paths.join(path, "name"), "duplicate scenario name '" + s.name() + "'"));
      }
      Expectation e = s.expect();
      if (e.verdict().isEmpty() && e.outcomes().isEmpty() && e.rejected().isEmpty()) {
        problems.add(Problem.at(Paths.join(path, "expect"), "must state a verdict, rule outcomes or a rejection"));
      } else if (e.rejected().isPresent() && (e.verdict().isPresent() || !e.outcomes().isEmpty())) {
        problems.add(Problem.at(Paths.join(path, "expect.rejected"),
            "a rejected request has no verdict or rule outcomes; expect either a rejection or a verdict and outcomes"));
      }
      if (e.rejected().filter(String::isBlank).isPresent()) {
        problems.add(Problem.at(Paths.join(path, "expect.rejected"), "must name text the rejection contains"));
      }
      for (String ruleId : e.outcomes().keySet()) {
        if (!rules.containsKey(ruleId)) {
          problems.add(Problem.at(Paths.join(path, "expect.outcomes." + ruleId),
              "protocol '" + template.id() + "' has no rule '" + ruleId + "'"));
        }
      }
      if (s.facts().base().filter(broken::contains).isPresent()) {
        continue; // the fixture's own problem is reported once, at the fixture
      }
      try {
        facts.put(s.name(), Fixtures.resolve(scenarios.fixtures(), s.facts(), Paths.join(path, "facts")));
      } catch (ValidationException ex) {
        problems.addAll(ex.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(locator.place(problems));
    }

    List<ScenarioResult> results = new ArrayList<>();
    Map<String, Set<Outcome>> seen = new LinkedHashMap<>();
    for (Scenario s : scenarios.scenarios()) {
      GateRequest request = GateRequest.builder()
          .gate(s.gate())
          .at(s.at().orElse(t0))
          .facts(facts.get(s.name()))
          .session(s.session())
          .plannedDose(s.plannedDose())
          .addAllOverrides(s.overrides())
          .build();
      Verdict verdict = null;
      String rejection = null;
      try {
        verdict = gate.evaluate(request);
      } catch (ValidationException ex) {
        rejection = ex.getMessage();
      }
      results.add(new ScenarioResult(s.name(), compare(s.expect(), verdict, rejection), verdict, rejection));
      if (verdict != null) {
        for (Finding f : verdict.findings()) {
          Set<Outcome> outcomes = seen.computeIfAbsent(f.ruleId(), id -> EnumSet.noneOf(Outcome.class));
          if (Coverage.COUNTED.contains(f.evaluatedOutcome())) {
            outcomes.add(f.evaluatedOutcome());
          }
          if (f.outcome() == Outcome.OVERRIDDEN) {
            outcomes.add(Outcome.OVERRIDDEN);
          }
        }
      }
    }
    return new SuiteResult(source, template.id(), results,
        new Coverage(template.id(), rules, seen, Reachability.unreachable(template)));
  }

  private static List<String> compare(Expectation e, Verdict verdict, String rejection) {
    List<String> out = new ArrayList<>();
    if (e.rejected().isPresent()) {
      if (rejection == null) {
        out.add("expected the request to be rejected with a message containing '" + e.rejected().get()
            + "', but the gate answered " + verdict.outcome());
      } else if (!rejection.contains(e.rejected().get())) {
        out.add("expected a rejection containing '" + e.rejected().get() + "', got: " + rejection);
      }
      return out;
    }
    if (rejection != null) {
      out.add("the gate rejected the request: " + rejection);
      return out;
    }
    e.verdict().filter(v -> v != verdict.outcome())
        .ifPresent(v -> out.add("verdict: expected " + v + ", got " + verdict.outcome()));
    e.outcomes().forEach((ruleId, expected) -> {
      Optional<Finding> f = verdict.finding(ruleId);
      if (f.isEmpty()) {
        out.add("rule " + ruleId + ": expected " + expected + ", but it is not evaluated at gate " + verdict.gate()
            + (SESSION_GATES.contains(verdict.gate()) ? " for this session" : ""));
      } else if (f.get().outcome() != expected) {
        out.add("rule " + ruleId + ": expected " + expected + ", got " + f.get().outcome() + " (" + f.get().message() + ")");
      }
    });
    return out;
  }

  private ProtocolTemplate resolve(Path scenarioFile, String protocol, Optional<String> profileInFile) {
    // Relative to the scenario file's folder, kept relative so messages name the path as given.
    Path base = scenarioFile.getParent();
    Optional<Path> profileFile = profile.or(() -> profileInFile.map(p -> base == null ? Path.of(p) : base.resolve(p).normalize()));
    return builtIns.resolveReference(protocol, base, profileFile);
  }
}
