package org.kapsdk.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kapsdk.core.internal.DeferredValidation;
import org.kapsdk.core.internal.DurationText;
import org.kapsdk.core.internal.Mappers;
import org.kapsdk.core.internal.TreePaths;
import org.kapsdk.core.internal.VersionRange;
import org.kapsdk.core.validation.Paths;
import org.kapsdk.core.validation.Problem;
import org.kapsdk.core.validation.Problems;
import org.kapsdk.core.validation.ValidationException;

/**
 * The structural checks of the protocol model, in one place so that a reviewer can read every
 * rule a template must satisfy to exist at all.
 *
 * <p>Structural means "this value must never exist": a negative dose, a window whose earliest is
 * after its latest, a rule citing evidence the template does not define. Whether a valid
 * template is clinically sensible is the linter's job, which reports and never throws.
 *
 * <p>Each value's builder checks the value's whole subtree and throws one
 * {@link ValidationException} listing every problem, with paths relative to that value. The
 * template adds the cross-references (ids, anchors, evidence keys, phases, session kinds, and its
 * parameters with the places they are used).
 */
public final class StructuralChecks {
  /** Deep enough for any real rule, shallow enough that no evaluation can overflow the stack. */
  static final int MAX_CONDITION_DEPTH = 16;

  private static final Pattern TEMPLATE_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
  private static final Pattern LOCAL_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final Pattern EXTENSION_NAME =
      Pattern.compile("[a-z][a-z0-9]*(?:[.-][a-z0-9]+)*");
  private static final Pattern JURISDICTION = Pattern.compile("[A-Z][A-Z0-9-]{1,15}");
  private static final Pattern SEMVER =
      Pattern.compile(
          "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
              + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)"
              + "(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
              + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
  private static final Set<String> PLACEHOLDERS =
      Set.of("value", "threshold", "measuredAt", "elapsed", "missing");
  private static final Set<Gate> SESSION_GATES =
      Set.of(Gate.PRE_DOSE, Gate.DURING_SESSION, Gate.DISCHARGE);

  private StructuralChecks() {}

  /**
   * Every structural problem of a model value and everything inside it, with paths relative to
   * the value; empty when it is valid. Works on values built while checks were deferred.
   */
  public static List<Problem> problemsOf(Object value) {
    Ctx c = new Ctx();
    dispatch(c, "", value);
    return c.problems.toList();
  }

  /** Called by every model builder: throws with every problem, unless a reader deferred checks. */
  static void check(Object value) {
    DeferredValidation.checkNow(value, StructuralChecks::problemsOf);
  }

  private static void dispatch(Ctx c, String p, Object v) {
    if (v instanceof ProtocolTemplate t) {
      template(c, p, t);
    } else if (v instanceof Phase x) {
      phase(c, p, x);
    } else if (v instanceof SessionTemplate x) {
      session(c, p, x);
    } else if (v instanceof Repeat x) {
      repeat(c, p, x);
    } else if (v instanceof GroupSpec x) {
      group(c, p, x);
    } else if (v instanceof Timing x) {
      timing(c, p, x);
    } else if (v instanceof Anchor x) {
      anchor(c, p, x);
    } else if (v instanceof IntervalConstraint x) {
      interval(c, p, x);
    } else if (v instanceof DosingSpec x) {
      dosing(c, p, x);
    } else if (v instanceof Dose x) {
      dose(c, p, x);
    } else if (v instanceof DoseRange x) {
      range(c, p, x);
    } else if (v instanceof CumulativeLimit x) {
      cumulative(c, p, x);
    } else if (v instanceof MonitoringPlan x) {
      monitoring(c, p, x);
    } else if (v instanceof MonitoredObservation x) {
      monitored(c, p, x);
    } else if (v instanceof IntegrationStep x) {
      integration(c, p, x);
    } else if (v instanceof AssessmentSpec) {
      // An instrument is always a valid choice on its own.
    } else if (v instanceof Rule x) {
      rule(c, p, x);
    } else if (v instanceof Condition x) {
      condition(c, p, x, 1);
    } else if (v instanceof Evidence x) {
      evidence(c, p, x);
    } else if (v instanceof Code x) {
      code(c, p, x);
    } else if (v instanceof StepBack x) {
      stepBack(c, p, x);
    } else if (v instanceof OutcomeDefinition x) {
      outcome(c, p, x);
    } else if (v instanceof DecisionPoint) {
      // Its references are checked with the template that holds it.
    } else if (v instanceof Parameter x) {
      parameter(c, p, x);
    } else if (v instanceof ClinicProfile x) {
      profile(c, p, x);
    } else if (v instanceof ParameterValue x) {
      parameterValue(c, p, x);
    } else if (v instanceof ResolvedProtocol x) {
      resolved(c, p, x);
    } else {
      throw new IllegalArgumentException("not a model value: " + v.getClass().getSimpleName());
    }
  }

  /* ------------------------------------------------------------------ template */

  private static void template(Ctx c, String p, ProtocolTemplate t) {
    c.pattern(at(p, "id"), t.id(), TEMPLATE_ID, "lower-case letters, digits, '.', '_' or '-'");
    if (!SEMVER.matcher(t.version()).matches()) {
      c.add(at(p, "version"), "'" + t.version() + "' is not a semantic version such as 1.0.0");
    }
    c.text(at(p, "title"), t.title());
    t.description().ifPresent(d -> c.text(at(p, "description"), d));
    c.notEmpty(at(p, "indications"), t.indications());
    eachIndexed(t.indications(), at(p, "indications"), (ip, code) -> code(c, ip, code));

    Map<String, String> evidenceKeys = new LinkedHashMap<>();
    eachIndexed(
        t.evidence(),
        at(p, "evidence"),
        (ep, e) -> {
          evidence(c, ep, e);
          c.unique(evidenceKeys, e.key(), Paths.join(ep, "key"), "evidence key");
        });

    parameters(c, p, t, evidenceKeys);

    c.notEmpty(at(p, "phases"), t.phases());
    Map<String, String> phaseIds = new LinkedHashMap<>();
    Map<String, String> sessionIds = new LinkedHashMap<>();
    Map<String, SessionTemplate> sessionsById = new LinkedHashMap<>();
    Map<String, String> sessionPaths = new HashMap<>();
    Map<String, String> stepIds = new LinkedHashMap<>();
    Map<String, String> ruleIds = new LinkedHashMap<>();
    List<Located<Rule>> allRules = new ArrayList<>();
    Set<SessionKind> kinds = new HashSet<>();

    eachIndexed(
        t.phases(),
        at(p, "phases"),
        (pp, phase) -> {
          phase(c, pp, phase);
          c.unique(phaseIds, phase.id(), Paths.join(pp, "id"), "phase id");
          eachIndexed(
              phase.sessions(),
              Paths.join(pp, "sessions"),
              (sp, s) -> {
                kinds.add(s.kind());
                sessionsById.putIfAbsent(s.id(), s);
                sessionPaths.putIfAbsent(s.id(), sp);
                c.unique(sessionIds, s.id(), Paths.join(sp, "id"), "session id");
                eachIndexed(
                    s.integrationSteps(),
                    Paths.join(sp, "integrationSteps"),
                    (stp, step) ->
                        c.unique(stepIds, step.id(), Paths.join(stp, "id"), "integration step id"));
                eachIndexed(
                    s.rules(),
                    Paths.join(sp, "rules"),
                    (rp, r) -> allRules.add(new Located<>(rp, r)));
              });
        });
    eachIndexed(
        t.rules(),
        at(p, "rules"),
        (rp, r) -> {
          rule(c, rp, r);
          allRules.add(new Located<>(rp, r));
        });

    for (Located<Rule> lr : allRules) {
      c.unique(ruleIds, lr.value.id(), Paths.join(lr.path, "id"), "rule id");
      eachIndexed(
          lr.value.evidence(),
          Paths.join(lr.path, "evidence"),
          (ep, key) -> {
            if (!evidenceKeys.containsKey(key)) {
              c.add(ep, "refers to evidence '" + key + "', which the template does not define");
            }
          });
      eachIndexed(
          lr.value.phases(),
          Paths.join(lr.path, "phases"),
          (pp, phaseId) -> {
            if (!phaseIds.containsKey(phaseId)) {
              c.add(pp, "refers to phase '" + phaseId + "', which the template does not define");
            }
          });
      lr.value.require().ifPresent(cond -> conditionRefs(c, Paths.join(lr.path, "require"), cond, sessionIds, kinds));
      lr.value.forbid().ifPresent(cond -> conditionRefs(c, Paths.join(lr.path, "forbid"), cond, sessionIds, kinds));
    }

    eachIndexed(
        t.phases(),
        at(p, "phases"),
        (pp, phase) ->
            eachIndexed(
                phase.sessions(),
                Paths.join(pp, "sessions"),
                (sp, s) -> {
                  s.timing().ifPresent(timing -> timingRefs(c, Paths.join(sp, "timing"), s, timing, sessionIds, kinds));
                  s.monitoring()
                      .flatMap(MonitoringPlan::endsWhen)
                      .ifPresent(cond -> conditionRefs(c, Paths.join(sp, "monitoring.endsWhen"), cond, sessionIds, kinds));
                }));
    anchorCycles(c, sessionPaths, sessionsById);

    Map<String, String> outcomeInstruments = new LinkedHashMap<>();
    eachIndexed(
        t.outcomes(),
        at(p, "outcomes"),
        (op, o) -> {
          outcome(c, op, o);
          c.unique(outcomeInstruments, o.instrument().name(), Paths.join(op, "instrument"), "outcome instrument");
          evidenceRefs(c, Paths.join(op, "evidence"), o.evidence(), evidenceKeys);
        });
    eachIndexed(
        t.phases(),
        at(p, "phases"),
        (pp, phase) -> {
          phase.stepBack().ifPresent(b -> {
            String bp = Paths.join(pp, "stepBack");
            phaseRef(c, Paths.join(bp, "toPhase"), b.toPhase(), phaseIds);
            if (b.toPhase().equals(phase.id())) {
              c.add(Paths.join(bp, "toPhase"), "must name an earlier phase, not the phase itself");
            }
            evidenceRefs(c, Paths.join(bp, "evidence"), b.evidence(), evidenceKeys);
          });
          phase.decision().ifPresent(d -> {
            String dp = Paths.join(pp, "decision");
            d.onResponse().ifPresent(id -> phaseRef(c, Paths.join(dp, "onResponse"), id, phaseIds));
            evidenceRefs(c, Paths.join(dp, "evidence"), d.evidence(), evidenceKeys);
            if (t.outcome(d.instrument()).effectiveResponseDropPercent().isEmpty()) {
              c.add(Paths.join(dp, "instrument"), "the clinical reference confirms no response definition for "
                  + d.instrument().displayName() + "; set outcomes[].responseDropPercent for it");
            }
          });
        });
  }

  /* ------------------------------------------------------------------ parameters */

  private static void parameters(Ctx c, String p, ProtocolTemplate t, Map<String, String> evidenceKeys) {
    Map<String, String> names = new LinkedHashMap<>();
    eachIndexed(t.parameters(), at(p, "parameters"), (pp, param) -> {
      parameter(c, pp, param);
      c.unique(names, param.name(), Paths.join(pp, "name"), "parameter name");
      param.source().filter(key -> !key.isBlank()).ifPresent(key -> {
        Optional<Evidence> source = t.evidence(key);
        if (!evidenceKeys.containsKey(key) || source.isEmpty()) {
          c.add(Paths.join(pp, "source"), "refers to evidence '" + key + "', which the template does not define");
        } else if (param.defaultValue().isPresent() && !source.get().confirmed()) {
          c.add(Paths.join(pp, "defaultValue"), "evidence '" + key + "' is not confirmed, so it cannot supply a default:"
              + " a clinical threshold is never invented; leave the default out so the clinic sets the value in its profile");
        }
      });
    });
    Set<String> used = new HashSet<>(t.placeholders().values());
    eachIndexed(t.parameters(), at(p, "parameters"), (pp, param) -> {
      if (!used.contains(param.name()) && names.get(param.name()).equals(Paths.join(pp, "name"))) {
        c.add(Paths.join(pp, "name"), "parameter '" + param.name() + "' is declared but never used; write ${"
            + param.name() + "} where its value belongs, or remove the parameter");
      }
    });
    if (t.placeholders().isEmpty()) {
      return;
    }
    JsonNode tree = Mappers.json().valueToTree(t);
    Map<String, String> firstUse = new HashMap<>();
    Map<String, String> firstValue = new HashMap<>();
    t.placeholders().forEach((path, name) -> {
      String pp = at(p, path);
      Optional<Parameter> param = t.parameter(name);
      if (param.isEmpty()) {
        c.add(pp, "placeholder ${" + name + "} names no parameter of the template; declare it under parameters");
        return;
      }
      JsonNode node = TreePaths.at(tree, path);
      if (node == null || !(node.isTextual() || node.isIntegralNumber())) {
        c.add(pp, "placeholder ${" + name + "} is not at a value of the template");
        return;
      }
      String value = node.isTextual() ? node.textValue() : node.asText();
      Optional<String> problem = param.get().problemWith(value);
      if (problem.isPresent()) {
        c.add(pp, problem.get());
        return;
      }
      String canonical = param.get().canonicalValue(value);
      String previous = firstValue.putIfAbsent(name, canonical);
      firstUse.putIfAbsent(name, pp);
      if (previous != null && !previous.equals(canonical)) {
        c.add(pp, "holds " + canonical + ", but parameter '" + name + "' is " + previous + " at " + firstUse.get(name)
            + "; every place of a parameter holds its one value");
      }
    });
  }

  private static void parameter(Ctx c, String p, Parameter x) {
    c.pattern(at(p, "name"), x.name(), TEMPLATE_ID, "lower-case letters, digits, '.', '_' or '-'");
    c.text(at(p, "description"), x.description());
    if (x.type() == ParameterType.QUANTITY && x.unit().isEmpty()) {
      c.add(at(p, "unit"), "is required for a QUANTITY parameter");
    }
    if (x.type() != ParameterType.QUANTITY && x.unit().isPresent()) {
      c.add(at(p, "unit"), "is only allowed for a QUANTITY parameter; values of type " + x.type() + " carry no unit");
    }
    if (x.source().isPresent() == x.clinicPolicy()) {
      c.add(p, "exactly one of source and clinicPolicy must be set");
    }
    x.source().ifPresent(s -> c.pattern(at(p, "source"), s, LOCAL_ID, "evidence key", "letters, digits, '.', '_' or '-'"));
    if (x.clinicPolicy() && x.defaultValue().isPresent()) {
      c.add(at(p, "defaultValue"), "a clinic-policy parameter has no default: the clinic sets its value in its profile");
    }
    boolean minOk = x.min().map(v -> value(c, at(p, "min"), x, v)).orElse(false);
    boolean maxOk = x.max().map(v -> value(c, at(p, "max"), x, v)).orElse(false);
    if (minOk && maxOk && ParameterValues.compare(x, x.min().get(), x.max().get()) > 0) {
      c.add(at(p, "min"), "min (" + x.min().get() + ") must not be greater than max (" + x.max().get() + ")");
    }
    x.defaultValue().ifPresent(v -> {
      if (value(c, at(p, "defaultValue"), x, v)) {
        x.problemWith(v).ifPresent(problem -> c.add(at(p, "defaultValue"), problem));
      }
    });
  }

  /** Whether the text is a value of the parameter's type; records the problem when it is not. */
  private static boolean value(Ctx c, String p, Parameter x, String text) {
    try {
      ParameterValues.canonical(x, text);
      return true;
    } catch (IllegalArgumentException e) {
      c.add(p, "'" + text + "' is not a value of type " + x.type() + ": " + e.getMessage());
      return false;
    }
  }

  private static void profile(Ctx c, String p, ClinicProfile x) {
    c.text(at(p, "clinic"), x.clinic());
    c.pattern(at(p, "template"), x.template(), TEMPLATE_ID, "template id", "lower-case letters, digits, '.', '_' or '-' (at most 64 characters)");
    x.templateVersion().ifPresent(v -> {
      try {
        VersionRange.parse(v);
      } catch (IllegalArgumentException e) {
        c.add(at(p, "templateVersion"), e.getMessage());
      }
    });
    x.values().forEach((name, value) -> {
      String vp = Paths.join(at(p, "values"), name);
      if (!TEMPLATE_ID.matcher(name).matches()) {
        c.add(vp, "'" + name + "' is not a valid parameter name; use lower-case letters, digits, '.', '_' or '-' (at most 64 characters)");
      }
      c.text(vp, value);
    });
    x.notes().ifPresent(n -> c.text(at(p, "notes"), n));
  }

  private static void parameterValue(Ctx c, String p, ParameterValue x) {
    Optional<String> problem = x.parameter().problemWith(x.value());
    if (problem.isPresent()) {
      c.add(at(p, "value"), problem.get());
    } else if (!x.parameter().canonicalValue(x.value()).equals(x.value())) {
      c.add(at(p, "value"), "must be written in canonical form, '" + x.parameter().canonicalValue(x.value()) + "'");
    }
  }

  private static void resolved(Ctx c, String p, ResolvedProtocol x) {
    List<Parameter> declared = x.template().parameters();
    boolean matches = declared.size() == x.values().size();
    for (int i = 0; matches && i < declared.size(); i++) {
      matches = declared.get(i).equals(x.values().get(i).parameter());
    }
    if (!matches) {
      c.add(at(p, "values"), "must hold one value for each parameter of the template, in the order it declares them");
      return;
    }
    if (x.template().placeholders().isEmpty()) {
      return;
    }
    JsonNode tree = Mappers.json().valueToTree(x.template());
    for (ParameterValue v : x.values()) {
      x.template().placeholders().forEach((path, name) -> {
        JsonNode node = name.equals(v.name()) ? TreePaths.at(tree, path) : null;
        String held = node == null ? null : node.isTextual() ? node.textValue() : node.asText();
        if (held != null && (!ParameterValues.parses(v.parameter(), held)
            || !v.value().equals(v.parameter().canonicalValue(held)))) {
          c.add(at(p, "values"), "the value of parameter '" + v.name() + "' is " + v.value() + ", but the template holds "
              + held + " at " + path);
        }
      });
    }
  }

  private static void phaseRef(Ctx c, String p, String id, Map<String, String> phaseIds) {
    if (!phaseIds.containsKey(id)) {
      c.add(p, "refers to phase '" + id + "', which the template does not define");
    }
  }

  private static void evidenceRefs(Ctx c, String p, List<String> keys, Map<String, String> evidenceKeys) {
    eachIndexed(keys, p, (ep, key) -> {
      if (!evidenceKeys.containsKey(key)) {
        c.add(ep, "refers to evidence '" + key + "', which the template does not define");
      }
    });
  }

  private static void timingRefs(
      Ctx c,
      String p,
      SessionTemplate s,
      Timing timing,
      Map<String, String> sessionIds,
      Set<SessionKind> kinds) {
    timing
        .anchor()
        .ifPresent(
            a -> {
              String ap = Paths.join(p, "anchor.session");
              if (a.session().equals(s.id())) {
                c.add(ap, "a session cannot be anchored to itself");
              } else if (!sessionIds.containsKey(a.session())) {
                c.add(ap, "refers to session '" + a.session() + "', which the template does not define");
              }
            });
    eachIndexed(
        timing.intervals(),
        Paths.join(p, "intervals"),
        (ip, iv) -> {
          if (!kinds.contains(iv.after())) {
            c.add(Paths.join(ip, "after"), "refers to session kind " + iv.after() + ", which no session of the template has");
          }
        });
  }

  private static void anchorCycles(Ctx c, Map<String, String> sessionPaths, Map<String, SessionTemplate> byId) {
    Set<Set<String>> reported = new HashSet<>();
    for (String start : byId.keySet()) {
      List<String> chain = new ArrayList<>();
      String current = start;
      while (current != null && byId.containsKey(current) && !chain.contains(current)) {
        chain.add(current);
        current = byId.get(current).timing().flatMap(Timing::anchor).map(Anchor::session).orElse(null);
      }
      if (current == null || !chain.contains(current)) {
        continue;
      }
      List<String> cycle = chain.subList(chain.indexOf(current), chain.size());
      if (cycle.size() > 1 && reported.add(new HashSet<>(cycle))) {
        c.add(Paths.join(sessionPaths.get(cycle.get(0)), "timing.anchor.session"),
            "anchors form a cycle: " + String.join(" -> ", cycle) + " -> " + cycle.get(0));
      }
    }
  }

  private static void conditionRefs(
      Ctx c, String p, Condition cond, Map<String, String> sessionIds, Set<SessionKind> kinds) {
    if (cond instanceof SessionInterval si) {
      si.session()
          .filter(id -> !sessionIds.containsKey(id))
          .ifPresent(id -> c.add(Paths.join(p, "session"), "refers to session '" + id + "', which the template does not define"));
      // A named session is measured from on its own; the (defaulted) kind is then not used.
      if (si.session().isEmpty() && !kinds.contains(si.sinceKind())) {
        c.add(Paths.join(p, "sinceKind"), "refers to session kind " + si.sinceKind() + ", which no session of the template has");
      }
    } else if (cond instanceof AllOf all) {
      eachIndexed(all.conditions(), Paths.join(p, "conditions"), (cp, x) -> conditionRefs(c, cp, x, sessionIds, kinds));
    } else if (cond instanceof AnyOf any) {
      eachIndexed(any.conditions(), Paths.join(p, "conditions"), (cp, x) -> conditionRefs(c, cp, x, sessionIds, kinds));
    } else if (cond instanceof Not not) {
      conditionRefs(c, Paths.join(p, "condition"), not.condition(), sessionIds, kinds);
    }
  }

  /* ------------------------------------------------------------------ structure */

  private static void phase(Ctx c, String p, Phase x) {
    c.pattern(at(p, "id"), x.id(), LOCAL_ID, "letters, digits, '.', '_' or '-'");
    c.text(at(p, "title"), x.title());
    x.description().ifPresent(d -> c.text(at(p, "description"), d));
    c.notEmpty(at(p, "sessions"), x.sessions());
    eachIndexed(x.sessions(), at(p, "sessions"), (sp, s) -> session(c, sp, s));
    x.stepBack().ifPresent(b -> stepBack(c, at(p, "stepBack"), b));
  }

  private static void stepBack(Ctx c, String p, StepBack x) {
    c.require(x.worsenedByAtLeast() >= 1, at(p, "worsenedByAtLeast"), "must be at least 1");
    c.require(x.worsenedByAtLeast() <= x.instrument().totalMax() - x.instrument().totalMin(), at(p, "worsenedByAtLeast"),
        "must not exceed the range of the " + x.instrument().displayName() + " total ("
            + (x.instrument().totalMax() - x.instrument().totalMin()) + ")");
  }

  private static void outcome(Ctx c, String p, OutcomeDefinition x) {
    x.responseDropPercent().ifPresent(v -> c.require(v >= 1 && v <= 100, at(p, "responseDropPercent"), "must be between 1 and 100"));
    x.remissionAtMost().ifPresent(v -> c.require(v >= x.instrument().totalMin() && v < x.instrument().totalMax(),
        at(p, "remissionAtMost"), "must lie within the " + x.instrument().displayName() + " total range "
            + x.instrument().totalMin() + " to " + (x.instrument().totalMax() - 1)));
  }

  private static void session(Ctx c, String p, SessionTemplate x) {
    c.pattern(at(p, "id"), x.id(), LOCAL_ID, "letters, digits, '.', '_' or '-'");
    c.text(at(p, "title"), x.title());
    x.description().ifPresent(d -> c.text(at(p, "description"), d));
    x.count().ifPresent(n -> c.require(n >= 1, at(p, "count"), "must be at least 1"));
    if (x.count().isPresent() && x.repeat().isPresent()) {
      c.add(at(p, "repeat"), "count and repeat cannot both be set; use one");
    }
    x.repeat().ifPresent(r -> repeat(c, at(p, "repeat"), r));
    x.timing().ifPresent(t -> timing(c, at(p, "timing"), t));
    x.duration().ifPresent(d -> c.positive(at(p, "duration"), d));
    x.group().ifPresent(g -> group(c, at(p, "group"), g));
    boolean dosing = x.kind() == SessionKind.DOSING;
    if (dosing && x.dosing().isEmpty()) {
      c.add(at(p, "dosing"), "is required for a DOSING session");
    }
    if (!dosing) {
      x.dosing().ifPresent(d -> c.add(at(p, "dosing"), "is only allowed on a DOSING session, not " + x.kind()));
      x.monitoring().ifPresent(d -> c.add(at(p, "monitoring"), "is only allowed on a DOSING session, not " + x.kind()));
      if (!x.integrationSteps().isEmpty()) {
        c.add(at(p, "integrationSteps"), "are only allowed on a DOSING session, not " + x.kind());
      }
    }
    x.dosing().ifPresent(d -> dosing(c, at(p, "dosing"), d));
    x.monitoring().ifPresent(m -> monitoring(c, at(p, "monitoring"), m));
    eachIndexed(x.integrationSteps(), at(p, "integrationSteps"), (ip, s) -> integration(c, ip, s));
    Map<String, String> instruments = new LinkedHashMap<>();
    eachIndexed(
        x.assessments(),
        at(p, "assessments"),
        (ap, a) -> c.unique(instruments, a.instrument().name(), Paths.join(ap, "instrument"), "assessment instrument"));
    eachIndexed(
        x.rules(),
        at(p, "rules"),
        (rp, r) -> {
          rule(c, rp, r);
          if (!SESSION_GATES.contains(r.gate())) {
            c.add(Paths.join(rp, "gate"),
                r.gate() + " rules belong to the template's rules; a session's rules use PRE_DOSE, DURING_SESSION or DISCHARGE");
          }
        });
  }

  private static void repeat(Ctx c, String p, Repeat x) {
    if (x.timesPerWeek().isPresent() == x.every().isPresent()) {
      c.add(p, "exactly one of timesPerWeek and every must be set");
    }
    x.timesPerWeek().ifPresent(n -> c.require(n >= 1 && n <= 7, at(p, "timesPerWeek"), "must be between 1 and 7"));
    x.every().ifPresent(d -> c.positive(at(p, "every"), d));
    if (x.weeks().isPresent() && x.occurrences().isPresent()) {
      c.add(at(p, "occurrences"), "weeks and occurrences cannot both be set; use one");
    }
    x.weeks().ifPresent(n -> c.require(n >= 1, at(p, "weeks"), "must be at least 1"));
    x.occurrences().ifPresent(n -> c.require(n >= 1, at(p, "occurrences"), "must be at least 1"));
  }

  private static void group(Ctx c, String p, GroupSpec x) {
    x.maxParticipants().ifPresent(n -> c.require(n >= 2, at(p, "maxParticipants"),
        "must be at least 2: a group session holds more than one participant"));
    x.minParticipants().ifPresent(n -> c.require(n >= 1, at(p, "minParticipants"), "must be at least 1"));
    if (x.minParticipants().isPresent() && x.maxParticipants().isPresent()
        && x.minParticipants().get() > x.maxParticipants().get()) {
      c.add(at(p, "minParticipants"), "minParticipants (" + x.minParticipants().get()
          + ") must not be above maxParticipants (" + x.maxParticipants().get() + ")");
    }
  }

  private static void timing(Ctx c, String p, Timing x) {
    c.whole(at(p, "target"), x.target());
    x.earliest().ifPresent(d -> c.whole(at(p, "earliest"), d));
    x.latest().ifPresent(d -> c.whole(at(p, "latest"), d));
    if (x.earliest().isPresent() && x.latest().isPresent()
        && x.earliest().get().compareTo(x.latest().get()) > 0) {
      c.add(at(p, "earliest"), "earliest (" + fmt(x.earliest().get()) + ") must not be after latest (" + fmt(x.latest().get()) + ")");
    } else {
      x.earliest()
          .filter(e -> e.compareTo(x.target()) > 0)
          .ifPresent(e -> c.add(at(p, "earliest"), "earliest (" + fmt(e) + ") must not be after the target (" + fmt(x.target()) + ")"));
      x.latest()
          .filter(l -> l.compareTo(x.target()) < 0)
          .ifPresent(l -> c.add(at(p, "latest"), "latest (" + fmt(l) + ") must not be before the target (" + fmt(x.target()) + ")"));
    }
    x.anchor().ifPresent(a -> anchor(c, at(p, "anchor"), a));
    eachIndexed(x.intervals(), at(p, "intervals"), (ip, iv) -> interval(c, ip, iv));
  }

  private static void anchor(Ctx c, String p, Anchor x) {
    c.text(at(p, "session"), x.session());
  }

  private static void interval(Ctx c, String p, IntervalConstraint x) {
    bounds(c, p, "min", x.min(), "max", x.max());
  }

  /* ------------------------------------------------------------------ dosing */

  private static void dosing(Ctx c, String p, DosingSpec x) {
    code(c, at(p, "medication"), x.medication());
    dose(c, at(p, "dose"), x.dose());
    Unit doseUnit = x.dose() instanceof WeightBasedDose ? Unit.MG_PER_KG : Unit.MG;
    Optional<Quantity> doseAmount = nominal(x.dose());
    // Only a range in the dose's unit with min <= max can place a dose or step outside it.
    Optional<DoseRange> usableRange =
        x.allowedRange()
            .filter(r -> r.min().unit() == doseUnit && r.max().unit() == doseUnit
                && r.min().compareTo(r.max()) <= 0);

    x.allowedRange().ifPresent(r -> {
      String rp = at(p, "allowedRange");
      range(c, rp, r);
      if (r.min().unit() != doseUnit) {
        c.add(Paths.join(rp, "min"), "must be in " + doseUnit.symbol() + ", the unit of the dose");
      }
      if (r.max().unit() != doseUnit) {
        c.add(Paths.join(rp, "max"), "must be in " + doseUnit.symbol() + ", the unit of the dose");
      }
      if (usableRange.isPresent()) {
        doseAmount
            .filter(a -> a.unit() == doseUnit && (a.compareTo(r.min()) < 0 || a.compareTo(r.max()) > 0))
            .ifPresent(a -> c.add(at(p, "dose"), "dose " + a + " lies outside the allowed range " + r.min() + " to " + r.max()));
      }
    });

    Quantity previous = null;
    for (int i = 0; i < x.titrationSteps().size(); i++) {
      String sp = Paths.index(at(p, "titrationSteps"), i);
      Quantity step = x.titrationSteps().get(i);
      if (step.unit() != doseUnit) {
        c.add(sp, "must be in " + doseUnit.symbol() + ", the unit of the dose");
        continue;
      }
      c.require(step.isPositive(), sp, "must be positive");
      if (previous != null && step.compareTo(previous) <= 0) {
        c.add(sp, "titration steps must be strictly ascending; " + step + " follows " + previous);
      }
      previous = step;
      Optional<DoseRange> r = usableRange;
      if (r.isPresent() && (step.compareTo(r.get().min()) < 0 || step.compareTo(r.get().max()) > 0)) {
        c.add(sp, "step " + step + " lies outside the allowed range " + r.get().min() + " to " + r.get().max());
      }
      if (x.dose() instanceof DeviceDose dd && dd.perDevice().unit() == Unit.MG && dd.perDevice().isPositive()
          && step.value().remainder(dd.perDevice().value()).signum() != 0) {
        c.add(sp, "step " + step + " is not a whole number of " + dd.perDevice() + " devices");
      }
    }

    x.maxPerSession().ifPresent(m -> {
      String mp = at(p, "maxPerSession");
      if (c.unit(mp, m, Unit.MG) && c.require(m.isPositive(), mp, "must be positive")) {
        Optional<Quantity> largest =
            x.dose() instanceof WeightBasedDose w ? Optional.of(w.cap()) : doseAmount;
        largest
            .filter(a -> a.unit() == Unit.MG && a.compareTo(m) > 0)
            .ifPresent(a -> c.add(mp, "maxPerSession (" + m + ") is below the "
                + (x.dose() instanceof WeightBasedDose ? "dose cap" : "dose") + " (" + a + ")"));
      }
    });
    Map<String, String> periods = new LinkedHashMap<>();
    eachIndexed(x.cumulativeLimits(), at(p, "cumulativeLimits"), (lp, l) -> {
      cumulative(c, lp, l);
      c.unique(periods, l.period().name(), Paths.join(lp, "period"), "cumulative limit period");
    });
    x.administeredOver().ifPresent(d -> c.positive(at(p, "administeredOver"), d));
  }

  /** The amount one standard dose gives, when it does not depend on weight. */
  private static Optional<Quantity> nominal(Dose dose) {
    if (dose instanceof FixedDose f) {
      return Optional.of(f.amount());
    }
    if (dose instanceof DeviceDose d) {
      return d.perDevice().unit() == Unit.MG ? Optional.of(d.total()) : Optional.empty();
    }
    if (dose instanceof WeightBasedDose w) {
      return Optional.of(w.perKg());
    }
    throw new AssertionError(dose);
  }

  private static void dose(Ctx c, String p, Dose x) {
    if (x instanceof FixedDose f) {
      c.positiveIn(at(p, "amount"), f.amount(), Unit.MG);
    } else if (x instanceof WeightBasedDose w) {
      c.positiveIn(at(p, "perKg"), w.perKg(), Unit.MG_PER_KG);
      w.roundTo().ifPresent(r -> c.positiveIn(at(p, "roundTo"), r, Unit.MG));
      c.positiveIn(at(p, "cap"), w.cap(), Unit.MG);
    } else if (x instanceof DeviceDose d) {
      c.positiveIn(at(p, "perDevice"), d.perDevice(), Unit.MG);
      c.require(d.devices() >= 1, at(p, "devices"), "must be at least 1");
      c.nonNegative(at(p, "betweenDevices"), d.betweenDevices());
    }
  }

  private static void range(Ctx c, String p, DoseRange x) {
    boolean minOk = c.require(x.min().isPositive(), at(p, "min"), "must be positive");
    boolean maxOk = c.require(x.max().isPositive(), at(p, "max"), "must be positive");
    if (minOk && maxOk && x.min().unit() == x.max().unit() && x.min().compareTo(x.max()) > 0) {
      c.add(at(p, "min"), "min (" + x.min() + ") must not be greater than max (" + x.max() + ")");
    }
    if (x.min().unit() != x.max().unit()) {
      c.add(at(p, "max"), "must be in the same unit as min (" + x.min().unit().symbol() + ")");
    }
  }

  private static void cumulative(Ctx c, String p, CumulativeLimit x) {
    if (x.period() == LimitPeriod.SESSION) {
      c.add(at(p, "period"), "SESSION is not cumulative; use maxPerSession");
    }
    c.positiveIn(at(p, "maximum"), x.maximum(), Unit.MG);
  }

  /* ------------------------------------------------------------------ monitoring, integration */

  private static void monitoring(Ctx c, String p, MonitoringPlan x) {
    c.positive(at(p, "minimumDuration"), x.minimumDuration());
    eachIndexed(x.observations(), at(p, "observations"), (op, o) -> monitored(c, op, o));
    x.endsWhen().ifPresent(cond -> condition(c, at(p, "endsWhen"), cond, 1));
  }

  private static void monitored(Ctx c, String p, MonitoredObservation x) {
    code(c, at(p, "code"), x.code());
    if (x.at().isEmpty() && x.every().isEmpty() && !x.continuous()) {
      c.add(p, "needs at least one of at, every or continuous");
    }
    Duration previous = null;
    for (int i = 0; i < x.at().size(); i++) {
      String ap = Paths.index(at(p, "at"), i);
      Duration d = x.at().get(i);
      c.nonNegative(ap, d);
      if (previous != null && d.compareTo(previous) <= 0) {
        c.add(ap, "offsets must be strictly ascending; " + fmt(d) + " follows " + fmt(previous));
      }
      previous = d;
    }
    x.every().ifPresent(d -> c.positive(at(p, "every"), d));
  }

  private static void integration(Ctx c, String p, IntegrationStep x) {
    c.pattern(at(p, "id"), x.id(), LOCAL_ID, "letters, digits, '.', '_' or '-'");
    c.text(at(p, "title"), x.title());
    boolean ok = c.nonNegative(at(p, "earliest"), x.earliest()) & c.positive(at(p, "latest"), x.latest());
    if (ok && x.earliest().compareTo(x.latest()) > 0) {
      c.add(at(p, "earliest"), "earliest (" + fmt(x.earliest()) + ") must not be after latest (" + fmt(x.latest()) + ")");
    }
  }

  /* ------------------------------------------------------------------ rules */

  private static void rule(Ctx c, String p, Rule x) {
    c.pattern(at(p, "id"), x.id(), LOCAL_ID, "letters, digits, '.', '_' or '-'");
    if (c.text(at(p, "message"), x.message())) {
      Matcher m = PLACEHOLDER.matcher(x.message());
      while (m.find()) {
        if (!PLACEHOLDERS.contains(m.group(1))) {
          c.add(at(p, "message"), "unknown placeholder {" + m.group(1) + "}; use {value}, {threshold}, {measuredAt}, {elapsed} or {missing}");
        }
      }
    }
    c.notEmpty(at(p, "evidence"), x.evidence());
    Map<String, String> keys = new LinkedHashMap<>();
    eachIndexed(x.evidence(), at(p, "evidence"), (ep, k) -> c.unique(keys, k, ep, "evidence reference"));
    Map<String, String> phases = new LinkedHashMap<>();
    eachIndexed(x.phases(), at(p, "phases"), (pp, id) -> c.unique(phases, id, pp, "phase reference"));
    if (x.require().isPresent() == x.forbid().isPresent()) {
      c.add(p, "exactly one of require and forbid must be set");
    }
    x.require().ifPresent(cond -> condition(c, at(p, "require"), cond, 1));
    x.forbid().ifPresent(cond -> condition(c, at(p, "forbid"), cond, 1));
  }

  private static void condition(Ctx c, String p, Condition x, int depth) {
    if (depth > MAX_CONDITION_DEPTH) {
      c.add(p, "conditions are nested more than " + MAX_CONDITION_DEPTH + " levels deep");
      return;
    }
    if (x instanceof ObservationThreshold o) {
      code(c, at(p, "code"), o.code());
      fits(c, at(p, "value"), o.value(), o.code());
      c.positive(at(p, "maxAge"), o.maxAge());
    } else if (x instanceof ObservationTrend o) {
      code(c, at(p, "code"), o.code());
      c.require(o.readings() >= 2, at(p, "readings"), "must be at least 2");
      c.positive(at(p, "within"), o.within());
      o.tolerance().ifPresent(t -> {
        if (fits(c, at(p, "tolerance"), t, o.code())) {
          c.require(t.value().signum() >= 0, at(p, "tolerance"), "must not be negative");
        }
      });
    } else if (x instanceof ConditionPresent o) {
      codeSet(c, p, o.label(), o.codes());
    } else if (x instanceof MedicationPresent o) {
      codeSet(c, p, o.label(), o.codes());
    } else if (x instanceof PatientAge o) {
      c.require(o.years() >= 0 && o.years() <= 130, at(p, "years"), "must be between 0 and 130");
    } else if (x instanceof Pregnancy) {
      // Nothing can be wrong with a flag.
    } else if (x instanceof AssessmentThreshold o) {
      assessment(c, p, o);
    } else if (x instanceof SessionInterval o) {
      o.session().ifPresent(s -> c.text(at(p, "session"), s));
      bounds(c, p, "atLeast", o.atLeast(), "atMost", o.atMost());
    } else if (x instanceof DoseLimit o) {
      String mp = at(p, "maximum");
      if (o.maximum().unit() != Unit.MG && o.maximum().unit() != Unit.MG_PER_KG) {
        c.add(mp, "unit " + o.maximum().unit().symbol() + " does not fit a dose; expected mg or mg/kg");
      } else {
        c.require(o.maximum().isPositive(), mp, "must be positive");
      }
      if (o.maximum().unit() == Unit.MG_PER_KG && o.weightMaxAge().isEmpty()) {
        c.add(at(p, "weightMaxAge"), "is required when maximum is in mg/kg");
      }
      o.weightMaxAge().ifPresent(d -> c.positive(at(p, "weightMaxAge"), d));
      o.medication().ifPresent(m -> code(c, at(p, "medication"), m));
    } else if (x instanceof MonitoringElapsed o) {
      c.positive(at(p, "atLeast"), o.atLeast());
    } else if (x instanceof AttestationPresent o) {
      c.pattern(at(p, "attestation"), o.attestation(), LOCAL_ID, "letters, digits, '.', '_' or '-'");
      o.elapsedAtLeast().ifPresent(d -> c.positive(at(p, "elapsedAtLeast"), d));
      o.maxAge().ifPresent(d -> c.positive(at(p, "maxAge"), d));
    } else if (x instanceof AllOf o) {
      c.notEmpty(at(p, "conditions"), o.conditions());
      eachIndexed(o.conditions(), at(p, "conditions"), (cp, y) -> condition(c, cp, y, depth + 1));
    } else if (x instanceof AnyOf o) {
      c.notEmpty(at(p, "conditions"), o.conditions());
      eachIndexed(o.conditions(), at(p, "conditions"), (cp, y) -> condition(c, cp, y, depth + 1));
    } else if (x instanceof Not o) {
      condition(c, at(p, "condition"), o.condition(), depth + 1);
    } else if (x instanceof ExtensionCondition o) {
      c.pattern(at(p, "name"), o.name(), EXTENSION_NAME, "extension name", "lower-case words joined by '.' or '-', such as clinic.bmi-check");
      o.parameters().keySet().forEach(k -> {
        if (c.require(!k.isBlank(), at(p, "parameters"), "parameter names must not be blank")) {
          c.require(k.codePoints().noneMatch(cp -> Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029),
              at(p, "parameters"), "parameter names must not contain control characters or line breaks");
        }
      });
    }
  }

  private static void assessment(Ctx c, String p, AssessmentThreshold o) {
    Instrument in = o.instrument();
    switch (o.measure()) {
      case TOTAL:
        o.item().ifPresent(i -> c.add(at(p, "item"), "is only allowed when measure is ITEM"));
        c.require(o.value() >= in.totalMin() && o.value() <= in.totalMax(), at(p, "value"),
            "must lie within the " + in.displayName() + " total range " + in.totalMin() + " to " + in.totalMax());
        break;
      case ITEM:
        if (o.item().isEmpty()) {
          c.add(at(p, "item"), "is required when measure is ITEM");
        } else {
          c.require(o.item().get() >= 1 && o.item().get() <= in.items(), at(p, "item"),
              "must be an item number from 1 to " + in.items() + " for " + in.displayName());
        }
        c.require(o.value() >= in.itemMin() && o.value() <= in.itemMax(), at(p, "value"),
            "must lie within the " + in.displayName() + " item range " + in.itemMin() + " to " + in.itemMax());
        break;
      case HIGHEST_POSITIVE_ITEM:
        o.item().ifPresent(i -> c.add(at(p, "item"), "is only allowed when measure is ITEM"));
        if (!in.hasYesNoItems()) {
          c.add(at(p, "measure"), "HIGHEST_POSITIVE_ITEM needs an instrument with yes/no items; " + in.displayName() + " has scored items");
        }
        c.require(o.value() >= 0 && o.value() <= in.items(), at(p, "value"),
            "must be an item number from 0 to " + in.items() + " for " + in.displayName());
        break;
      default:
        throw new AssertionError(o.measure());
    }
    c.positive(at(p, "maxAge"), o.maxAge());
  }

  private static void codeSet(Ctx c, String p, String label, List<Code> codes) {
    c.text(at(p, "label"), label);
    c.notEmpty(at(p, "codes"), codes);
    Map<String, String> seen = new LinkedHashMap<>();
    eachIndexed(codes, at(p, "codes"), (cp, code) -> {
      code(c, cp, code);
      c.unique(seen, code.system() + "|" + code.code(), cp, "code");
    });
  }

  private static boolean fits(Ctx c, String p, Quantity q, Code code) {
    Optional<Dimension> expected = Codes.dimensionOf(code);
    if (expected.isPresent() && q.unit().dimension() != expected.get()) {
      c.add(p, "unit " + q.unit().symbol() + " does not fit " + Codes.nameOf(code)
          + "; expected " + unitsOf(expected.get()));
      return false;
    }
    return true;
  }

  private static String unitsOf(Dimension d) {
    List<String> symbols = new ArrayList<>();
    for (Unit u : Unit.values()) {
      if (u.dimension() == d) {
        symbols.add(u.symbol());
      }
    }
    return String.join(" or ", symbols);
  }

  /* ------------------------------------------------------------------ leaves */

  private static void evidence(Ctx c, String p, Evidence x) {
    c.pattern(at(p, "key"), x.key(), LOCAL_ID, "letters, digits, '.', '_' or '-'");
    c.text(at(p, "citation"), x.citation());
    x.section().ifPresent(s -> c.text(at(p, "section"), s));
    x.jurisdiction().ifPresent(j -> c.pattern(at(p, "jurisdiction"), j, JURISDICTION, "jurisdiction", "an upper-case code of 2 to 16 characters such as US or EU"));
  }

  private static void code(Ctx c, String p, Code x) {
    if (c.text(at(p, "system"), x.system()) && !x.system().contains(":")) {
      c.add(at(p, "system"), "must be a URI such as " + Codes.LOINC);
    }
    if (c.text(at(p, "code"), x.code()) && !x.code().equals(x.code().strip())) {
      c.add(at(p, "code"), "must not start or end with white space");
    }
    x.display().ifPresent(d -> c.text(at(p, "display"), d));
  }

  private static void bounds(
      Ctx c, String p, String lowName, Optional<Duration> low, String highName, Optional<Duration> high) {
    if (low.isEmpty() && high.isEmpty()) {
      c.add(p, "at least one of " + lowName + " and " + highName + " must be set");
    }
    boolean lowOk = low.map(d -> c.nonNegative(at(p, lowName), d)).orElse(true);
    boolean highOk = high.map(d -> c.positive(at(p, highName), d)).orElse(true);
    if (lowOk && highOk && low.isPresent() && high.isPresent() && low.get().compareTo(high.get()) > 0) {
      c.add(at(p, lowName), lowName + " (" + fmt(low.get()) + ") must not be greater than " + highName + " (" + fmt(high.get()) + ")");
    }
  }

  private static String at(String parent, String child) {
    return Paths.join(parent, child);
  }

  private static String fmt(Duration d) {
    return DurationText.format(d);
  }

  private interface IndexedVisitor<T> {
    void visit(String path, T value);
  }

  private static <T> void eachIndexed(List<T> list, String path, IndexedVisitor<T> visitor) {
    for (int i = 0; i < list.size(); i++) {
      visitor.visit(Paths.index(path, i), list.get(i));
    }
  }

  private static final class Located<T> {
    final String path;
    final T value;

    Located(String path, T value) {
      this.path = path;
      this.value = value;
    }
  }

  /** The problems found so far, with small helpers that each record one kind of problem. */
  private static final class Ctx {
    final Problems problems = new Problems();

    void add(String path, String message) {
      problems.add(path, message);
    }

    boolean require(boolean ok, String path, String message) {
      return problems.require(ok, path, message);
    }

    boolean text(String path, String value) {
      return require(!value.isBlank(), path, "must not be blank");
    }

    void pattern(String path, String value, Pattern pattern, String expected) {
      pattern(path, value, pattern, "id", expected + " (at most 64 characters)");
    }

    void pattern(String path, String value, Pattern pattern, String what, String expected) {
      if (text(path, value) && !pattern.matcher(value).matches()) {
        add(path, "'" + value + "' is not a valid " + what + "; use " + expected);
      }
    }

    void notEmpty(String path, List<?> list) {
      require(!list.isEmpty(), path, "must not be empty");
    }

    void unique(Map<String, String> seen, String key, String path, String what) {
      String first = seen.putIfAbsent(key, path);
      if (first != null) {
        add(path, "duplicate " + what + " '" + key + "' (first used at " + first + ")");
      }
    }

    boolean whole(String path, Duration d) {
      return require(d.getNano() == 0, path, "must be a whole number of seconds");
    }

    boolean positive(String path, Duration d) {
      return whole(path, d) && require(!d.isNegative() && !d.isZero(), path, "must be longer than zero");
    }

    boolean nonNegative(String path, Duration d) {
      return whole(path, d) && require(!d.isNegative(), path, "must not be negative");
    }

    boolean unit(String path, Quantity q, Unit expected) {
      return require(q.unit() == expected, path,
          "unit " + q.unit().symbol() + " does not fit here; expected " + expected.symbol());
    }

    void positiveIn(String path, Quantity q, Unit expected) {
      if (unit(path, q, expected)) {
        require(q.isPositive(), path, "must be positive");
      }
    }
  }
}
