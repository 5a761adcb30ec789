package org.kapsdk.core.lint;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.kapsdk.core.model.AllOf;
import org.kapsdk.core.model.AnyOf;
import org.kapsdk.core.model.Condition;
import org.kapsdk.core.model.Gate;
import org.kapsdk.core.model.Not;
import org.kapsdk.core.model.Phase;
import org.kapsdk.core.model.ProtocolTemplate;
import org.kapsdk.core.model.Rule;
import org.kapsdk.core.model.SessionKind;
import org.kapsdk.core.model.SessionTemplate;
import org.kapsdk.core.validation.Paths;

/**
 * A template read once for the lint rules: every session template with its phase and path, and
 * every rule with its path and owner. Which rules apply to a session follows the safety gate:
 * template-level PRE_DOSE, DURING_SESSION and DISCHARGE rules apply at dosing sessions, a
 * session's own rules at that session, and a rule limited to phases applies only in those.
 */
final class TemplateIndex {

  /** A session template where it stands in the template. */
  record SessionAt(int phaseIndex, Phase phase, SessionTemplate session, String path) {
    String id() {
      return session.id();
    }

    boolean isDosing() {
      return session.kind() == SessionKind.DOSING;
    }

    String at(String child) {
      return Paths.join(path, child);
    }
  }

  /** A rule with its path; {@code owner} is the session template whose rules hold it, null at template level. */
  record RuleAt(String path, Rule rule, @Nullable SessionAt owner) {
    String id() {
      return rule.id();
    }

    /** The rule's condition with the path of its {@code require} or {@code forbid} field. */
    Condition condition() {
      return rule.require().or(rule::forbid).orElseThrow();
    }

    String conditionPath() {
      return Paths.join(path, rule.require().isPresent() ? "require" : "forbid");
    }

    /** Whether the rule's condition must hold ({@code require}) rather than must not hold ({@code forbid}). */
    boolean requires() {
      return rule.require().isPresent();
    }
  }

  final ProtocolTemplate template;
  final List<SessionAt> sessions;
  final List<RuleAt> rules;

  private TemplateIndex(ProtocolTemplate template, List<SessionAt> sessions, List<RuleAt> rules) {
    this.template = template;
    this.sessions = sessions;
    this.rules = rules;
  }

  static TemplateIndex of(ProtocolTemplate template) {
    List<SessionAt> sessions = new ArrayList<>();
    List<RuleAt> rules = new ArrayList<>();
    for (int i = 0; i < template.rules().size(); i++) {
      rules.add(new RuleAt(Paths.index("rules", i), template.rules().get(i), null));
    }
    for (int p = 0; p < template.phases().size(); p++) {
      Phase phase = template.phases().get(p);
      for (int s = 0; s < phase.sessions().size(); s++) {
        SessionAt at = new SessionAt(p, phase, phase.sessions().get(s),
            Paths.index(Paths.join(Paths.index("phases", p), "sessions"), s));
        sessions.add(at);
        for (int r = 0; r < at.session().rules().size(); r++) {
          rules.add(new RuleAt(Paths.index(at.at("rules"), r), at.session().rules().get(r), at));
        }
      }
    }
    return new TemplateIndex(template, Collections.unmodifiableList(sessions), Collections.unmodifiableList(rules));
  }

  /** The dosing session templates, in course order. */
  List<SessionAt> dosingSessions() {
    return sessions.stream().filter(SessionAt::isDosing).toList();
  }

  /** The rules of a gate that apply at sessions of a session template, template-level first. */
  List<RuleAt> rulesAt(SessionAt session, Gate gate) {
    List<RuleAt> out = new ArrayList<>();
    for (RuleAt r : rules) {
      if (r.rule().gate() != gate || !inPhase(r.rule(), session.phase())) {
        continue;
      }
      if (r.owner() == null ? session.isDosing() && isSessionGate(gate) : r.owner() == session) {
        out.add(r);
      }
    }
    return out;
  }

  /** The rules of one gate, wherever they are. */
  List<RuleAt> rulesOf(Gate gate) {
    return rules.stream().filter(r -> r.rule().gate() == gate).toList();
  }

  private static boolean inPhase(Rule rule, Phase phase) {
    return rule.phases().isEmpty() || rule.phases().contains(phase.id());
  }

  static boolean isSessionGate(Gate gate) {
    return gate == Gate.PRE_DOSE || gate == Gate.DURING_SESSION || gate == Gate.DISCHARGE;
  }

  /** Every condition in the tree, with its path, parents before children. */
  static void visit(Condition condition, String path, BiConsumer<String, Condition> visitor) {
    visitor.accept(path, condition);
    if (condition instanceof AllOf all) {
      for (int i = 0; i < all.conditions().size(); i++) {
        visit(all.conditions().get(i), Paths.index(Paths.join(path, "conditions"), i), visitor);
      }
    } else if (condition instanceof AnyOf any) {
      for (int i = 0; i < any.conditions().size(); i++) {
        visit(any.conditions().get(i), Paths.index(Paths.join(path, "conditions"), i), visitor);
      }
    } else if (condition instanceof Not not) {
      visit(not.condition(), Paths.join(path, "condition"), visitor);
    }
  }

  /**
   * The conditions a rule needs to hold for it to pass: the leaves reached through {@code all}
   * (and, negated, through {@code any}), with {@code not} flipping what is needed. A condition
   * that is only one alternative of an {@code any} is not needed.
   */
  static void needed(RuleAt rule, Consumer<Condition> out) {
    needed(rule.condition(), rule.requires(), out);
  }

  private static void needed(Condition c, boolean mustHold, Consumer<Condition> out) {
    if (c instanceof Not not) {
      needed(not.condition(), !mustHold, out);
    } else if (c instanceof AllOf all && mustHold) {
      all.conditions().forEach(x -> needed(x, true, out));
    } else if (c instanceof AnyOf any && !mustHold) {
      any.conditions().forEach(x -> needed(x, false, out));
    } else if (mustHold) {
      out.accept(c);
    }
  }

  /** {@code session a} or {@code sessions a, b}. */
  static String sessionList(List<SessionAt> list) {
    return (list.size() == 1 ? "dosing session " : "dosing sessions ")
        + String.join(", ", list.stream().map(SessionAt::id).toList());
  }
}
