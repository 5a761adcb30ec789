package org.kapsdk.core.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kapsdk.core.internal.DocumentCodec;
import org.kapsdk.core.internal.Mappers;
import org.kapsdk.core.internal.SourceMap;
import org.kapsdk.core.internal.VersionRange;
import org.kapsdk.core.io.Placeholders.Placeholder;
import org.kapsdk.core.model.ClinicProfile;
import org.kapsdk.core.model.Evidence;
import org.kapsdk.core.model.Parameter;
import org.kapsdk.core.model.ParameterType;
import org.kapsdk.core.model.ParameterValue;
import org.kapsdk.core.model.ProtocolTemplate;
import org.kapsdk.core.model.ResolvedProtocol;
import org.kapsdk.core.model.StructuralChecks;
import org.kapsdk.core.model.ValueOrigin;
import org.kapsdk.core.validation.Paths;
import org.kapsdk.core.validation.Problem;
import org.kapsdk.core.validation.SourceLocation;
import org.kapsdk.core.validation.ValidationException;

/**
 * Resolves a template file's parameters and reads it: placeholders found on the parsed
 * document, values taken from the profile or the parameters' defaults and checked against their
 * declarations, substituted in the text in place (so every line and column stays where it was),
 * then the text bound and checked as usual, every problem placed in the template or the profile.
 *
 * <p>When a required parameter has no value, the template is bound twice with two different
 * stand-in values for each such parameter, and only the problems both readings report are kept:
 * those do not depend on the missing values. A template read with stand-in values is never
 * returned.
 */
final class TemplateResolver {
  static final DocumentCodec<ProtocolTemplate> CODEC =
      new DocumentCodec<>(ProtocolTemplate.class, "a protocol template", StructuralChecks::problemsOf);
  private static final DocumentCodec<TemplateParts> PARTS =
      new DocumentCodec<>(TemplateParts.class, "a protocol template", parts -> List.of());

  private TemplateResolver() {}

  /** A profile, and where each of its paths is written. */
  record ProfileInput(ClinicProfile profile, Function<String, Optional<SourceLocation>> locate) {
    /** A profile given in code: its problems name {@code <profile>} as their document. */
    static ProfileInput inMemory(ClinicProfile profile) {
      return new ProfileInput(profile, path -> Optional.empty());
    }

    static ProfileInput of(ProfileFiles.Located located) {
      return new ProfileInput(located.profile(), located::locate);
    }

    Problem problem(String path, String message) {
      return Problem.at(path, message, locate.apply(path).orElse(SourceLocation.wholeDocument("<profile>")));
    }
  }

  static ResolvedProtocol resolve(String raw, DocumentCodec.Syntax syntax, String source, @Nullable ProfileInput profile) {
    String text = raw.startsWith("\uFEFF") ? raw.substring(1) : raw;
    ObjectMapper mapper = syntax == DocumentCodec.Syntax.YAML ? Mappers.yaml() : Mappers.json();
    Placeholders.Scan scan = Placeholders.scan(text, syntax, source, mapper);
    if (scan.placeholders().isEmpty() && !scan.declaresParameters() && scan.cutShort().isEmpty()) {
      ProtocolTemplate template = CODEC.read(text, syntax, source);
      List<Problem> problems = profile == null ? List.of()
          : profileProblems(profile, Optional.of(template.id()), Optional.of(template.version()), Map.of());
      if (!problems.isEmpty()) {
        throw new ValidationException(problems);
      }
      return ResolvedProtocol.builder().template(template).profile(Optional.ofNullable(profile).map(ProfileInput::profile)).build();
    }
    if (!scan.cutShort().isEmpty()) {
      // The text would bind '$' where a placeholder was meant; say so instead.
      throw new ValidationException(scan.cutShort().stream().map(c -> Problem.at(c.path(),
          "a placeholder inside [ ] or { } must be quoted, as in \"${name}\": there, braces are YAML syntax",
          c.location())).toList());
    }
    return new Run(text, syntax, source, mapper, scan.placeholders(), profile).resolve();
  }

  /** One resolution, with what it has found so far. */
  private static final class Run {
    final String text;
    final DocumentCodec.Syntax syntax;
    final String source;
    final List<Placeholder> placeholders;
    final @Nullable ProfileInput profile;
    final SourceMap map;
    final List<Problem> problems = new ArrayList<>();
    final Set<Problem> unsetProblems = new HashSet<>();
    final List<Parameter> unset = new ArrayList<>();
    final Map<String, Parameter> declared = new LinkedHashMap<>();
    final Map<String, Integer> declaredAt = new HashMap<>();
    final Map<String, ParameterValue> values = new LinkedHashMap<>();
    final Map<String, String> placeholderMap = new LinkedHashMap<>();

    Run(String text, DocumentCodec.Syntax syntax, String source, ObjectMapper mapper, List<Placeholder> placeholders,
        @Nullable ProfileInput profile) {
      this.text = text;
      this.syntax = syntax;
      this.source = source;
      this.placeholders = placeholders;
      this.profile = profile;
      this.map = SourceMap.of(source, text, mapper);
    }

    ResolvedProtocol resolve() {
      TemplateParts parts = PARTS.bindOnly(text, syntax, source);
      for (int i = 0; i < parts.parameters().size(); i++) {
        Parameter p = parts.parameters().get(i);
        if (declared.putIfAbsent(p.name(), p) == null) {
          declaredAt.put(p.name(), i);
        }
      }
      boolean bindable = checkPlaceholders();
      takeValues(parts.evidence());
      List<Problem> fromProfile = profile == null ? List.of()
          : profileProblems(profile, parts.id(), parts.version(), declared);
      if (!bindable) {
        throw new ValidationException(ordered(problems, fromProfile));
      }
      placeholders.forEach(ph -> placeholderMap.put(ph.path(), ph.name()));

      List<Parameter> standIns = declared.values().stream().filter(p -> !values.containsKey(p.name())).toList();
      ProtocolTemplate template;
      if (standIns.isEmpty()) {
        Pass pass = bind(name -> literal(values.get(name).parameter(), values.get(name).value()));
        problems.addAll(pass.problems);
        template = pass.template;
      } else {
        Pass low = bind(name -> values.containsKey(name)
            ? literal(values.get(name).parameter(), values.get(name).value()) : standIn(declared.get(name), false));
        Pass high = bind(name -> values.containsKey(name)
            ? literal(values.get(name).parameter(), values.get(name).value()) : standIn(declared.get(name), true));
        Set<String> inBoth = high.problems.stream().map(p -> p.path() + "\n" + p.message()).collect(Collectors.toSet());
        low.problems.stream().filter(p -> inBoth.contains(p.path() + "\n" + p.message())).forEach(problems::add);
        template = null;
        List<Problem> all = ordered(problems, fromProfile);
        ProtocolTemplate outline = low.template != null ? low.template : high.template;
        if (!all.isEmpty() && outline != null && unsetProblems.containsAll(all)) {
          throw new UnsetParametersException(all, unset, TemplateOutline.of(outline));
        }
        if (all.isEmpty()) {
          // Never happens: a parameter without a value always has a problem saying why.
          standIns.forEach(p -> problems.add(Problem.at(Paths.index("parameters", declaredAt.get(p.name())),
              "parameter '" + p.name() + "' has no usable value", map.locate(Paths.index("parameters", declaredAt.get(p.name()))))));
        }
      }
      List<Problem> all = ordered(problems, fromProfile);
      if (!all.isEmpty() || template == null) {
        throw new ValidationException(all);
      }
      List<ParameterValue> inOrder = template.parameters().stream().map(p -> values.get(p.name())).toList();
      return ResolvedProtocol.builder()
          .template(template)
          .values(inOrder)
          .profile(Optional.ofNullable(profile).map(ProfileInput::profile))
          .build();
    }

    /** Records problems with placeholders; false when one keeps the template from being bound. */
    private boolean checkPlaceholders() {
      boolean bindable = true;
      for (Placeholder ph : placeholders) {
        String name = "${" + ph.name() + "}";
        if (ph.path().equals("parameters") || ph.path().startsWith("parameters[")) {
          problems.add(Problem.at(ph.path(), "placeholders are not allowed in parameter declarations; write the value itself",
              ph.location()));
          bindable = false;
        } else if (!ph.rewritable()) {
          problems.add(Problem.at(ph.path(), "write the placeholder " + name
              + " as plain text or in quotes; escapes and block scalars are not substituted", ph.location()));
          bindable = false;
        } else if (!declared.containsKey(ph.name())) {
          problems.add(Problem.at(ph.path(), "placeholder " + name
              + " names no parameter of the template; declare it under parameters", ph.location()));
          bindable = false;
        }
      }
      return bindable;
    }

    /** The value of every declared parameter: the profile's, else a usable default, else none. */
    private void takeValues(List<Evidence> evidence) {
      for (Parameter p : declared.values()) {
        String path = Paths.index("parameters", declaredAt.get(p.name()));
        Optional<String> set = profile == null ? Optional.empty() : Optional.ofNullable(profile.profile().values().get(p.name()));
        if (set.isPresent()) {
          String valuePath = Paths.join("values", p.name());
          Optional<String> problem = p.problemWith(set.get());
          if (problem.isEmpty()) {
            values.put(p.name(), ParameterValue.builder().parameter(p).value(p.canonicalValue(set.get()))
                .origin(ValueOrigin.PROFILE).location(profile.locate.apply(valuePath)).build());
          }
          // A value that does not fit is the profile's problem (see profileProblems).
        } else if (p.defaultValue().isPresent()) {
          // A default the structural check refuses (unconfirmed source, out of range) is not used;
          // that check says why.
          if (usableDefault(p, evidence)) {
            values.put(p.name(), ParameterValue.builder().parameter(p).value(p.canonicalValue(p.defaultValue().get()))
                .origin(ValueOrigin.DEFAULT).location(map.locate(Paths.join(path, "defaultValue"))).build());
          }
        } else {
          Problem problem = Problem.at(path, "required parameter '" + p.name() + "' is not set; set it in a clinic profile"
              + " (kapsdk --profile FILE)" + uses(p.name()), map.locate(path));
          problems.add(problem);
          unsetProblems.add(problem);
          unset.add(p);
        }
      }
    }

    private String uses(String name) {
      List<Integer> lines = placeholders.stream().filter(ph -> ph.name().equals(name))
          .map(ph -> ph.location().line()).distinct().toList();
      if (lines.isEmpty()) {
        return "";
      }
      return "; it is used at line" + (lines.size() == 1 ? " " : "s ")
          + lines.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** One reading of the template with the given literal at each placeholder. */
    private record Pass(@Nullable ProtocolTemplate template, List<Problem> problems) {}

    private Pass bind(Function<String, String> literalOf) {
      List<String> literals = placeholders.stream().map(ph -> literalOf.apply(ph.name())).toList();
      String substituted = Placeholders.substitute(text, placeholders, literals);
      Map<String, String> uses = new LinkedHashMap<>(placeholderMap);
      try {
        ProtocolTemplate t = CODEC.read(substituted, syntax, source,
            bound -> ProtocolTemplate.builder().from(bound).placeholders(uses).build());
        return new Pass(t, List.of());
      } catch (ValidationException e) {
        return new Pass(null, e.problems().stream().map(this::annotate).toList());
      }
    }

    /**
     * A problem at a placeholder's place says that the value is a parameter's, and where that
     * value was set; a value of the wrong type for the field names the parameter's type instead
     * of the value, which is the same whatever the value.
     */
    private Problem annotate(Problem p) {
      String name = placeholderMap.get(p.path());
      if (name == null || !declared.containsKey(name)) {
        return p;
      }
      String message = p.message();
      if (message.startsWith("expected ")) {
        int found = message.indexOf(", found ");
        message = (found < 0 ? message : message.substring(0, found)) + ", but parameter '" + name + "' is of type "
            + declared.get(name).type();
      } else {
        ParameterValue v = values.get(name);
        String origin = v == null ? ""
            : v.origin() == ValueOrigin.PROFILE ? ", set" + v.location().map(l -> " at " + l).orElse(" in the profile")
            : ", its default";
        message = message + " (the value of parameter '" + name + "'" + origin + ")";
      }
      return p.location().isPresent() ? Problem.at(p.path(), message, p.location().get()) : Problem.at(p.path(), message);
    }
  }

  private static boolean usableDefault(Parameter p, List<Evidence> evidence) {
    return !p.clinicPolicy()
        && p.defaultValue().flatMap(p::problemWith).isEmpty()
        && p.source().flatMap(key -> evidence.stream().filter(e -> e.key().equals(key)).findFirst())
            .map(Evidence::confirmed).orElse(false);
  }

  /** A value as a literal for the text: a whole number as a number, anything else as a quoted string. */
  private static String literal(Parameter p, String canonical) {
    return p.type() == ParameterType.INTEGER ? canonical : Placeholders.quoted(canonical);
  }

  /**
   * A stand-in for a parameter without a value: a small or a large valid value of its type,
   * within its range. The two differ, so a problem that depends on the value differs too.
   */
  private static String standIn(Parameter p, boolean high) {
    String unit = p.unit().map(u -> u.symbol()).orElse("mg");
    String small = switch (p.type()) {
      case INTEGER -> "1";
      case DURATION -> "1 min";
      case QUANTITY -> "1 " + unit;
    };
    // Large enough to stay apart from a declared minimum such as 2 (a group's size), so that a
    // problem that depends on the value (minParticipants above it) is not reported as real.
    String large = switch (p.type()) {
      case INTEGER -> "1000";
      case DURATION -> "1 d";
      case QUANTITY -> "100 " + unit;
    };
    String chosen;
    if (high) {
      chosen = p.problemWith(large).isEmpty() ? large : p.max().or(p::min).orElse(large);
    } else {
      chosen = p.problemWith(small).isEmpty() ? small : p.min().or(p::max).orElse(small);
    }
    String canonical;
    try {
      canonical = p.canonicalValue(chosen);
    } catch (IllegalArgumentException e) {
      canonical = chosen;
    }
    return literal(p, canonical);
  }

  /** The profile's problems with this template: another template, another version, unknown names, values that do not fit. */
  static List<Problem> profileProblems(ProfileInput input, Optional<String> id, Optional<String> version,
      Map<String, Parameter> declared) {
    ClinicProfile profile = input.profile();
    List<Problem> problems = new ArrayList<>();
    id.filter(x -> !x.equals(profile.template())).ifPresent(x -> problems.add(input.problem("template",
        "the profile is for template '" + profile.template() + "', not '" + x + "'")));
    profile.templateVersion().ifPresent(range -> version.ifPresent(v -> {
      boolean inRange;
      try {
        inRange = VersionRange.parse(range).contains(v);
      } catch (IllegalArgumentException e) {
        inRange = true; // reported by the profile's own check
      }
      if (!inRange) {
        problems.add(input.problem("templateVersion", "the profile is for versions " + range + " of '"
            + profile.template() + "', not version " + v));
      }
    }));
    profile.values().forEach((name, value) -> {
      String path = Paths.join("values", name);
      Parameter p = declared.get(name);
      if (p == null) {
        problems.add(input.problem(path, "template '" + id.orElse("?") + "' has no parameter '" + name + "'"
            + (declared.isEmpty() ? "; it declares none" : "; its parameters are " + String.join(", ", declared.keySet()))));
      } else {
        p.problemWith(value).ifPresent(message -> problems.add(input.problem(path, message)));
      }
    });
    return problems;
  }

  /** Template problems in line order, then the profile's, each group sorted by line and column. */
  private static List<Problem> ordered(List<Problem> template, List<Problem> profile) {
    Comparator<Problem> byPlace =
        Comparator.comparingInt((Problem p) -> p.location().map(SourceLocation::line).orElse(Integer.MAX_VALUE))
            .thenComparingInt(p -> p.location().map(SourceLocation::column).orElse(0));
    List<Problem> all = new ArrayList<>(template);
    all.sort(byPlace);
    List<Problem> second = new ArrayList<>(profile);
    second.sort(byPlace);
    all.addAll(second);
    return all;
  }
}
