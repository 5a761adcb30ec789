package org.kapsdk.core.course;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kapsdk.core.gate.ConditionExtensions;
import org.kapsdk.core.gate.SafetyGate;
import org.kapsdk.core.model.AllOf;
import org.kapsdk.core.model.AnyOf;
import org.kapsdk.core.model.Condition;
import org.kapsdk.core.model.DoseLimit;
import org.kapsdk.core.model.Gate;
import org.kapsdk.core.model.Not;
import org.kapsdk.core.model.Phase;
import org.kapsdk.core.model.ProtocolTemplate;
import org.kapsdk.core.model.Rule;
import org.kapsdk.core.model.SessionKind;
import org.kapsdk.core.model.SessionTemplate;

/**
 * A protocol template prepared for course records: the template, its compiled
 * {@link SafetyGate}, and the lookups the course needs (session templates by id, the phase of
 * each, rules by id, which PRE_DOSE rules limit doses). Compile once per template version and
 * share it: it is immutable and safe to use from any number of threads.
 *
 * <p>Why a type of its own rather than a bare template: appending an event evaluates dose-limit
 * rules through the safety gate, and compiling the gate per event would cost more than the rest
 * of the check together.
 */
public final class CourseRules {
  private final ProtocolTemplate template;
  private final SafetyGate gate;
  private final Map<String, SessionTemplate> sessions;
  private final Map<String, String> phaseOfSession;
  private final Set<String> phases;
  private final Map<String, Rule> rules;
  private final Set<String> gateRuleIds;
  private final Map<String, Set<String>> doseLimitRules;
  private final Map<String, String> ruleOwner;

  private CourseRules(ProtocolTemplate template, SafetyGate gate) {
    this.template = template;
    this.gate = gate;
    Map<String, SessionTemplate> byId = new LinkedHashMap<>();
    Map<String, String> phaseOf = new LinkedHashMap<>();
    Set<String> phaseIds = new LinkedHashSet<>();
    Map<String, Rule> ruleById = new LinkedHashMap<>();
    Map<String, String> owner = new LinkedHashMap<>();
    for (Rule r : template.rules()) {
      ruleById.put(r.id(), r);
    }
    Set<String> templateDoseLimits = new LinkedHashSet<>();
    for (Rule r : template.rules()) {
      if (r.gate() == Gate.PRE_DOSE && limitsDose(r)) {
        templateDoseLimits.add(r.id());
      }
    }
    Map<String, Set<String>> doseLimits = new LinkedHashMap<>();
    for (Phase phase : template.phases()) {
      phaseIds.add(phase.id());
      for (SessionTemplate s : phase.sessions()) {
        byId.put(s.id(), s);
        phaseOf.put(s.id(), phase.id());
        Set<String> limits = new LinkedHashSet<>(templateDoseLimits);
        for (Rule r : s.rules()) {
          ruleById.put(r.id(), r);
          owner.put(r.id(), s.id());
          if (r.gate() == Gate.PRE_DOSE && limitsDose(r)) {
            limits.add(r.id());
          }
        }
        doseLimits.put(s.id(), Collections.unmodifiableSet(limits));
      }
    }
    this.sessions = Collections.unmodifiableMap(byId);
    this.phaseOfSession = Collections.unmodifiableMap(phaseOf);
    this.phases = Collections.unmodifiableSet(phaseIds);
    this.rules = Collections.unmodifiableMap(ruleById);
    this.gateRuleIds = Collections.unmodifiableSet(new LinkedHashSet<>(gate.ruleSeverities().keySet()));
    this.doseLimitRules = Collections.unmodifiableMap(doseLimits);
    this.ruleOwner = Collections.unmodifiableMap(owner);
  }

  /** Compiles a template, with the condition extensions found by {@link java.util.ServiceLoader}. */
  public static CourseRules compile(ProtocolTemplate template) {
    return new CourseRules(template, SafetyGate.compile(template));
  }

  /** Compiles a template with the given condition extensions. */
  public static CourseRules compile(ProtocolTemplate template, ConditionExtensions extensions) {
    return new CourseRules(template, SafetyGate.compile(template, extensions));
  }

  /** The template. */
  public ProtocolTemplate template() {
    return template;
  }

  /** The template's compiled safety gate. */
  public SafetyGate gate() {
    return gate;
  }

  /** The session template with the given id. */
  public Optional<SessionTemplate> sessionTemplate(String id) {
    return Optional.ofNullable(sessions.get(id));
  }

  /** The id of the phase that holds the given session template. */
  public Optional<String> phaseOf(String sessionTemplateId) {
    return Optional.ofNullable(phaseOfSession.get(sessionTemplateId));
  }

  /** Whether the template has a phase with this id. */
  public boolean hasPhase(String phaseId) {
    return phases.contains(phaseId);
  }

  /** The id of the template's first phase, where every course begins. */
  public String firstPhaseId() {
    return template.phases().get(0).id();
  }

  /** The rule with the given id, template-level or a session template's own. */
  public Optional<Rule> rule(String ruleId) {
    return Optional.ofNullable(rules.get(ruleId));
  }

  /** Whether the gate can report a finding with this rule id (authored rules and derived dose limits). */
  boolean gateKnows(String ruleId) {
    return gateRuleIds.contains(ruleId);
  }

  String phaseOfOrNull(String sessionTemplateId) {
    return phaseOfSession.get(sessionTemplateId);
  }

  SessionTemplate sessionTemplateOrNull(String id) {
    return sessions.get(id);
  }

  /**
   * Whether a session-gate rule is evaluated at sessions of this template, as the gate decides:
   * a session template's own rules at its own sessions, template-level rules at dosing sessions.
   */
  boolean appliesAt(String ruleId, String sessionTemplateId) {
    String own = ruleOwner.get(ruleId);
    if (own != null) {
      return own.equals(sessionTemplateId);
    }
    SessionTemplate t = sessions.get(sessionTemplateId);
    return t != null && t.kind() == SessionKind.DOSING;
  }

  /** The ids of the authored PRE_DOSE rules that limit doses at sessions of this template. */
  Set<String> doseLimitRuleIds(String sessionTemplateId) {
    return doseLimitRules.getOrDefault(sessionTemplateId, Set.of());
  }

  private static boolean limitsDose(Rule rule) {
    return rule.require().map(CourseRules::containsDoseLimit).orElse(false)
        || rule.forbid().map(CourseRules::containsDoseLimit).orElse(false);
  }

  private static boolean containsDoseLimit(Condition c) {
    if (c instanceof DoseLimit) {
      return true;
    }
    if (c instanceof Not n) {
      return containsDoseLimit(n.condition());
    }
    List<Condition> parts = c instanceof AllOf a ? a.conditions() : c instanceof AnyOf o ? o.conditions() : List.of();
    for (Condition part : parts) {
      if (containsDoseLimit(part)) {
        return true;
      }
    }
    return false;
  }

  /** {@code CourseRules[template-id version]}. */
  @Override
  public String toString() {
    return "CourseRules[" + template.id() + " " + template.version() + "]";
  }
}
