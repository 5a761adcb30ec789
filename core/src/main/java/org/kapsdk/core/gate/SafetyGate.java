package org.kapsdk.core.gate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kapsdk.core.facts.SessionRecord;
import org.kapsdk.core.model.CumulativeLimit;
import org.kapsdk.core.model.DoseLimit;
import org.kapsdk.core.model.DosingSpec;
import org.kapsdk.core.model.Evidence;
import org.kapsdk.core.model.Gate;
import org.kapsdk.core.model.LimitPeriod;
import org.kapsdk.core.model.Phase;
import org.kapsdk.core.model.ProtocolTemplate;
import org.kapsdk.core.model.Quantity;
import org.kapsdk.core.model.Rule;
import org.kapsdk.core.model.SessionKind;
import org.kapsdk.core.model.SessionTemplate;
import org.kapsdk.core.model.Severity;
import org.kapsdk.core.validation.Paths;
import org.kapsdk.core.validation.Problem;
import org.kapsdk.core.validation.ValidationException;

/**
 * A protocol template compiled for evaluation: "may this proceed?" for any gate, patient and
 * instant. Compile once per template version, then evaluate as often as needed, from any number
 * of threads; evaluation is pure (same request, same verdict) and never reads the wall clock.
 *
 * <pre>{@code
 * SafetyGate gate = SafetyGate.compile(template);
 * Verdict verdict = gate.evaluate(GateRequest.builder()
 *     .gate(Gate.PRE_DOSE).at(now).facts(facts).session("dose-3").plannedDose(Quantity.parse("56 mg"))
 *     .build());
 * if (verdict.outcome() == VerdictOutcome.BLOCKED) { ... verdict.blockingFindings() ... }
 * }</pre>
 *
 * <p>A session gate (PRE_DOSE, DURING_SESSION, DISCHARGE) asked at a non-dosing session that
 * has no rules of its own for that gate is refused rather than answered PROCEED.
 *
 * <p>Which rules a request meets: template-level rules of the requested gate (for PRE_DOSE,
 * DURING_SESSION and DISCHARGE only when the current session is a dosing session), then the
 * current session template's own rules of that gate. At PRE_DOSE the gate also enforces the
 * current dosing spec's {@code maxPerSession} and cumulative limits as BLOCK rules that cannot be
 * overridden (ids {@code <session-template>#maxPerSession} and
 * {@code <session-template>#cumulative-DAY|WEEK|COURSE}), so a stated limit holds even where no
 * author wrote a rule for it.
 */
public final class SafetyGate {
  private static final Set<Gate> SESSION_GATES = Set.of(Gate.PRE_DOSE, Gate.DURING_SESSION, Gate.DISCHARGE);

  private final ProtocolTemplate template;
  private final ConditionExtensions extensions;
  private final Map<String, SessionTemplate> sessions;
  private final Map<String, String> phaseOf;
  private final Map<Gate, List<CompiledRule>> templateRules;
  private final Map<String, Map<Gate, List<CompiledRule>>> sessionRules;
  private final Map<String, Map<Gate, List<CompiledRule>>> combined;

  private SafetyGate(ProtocolTemplate template, ConditionExtensions extensions) {
    this.template = template;
    this.extensions = extensions;
    Map<String, Evidence> evidence = new LinkedHashMap<>();
    template.evidence().forEach(e -> evidence.put(e.key(), e));

    Map<String, SessionTemplate> byId = new LinkedHashMap<>();
    Map<String, String> phases = new LinkedHashMap<>();
    for (Phase phase : template.phases()) {
      for (SessionTemplate s : phase.sessions()) {
        byId.put(s.id(), s);
        phases.put(s.id(), phase.id());
      }
    }
    this.sessions = Collections.unmodifiableMap(byId);
    this.phaseOf = Collections.unmodifiableMap(phases);

    Map<Gate, List<CompiledRule>> top = new EnumMap<>(Gate.class);
    for (Rule r : template.rules()) {
      top.computeIfAbsent(r.gate(), g -> new ArrayList<>()).add(CompiledRule.of(r, evidenceOf(r, evidence), null));
    }
    this.templateRules = freeze(top);

    Map<String, Map<Gate, List<CompiledRule>>> perSession = new LinkedHashMap<>();
    for (SessionTemplate s : byId.values()) {
      Map<Gate, List<CompiledRule>> rules = new EnumMap<>(Gate.class);
      for (Rule r : s.rules()) {
        rules.computeIfAbsent(r.gate(), g -> new ArrayList<>()).add(CompiledRule.of(r, evidenceOf(r, evidence), s.id()));
      }
      s.dosing().ifPresent(d -> rules.computeIfAbsent(Gate.PRE_DOSE, g -> new ArrayList<>()).addAll(derivedLimits(s, d)));
      perSession.put(s.id(), freeze(rules));
    }
    this.sessionRules = Collections.unmodifiableMap(perSession);

    Map<String, Map<Gate, List<CompiledRule>>> all = new LinkedHashMap<>();
    for (SessionTemplate s : byId.values()) {
      Map<Gate, List<CompiledRule>> byGate = new EnumMap<>(Gate.class);
      for (Gate g : SESSION_GATES) {
        List<CompiledRule> rules = new ArrayList<>();
        if (s.kind() == SessionKind.DOSING) {
          rules.addAll(templateRules.getOrDefault(g, List.of()));
        }
        rules.addAll(sessionRules.get(s.id()).getOrDefault(g, List.of()));
        byGate.put(g, rules);
      }
      all.put(s.id(), freeze(byGate));
    }
    this.combined = Collections.unmodifiableMap(all);
  }

  /** Compiles a template with the condition extensions found by {@link java.util.ServiceLoader}. */
  public static SafetyGate compile(ProtocolTemplate template) {
    return compile(template, ConditionExtensions.fromServiceLoader());
  }

  /** Compiles a template with the given condition extensions. */
  public static SafetyGate compile(ProtocolTemplate template, ConditionExtensions extensions) {
    return new SafetyGate(template, extensions);
  }

  /** The compiled template. */
  public ProtocolTemplate template() {
    return template;
  }

  /**
   * Every rule id this gate can evaluate, derived dose limits included, with its severity, in
   * template order; the universe a scenario coverage report counts against.
   */
  public Map<String, Severity> ruleSeverities() {
    Map<String, Severity> out = new LinkedHashMap<>();
    templateRules.values().forEach(list -> list.forEach(r -> out.put(r.id(), r.severity())));
    sessionRules.values().forEach(m -> m.values().forEach(list -> list.forEach(r -> out.put(r.id(), r.severity()))));
    return out;
  }

  /**
   * Evaluates one gate for one request.
   *
   * @throws ValidationException when the request cannot be evaluated as asked: a session gate
   *     without a current session, facts naming session templates the protocol does not define,
   *     or an override that is not permitted (the rule is not overridable, is not evaluated here,
   *     covers another session, or was recorded after the evaluation instant)
   */
  public Verdict evaluate(GateRequest request) {
    List<Problem> problems = new ArrayList<>();
    for (int i = 0; i < request.facts().sessions().size(); i++) {
      SessionRecord s = request.facts().sessions().get(i);
      if (!sessions.containsKey(s.template())) {
        problems.add(Problem.at(Paths.join(Paths.index("facts.sessions", i), "template"),
            "names session template '" + s.template() + "', which protocol '" + template.id() + "' does not define"));
      }
    }
    SessionRecord current = null;
    if (request.session().isPresent()) {
      current = request.facts().session(request.session().get()).orElse(null);
      if (current == null) {
        problems.add(Problem.at("session", "session '" + request.session().get() + "' is not among the facts' sessions"));
      }
    } else if (SESSION_GATES.contains(request.gate())) {
      problems.add(Problem.at("session", "gate " + request.gate() + " needs the current session's occurrence id"));
    }
    if (current != null && SESSION_GATES.contains(request.gate()) && sessions.containsKey(current.template())) {
      SessionTemplate t = sessions.get(current.template());
      // A session gate at a session with nothing to check would answer PROCEED having checked
      // nothing: a host that picked the wrong session must hear so, not get a pass.
      if (t.kind() != SessionKind.DOSING && combined.get(t.id()).get(request.gate()).isEmpty()) {
        problems.add(Problem.at("session", "gate " + request.gate() + " applies to dosing sessions; session '"
            + current.id() + "' is a " + t.kind() + " session with no " + request.gate() + " rules"));
      }
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }

    List<CompiledRule> rules = rulesFor(request.gate(), current);
    Map<String, ClinicianOverride> overrides = checkOverrides(request, rules);
    EvalContext ctx = new EvalContext(this, request, current, phaseFor(request, current));
    List<Finding> findings = new ArrayList<>(rules.size());
    Trace trace = new Trace();
    for (CompiledRule rule : rules) {
      trace.reset();
      Outcome evaluated = rule.evaluate(ctx, trace);
      Outcome outcome = evaluated;
      ClinicianOverride override = null;
      if (evaluated == Outcome.FAIL || evaluated == Outcome.UNKNOWN) {
        override = overrides.get(rule.id());
        if (override != null) {
          outcome = Outcome.OVERRIDDEN;
        }
      }
      findings.add(new Finding(rule, outcome, evaluated, trace.used(),
          evaluated == Outcome.UNKNOWN ? trace.missing() : List.of(), trace.elapsed(), trace.value(), override));
    }
    return new Verdict(request.gate(), request.at(), Collections.unmodifiableList(findings), template.id(), template.version());
  }

  private List<CompiledRule> rulesFor(Gate gate, SessionRecord current) {
    if (!SESSION_GATES.contains(gate)) {
      return templateRules.getOrDefault(gate, List.of());
    }
    return combined.get(current.template()).get(gate);
  }

  private Map<String, ClinicianOverride> checkOverrides(GateRequest request, List<CompiledRule> rules) {
    if (request.overrides().isEmpty()) {
      return Map.of();
    }
    Map<String, CompiledRule> byId = new LinkedHashMap<>();
    rules.forEach(r -> byId.put(r.id(), r));
    Map<String, ClinicianOverride> accepted = new LinkedHashMap<>();
    List<Problem> problems = new ArrayList<>();
    boolean sessionGate = SESSION_GATES.contains(request.gate());
    for (int i = 0; i < request.overrides().size(); i++) {
      ClinicianOverride o = request.overrides().get(i);
      String p = Paths.index("overrides", i);
      CompiledRule rule = byId.get(o.ruleId());
      if (rule == null) {
        problems.add(Problem.at(Paths.join(p, "ruleId"), "rule '" + o.ruleId() + "' is not evaluated at gate "
            + request.gate() + (sessionGate ? " for this session" : "")));
        continue;
      }
      if (!rule.overridable()) {
        problems.add(Problem.at(Paths.join(p, "ruleId"), "rule '" + o.ruleId() + "' is not overridable"));
        continue;
      }
      if (o.at().isAfter(request.at())) {
        problems.add(Problem.at(Paths.join(p, "at"), "the override is recorded after the evaluation instant"));
        continue;
      }
      if (sessionGate && !o.session().equals(request.session())) {
        problems.add(Problem.at(Paths.join(p, "session"), o.session()
            .map(s -> "covers session '" + s + "', not the current session '" + request.session().orElse("") + "'")
            .orElse("an override at gate " + request.gate() + " must name the session it covers")));
        continue;
      }
      if (accepted.putIfAbsent(o.ruleId(), o) != null) {
        problems.add(Problem.at(Paths.join(p, "ruleId"), "rule '" + o.ruleId() + "' is overridden twice"));
      }
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    return accepted;
  }

  private String phaseFor(GateRequest request, SessionRecord current) {
    SessionRecord basis = current;
    if (basis == null) {
      for (SessionRecord s : request.facts().sessions()) {
        if (!s.start().isAfter(request.at()) && (basis == null || s.start().isAfter(basis.start()))) {
          basis = s;
        }
      }
    }
    return basis == null ? template.phases().get(0).id() : phaseOf.get(basis.template());
  }

  SessionTemplate sessionTemplate(String id) {
    return sessions.get(id);
  }

  ConditionExtensions extensions() {
    return extensions;
  }

  private static List<Evidence> evidenceOf(Rule rule, Map<String, Evidence> evidence) {
    List<Evidence> out = new ArrayList<>(rule.evidence().size());
    for (String key : rule.evidence()) {
      out.add(evidence.get(key));
    }
    return out;
  }

  private static List<CompiledRule> derivedLimits(SessionTemplate s, DosingSpec d) {
    List<CompiledRule> out = new ArrayList<>();
    d.maxPerSession().ifPresent(max -> out.add(derived(s, d, "maxPerSession", LimitPeriod.SESSION, max,
        "The planned dose brings this session's total to {value}, above the dosing spec's maximum of {threshold} per session")));
    for (CumulativeLimit limit : d.cumulativeLimits()) {
      out.add(derived(s, d, "cumulative-" + limit.period(), limit.period(), limit.maximum(),
          "The planned dose brings the total to {value}, above the dosing spec's limit of {threshold} per "
              + limit.period().name().toLowerCase(java.util.Locale.ROOT)));
    }
    return out;
  }

  private static CompiledRule derived(SessionTemplate s, DosingSpec d, String suffix, LimitPeriod period,
      Quantity maximum, String message) {
    DoseLimit limit = DoseLimit.builder().period(period).maximum(maximum).medication(d.medication()).build();
    return new CompiledRule(s.id() + "#" + suffix, null, Severity.BLOCK, Gate.PRE_DOSE, message, List.of(),
        false, Set.of(), s.id(), false, Nodes.compile(limit));
  }

  private static Map<Gate, List<CompiledRule>> freeze(Map<Gate, List<CompiledRule>> map) {
    Map<Gate, List<CompiledRule>> out = new EnumMap<>(Gate.class);
    map.forEach((g, list) -> out.put(g, List.copyOf(list)));
    return Collections.unmodifiableMap(out);
  }
}
