package org.kapsdk.core.io;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBase;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import com.fasterxml.jackson.databind.deser.SettableBeanProperty;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.PropertyWriter;
import com.fasterxml.jackson.databind.type.CollectionLikeType;
import com.fasterxml.jackson.databind.type.MapLikeType;
import com.fasterxml.jackson.databind.type.ReferenceType;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.kapsdk.core.facts.PatientFacts;
import org.kapsdk.core.internal.Mappers;
import org.kapsdk.core.internal.ScalarText;
import org.kapsdk.core.model.ClinicProfile;
import org.kapsdk.core.model.Parameter;
import org.kapsdk.core.model.ProtocolTemplate;
import org.kapsdk.core.model.Quantity;
import org.kapsdk.core.model.Unit;
import org.kapsdk.core.scenario.ScenarioFile;

/**
 * Generates the JSON Schemas under {@code schemas/} from the model, as the readers see it: the
 * properties, types and required fields come from the deserializers of the SDK's own mapper
 * ({@link Mappers#json()}, the builders Immutables generates), the closed kind names from the
 * {@code @JsonSubTypes} that the readers use, the scalar forms from the parsers' own grammar
 * ({@link Unit} symbols, the duration and time forms), and the descriptions from the model's
 * javadoc. A type the generator does not know is an error, never a guess: a model change must
 * be met here before the schemas can be regenerated.
 *
 * <p>Test code on purpose: the schemas are build output checked into the repository, and the
 * generator must not become a dependency of {@code core}.
 */
final class JsonSchemas {
  /** Draft-07: what the YAML language server and IntelliJ support most completely. */
  static final String DRAFT = "http://json-schema.org/draft-07/schema#";
  /** No site hosts the schemas yet, so they are named by URN; editors find them by file path. */
  static final String ID_BASE = "urn:kapsdk:schemas:";

  /** The command that rewrites the checked-in schemas, for messages and the README. */
  static final String REGENERATE =
      "./mvnw -B -q -pl core -am test -Dtest=JsonSchemasTest -Dsurefire.failIfNoSpecifiedTests=false"
          + " -Dkapsdk.updateSchemas=true";

  /** One kind of file the SDK reads, with its schema. */
  enum Kind {
    TEMPLATE("template", ProtocolTemplate.class, "kapsdk protocol template",
        "A course template as ProtocolFiles reads it (kapsdk validate, lint, plan, check). Any number,"
            + " quantity or duration outside the parameter declarations may be written ${name}, the"
            + " value of a parameter a clinic profile sets.",
        true, false),
    PROFILE("profile", ClinicProfile.class, "kapsdk clinic profile",
        "The values a clinic sets for a template's parameters, as ProfileFiles reads it (--profile FILE).",
        false, false),
    SCENARIO("scenario", ScenarioFile.class, "kapsdk scenario file",
        "Test scenarios for a protocol, as kapsdk test and the JUnit runner read them. Times are"
            + " ISO-8601 instants or relative to the clock (T0, T0+40m, T0-1d).",
        false, true),
    FACTS("facts", PatientFacts.class, "kapsdk patient facts",
        "A patient's facts for a gate, as FactsFiles reads them (kapsdk check --facts). Times are"
            + " ISO-8601 instants or relative to the evaluation instant (T0, T0-40m, T0-1d).",
        false, true),
    COURSE("course", CourseFileJson.class, "kapsdk course record",
        "A course as CourseFiles reads it: a course document (protocol, optional profile, courseId,"
            + " events) for kapsdk status, or the bare record (courseId, events) a host persists."
            + " Times are ISO-8601 instants.",
        false, false);

    final String name;
    final Class<?> root;
    final String title;
    final String description;
    final boolean placeholders;
    final boolean relativeTimes;

    Kind(String name, Class<?> root, String title, String description, boolean placeholders,
        boolean relativeTimes) {
      this.name = name;
      this.root = root;
      this.title = title;
      this.description = description;
      this.placeholders = placeholders;
      this.relativeTimes = relativeTimes;
    }

    /** The schema's file name under {@code schemas/}. */
    String fileName() {
      return name + ".schema.json";
    }
  }

  /** {@code ${name}}, a parameter name as a template id: what the resolver replaces. */
  static final String PLACEHOLDER = "\\$\\{[a-z0-9][a-z0-9._-]{0,63}\\}";
  private static final String DURATION = "-?[0-9]{1,12} *(s|min|h|d|wk)";
  private static final String ISO_INSTANT =
      "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?(Z|[+-][0-9]{2}:[0-9]{2})";
  private static final String RELATIVE_INSTANT = "T0(\\s*[+-]\\s*[0-9]{1,9}\\s*(s|m|min|h|d|w|wk))*";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper OUT = outputMapper();

  private final Kind kind;
  private final Javadoc javadoc;
  private final ObjectMapper mapper = Mappers.json();
  private final DefaultDeserializationContext context;
  private final Map<String, ObjectNode> definitions = new TreeMap<>();
  private final Map<String, Class<?>> named = new HashMap<>();
  private final Deque<Class<?>> pending = new ArrayDeque<>();

  private JsonSchemas(Kind kind, Path sources) {
    this.kind = kind;
    this.javadoc = new Javadoc(sources);
    this.context = ((DefaultDeserializationContext) mapper.getDeserializationContext())
        .createDummyInstance(mapper.getDeserializationConfig());
  }

  /**
   * The schema of one kind of file, as text ending in a line break.
   *
   * @param sources the model's source root ({@code core/src/main/java}), for descriptions
   */
  static String generate(Kind kind, Path sources) {
    return new JsonSchemas(kind, sources).schema();
  }

  private String schema() {
    ObjectNode root = NODES.objectNode();
    root.put("$schema", DRAFT);
    root.put("$id", ID_BASE + kind.name);
    root.put("title", kind.title);
    root.put("description", kind.description);
    String rootName = reference(kind.root);
    while (!pending.isEmpty()) {
      define(pending.pop());
    }
    ObjectNode rootSchema = definitions.remove(rootName);
    rootSchema.remove("description");
    root.setAll(rootSchema);
    if (!definitions.isEmpty()) {
      ObjectNode defs = root.putObject("definitions");
      definitions.forEach(defs::set);
    }
    try {
      return OUT.writeValueAsString(root) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The definition name of a bean or polymorphic type, queued for definition on first use. */
  private String reference(Class<?> type) {
    String name = type.getSimpleName();
    Class<?> previous = named.putIfAbsent(name, type);
    if (previous == null) {
      pending.add(type);
    } else if (previous != type) {
      throw new IllegalStateException("two model types named " + name + ": " + previous + " and " + type);
    }
    return name;
  }

  private static ObjectNode ref(String name) {
    return NODES.objectNode().put("$ref", "#/definitions/" + name);
  }

  private void define(Class<?> type) {
    JsonTypeInfo info = type.getAnnotation(JsonTypeInfo.class);
    if (type.isInterface() && info != null && type.isAnnotationPresent(JsonSubTypes.class)
        && !type.isAnnotationPresent(JsonDeserialize.class)) {
      definitions.put(type.getSimpleName(), polymorphic(type, info));
    } else {
      definitions.put(type.getSimpleName(), bean(type));
    }
  }

  /** A closed family of kinds: the discriminator names them, and each name selects its definition. */
  private ObjectNode polymorphic(Class<?> type, JsonTypeInfo info) {
    String property = info.property();
    ObjectNode schema = NODES.objectNode();
    describe(schema, javadoc.ofType(type));
    schema.put("type", "object");
    ObjectNode discriminator = schema.putObject("properties").putObject(property);
    discriminator.put("description", "Which kind this is; one of a closed list.");
    ArrayNode names = discriminator.putArray("enum");
    schema.putArray("required").add(property);
    ArrayNode branches = schema.putArray("allOf");
    for (JsonSubTypes.Type sub : type.getAnnotation(JsonSubTypes.class).value()) {
      names.add(sub.name());
      ObjectNode branch = branches.addObject();
      ObjectNode test = branch.putObject("if");
      test.putObject("properties").putObject(property).put("const", sub.name());
      test.putArray("required").add(property);
      branch.set("then", ref(reference(sub.value())));
    }
    return schema;
  }

  /** An object the reader binds through its builder: its properties, the required ones, nothing else. */
  private ObjectNode bean(Class<?> type) {
    JavaType javaType = mapper.constructType(type);
    JsonDeserializer<?> deserializer;
    try {
      // Not the root deserializer: a kind of a polymorphic family would come wrapped in its type reader.
      deserializer = context.findContextualValueDeserializer(javaType, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!(deserializer instanceof BeanDeserializerBase beans)) {
      throw new IllegalStateException("no schema for " + type.getName() + ": read by " + deserializer.getClass().getName());
    }
    boolean placeholders = kind.placeholders && type != Parameter.class;
    List<SettableBeanProperty> properties = new ArrayList<>();
    beans.properties().forEachRemaining(properties::add);
    List<String> order = writtenOrder(javaType);
    properties.sort(java.util.Comparator
        .comparingInt((SettableBeanProperty p) -> order.contains(p.getName()) ? order.indexOf(p.getName()) : order.size())
        .thenComparing(SettableBeanProperty::getName));

    ObjectNode schema = NODES.objectNode();
    describe(schema, javadoc.ofType(type));
    schema.put("type", "object");
    ObjectNode props = schema.putObject("properties");
    ArrayNode required = NODES.arrayNode();
    kindOf(type).ifPresent(discriminator -> {
      props.putObject(discriminator.getKey()).put("const", discriminator.getValue());
      required.add(discriminator.getKey());
    });
    for (SettableBeanProperty property : properties) {
      Method accessor = accessor(type, property.getName());
      ObjectNode value = scalarText(accessor)
          ? scalarTextSchema(mapper.constructType(accessor.getGenericReturnType()))
          : valueSchema(mapper.constructType(accessor.getGenericReturnType()), placeholders);
      describe(value, javadoc.ofMethod(accessor));
      props.set(property.getName(), value);
      if (property.isRequired()) {
        required.add(property.getName());
      }
    }
    if (!required.isEmpty()) {
      schema.set("required", required);
    }
    schema.put("additionalProperties", false);
    return schema;
  }

  /** The order the writer uses, so a schema reads like the files it describes. */
  private List<String> writtenOrder(JavaType type) {
    try {
      JsonSerializer<Object> serializer = mapper.getSerializerProviderInstance().findValueSerializer(type);
      List<String> names = new ArrayList<>();
      for (Iterator<PropertyWriter> it = serializer.properties(); it.hasNext(); ) {
        names.add(it.next().getName());
      }
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The discriminator property and the name a polymorphic parent gives this type, if any. */
  private static Optional<Map.Entry<String, String>> kindOf(Class<?> type) {
    for (Class<?> parent : type.getInterfaces()) {
      JsonSubTypes subTypes = parent.getAnnotation(JsonSubTypes.class);
      JsonTypeInfo info = parent.getAnnotation(JsonTypeInfo.class);
      if (subTypes != null && info != null) {
        for (JsonSubTypes.Type sub : subTypes.value()) {
          if (sub.value() == type) {
            return Optional.of(Map.entry(info.property(), sub.name()));
          }
        }
      }
    }
    return Optional.empty();
  }

  private static Method accessor(Class<?> type, String name) {
    for (Method m : type.getMethods()) {
      JsonProperty renamed = m.getAnnotation(JsonProperty.class);
      if (renamed != null && renamed.value().equals(name) && m.getParameterCount() == 0) {
        return m;
      }
    }
    try {
      return type.getMethod(name);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("the reader of " + type.getName() + " accepts '" + name + "', which it has no accessor for", e);
    }
  }

  /** Fields read with {@link ScalarText}: a parameter value in its text form, or a whole number. */
  private static boolean scalarText(Method accessor) {
    JsonDeserialize annotation = accessor.getAnnotation(JsonDeserialize.class);
    return annotation != null && annotation.contentUsing() == ScalarText.Deserializer.class;
  }

  private static ObjectNode scalarTextSchema(JavaType type) {
    ObjectNode text = NODES.objectNode();
    text.putArray("type").add("string").add("integer");
    if (type instanceof ReferenceType) {
      return text;
    }
    if (type instanceof MapLikeType) {
      ObjectNode map = NODES.objectNode().put("type", "object");
      map.set("additionalProperties", text);
      return map;
    }
    throw new IllegalStateException("ScalarText on " + type);
  }

  private ObjectNode valueSchema(JavaType type, boolean placeholders) {
    Class<?> raw = type.getRawClass();
    if (type instanceof ReferenceType) {
      return valueSchema(type.getContentType(), placeholders);
    }
    if (type instanceof MapLikeType map) {
      ObjectNode schema = NODES.objectNode().put("type", "object");
      Class<?> key = map.getKeyType().getRawClass();
      if (key.isEnum()) {
        schema.set("propertyNames", enumSchema(key));
      } else if (key != String.class) {
        throw new IllegalStateException("no schema for map keys of " + key.getName());
      }
      schema.set("additionalProperties", valueSchema(map.getContentType(), placeholders));
      return schema;
    }
    if (type instanceof CollectionLikeType list) {
      ObjectNode schema = NODES.objectNode().put("type", "array");
      schema.set("items", valueSchema(list.getContentType(), placeholders));
      return schema;
    }
    if (raw == String.class || raw == ZoneId.class) {
      return NODES.objectNode().put("type", "string");
    }
    if (raw == Boolean.class || raw == boolean.class) {
      return NODES.objectNode().put("type", "boolean");
    }
    if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class || raw == BigInteger.class) {
      return number("integer", placeholders);
    }
    if (raw == BigDecimal.class || raw == Double.class || raw == double.class) {
      return number("number", placeholders);
    }
    if (raw == Quantity.class) {
      return text("a quantity such as '56 mg': a number, a space and a unit",
          "-?[0-9]+(\\.[0-9]+)? +" + alternatives(unitTexts()), placeholders);
    }
    if (raw == Duration.class) {
      return text("a duration such as '120 min': a whole number, a space and one of s, min, h, d, wk",
          DURATION, placeholders);
    }
    if (raw == Instant.class) {
      return text(kind.relativeTimes
              ? "an ISO-8601 instant such as 2026-01-05T09:00:00Z, or a time relative to T0 such as T0, T0+40m, T0-1d"
              : "an ISO-8601 instant such as 2026-01-05T09:00:00Z",
          kind.relativeTimes ? "(" + ISO_INSTANT + "|" + RELATIVE_INSTANT + ")" : ISO_INSTANT, false);
    }
    if (raw == LocalDate.class) {
      ObjectNode schema = NODES.objectNode().put("type", "string").put("format", "date");
      return schema.put("pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
    }
    if (raw == Unit.class) {
      ObjectNode schema = NODES.objectNode().put("type", "string");
      ArrayNode values = schema.putArray("enum");
      unitTexts().forEach(values::add);
      return schema;
    }
    if (raw.isEnum()) {
      return enumSchema(raw);
    }
    if (raw.getPackageName().startsWith("org.kapsdk.")) {
      return ref(reference(raw));
    }
    throw new IllegalStateException("no schema for " + type);
  }

  private static ObjectNode enumSchema(Class<?> type) {
    for (Method m : type.getMethods()) {
      if (m.isAnnotationPresent(JsonValue.class)) {
        throw new IllegalStateException("enum " + type.getName() + " is written by @JsonValue; give it its own schema");
      }
    }
    ObjectNode schema = NODES.objectNode().put("type", "string");
    ArrayNode values = schema.putArray("enum");
    for (Object constant : type.getEnumConstants()) {
      values.add(((Enum<?>) constant).name());
    }
    return schema;
  }

  private static ObjectNode number(String type, boolean placeholders) {
    ObjectNode schema = NODES.objectNode();
    if (!placeholders) {
      return schema.put("type", type);
    }
    schema.putArray("type").add(type).add("string");
    return schema.put("pattern", "^" + PLACEHOLDER + "$");
  }

  private static ObjectNode text(String what, String pattern, boolean placeholders) {
    ObjectNode schema = NODES.objectNode().put("type", "string");
    schema.put("pattern", "^\\s*(" + pattern + (placeholders ? "|" + PLACEHOLDER : "") + ")\\s*$");
    schema.put("$comment", what + (placeholders ? ", or ${name}" : ""));
    return schema;
  }

  /** Every text a unit may be written as: its symbol or its UCUM code. */
  private static List<String> unitTexts() {
    Set<String> texts = new LinkedHashSet<>();
    for (Unit unit : Unit.values()) {
      texts.add(unit.symbol());
      texts.add(unit.ucum());
    }
    return List.copyOf(texts);
  }

  private static String alternatives(List<String> texts) {
    return texts.stream().map(JsonSchemas::escape).collect(Collectors.joining("|", "(", ")"));
  }

  /** Escapes a literal for an ECMA-262 regular expression (no {@code \Q...\E} there). */
  private static String escape(String literal) {
    StringBuilder out = new StringBuilder();
    for (char c : literal.toCharArray()) {
      if ("\\^$.|?*+()[]{}/".indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  private static void describe(ObjectNode schema, Optional<String> text) {
    if (text.isEmpty()) {
      return;
    }
    // Keep "description" first so that a schema reads from what a field is to what it holds.
    ObjectNode copy = schema.deepCopy();
    schema.removeAll();
    schema.put("description", text.get());
    copy.properties().forEach(e -> {
      if (!e.getKey().equals("description")) {
        schema.set(e.getKey(), e.getValue());
      }
    });
  }

  private static ObjectMapper outputMapper() {
    ObjectMapper out = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
        .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
        .withObjectIndenter(new DefaultIndenter("  ", "\n"));
    printer.indentArraysWith(new DefaultIndenter("  ", "\n"));
    out.setDefaultPrettyPrinter(printer);
    return out;
  }

  /**
   * The first paragraph of the model's javadoc, read from its sources: cheap, and the one place
   * the model explains itself. A member without javadoc gets no description.
   */
  static final class Javadoc {
    private static final Pattern COMMENT = Pattern.compile("/\\*\\*(.*?)\\*/", Pattern.DOTALL);
    private final Path sources;
    private final Map<Class<?>, String> texts = new HashMap<>();

    Javadoc(Path sources) {
      this.sources = sources;
    }

    Optional<String> ofType(Class<?> type) {
      return find(type, "\\b(?:interface|class|enum|record)\\s+" + type.getSimpleName() + "\\b");
    }

    Optional<String> ofMethod(Method method) {
      return find(method.getDeclaringClass(), "\\b" + method.getName() + "\\(\\)");
    }

    /** The javadoc whose declaration (up to the first brace or semicolon) matches. */
    private Optional<String> find(Class<?> type, String declaration) {
      String source = texts.computeIfAbsent(type, this::read);
      Pattern wanted = Pattern.compile(declaration);
      Matcher m = COMMENT.matcher(source);
      while (m.find()) {
        int end = m.end();
        int stop = end;
        while (stop < source.length() && source.charAt(stop) != '{' && source.charAt(stop) != ';') {
          stop++;
        }
        String header = source.substring(end, stop);
        if (wanted.matcher(header).find() && !header.contains(" static ")) {
          return Optional.of(clean(m.group(1))).filter(s -> !s.isEmpty());
        }
      }
      return Optional.empty();
    }

    private String read(Class<?> type) {
      Path file = sources.resolve(type.getName().replace('.', '/') + ".java");
      try {
        return Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the source of " + type.getName() + " at " + file, e);
      }
    }

    static String clean(String comment) {
      String text = Arrays.stream(comment.split("\n"))
          .map(line -> line.replaceFirst("^\\s*\\* ?", ""))
          .collect(Collectors.joining("\n"));
      text = text.split("\n\\s*@[a-z]+")[0];
      text = text.split("<p>")[0].replaceAll("\\s+", " ");
      text = text.replaceAll("\\{@(?:code|literal) ((?:[^{}]|\\{[^{}]*\\})*)\\}", "$1");
      text = text.replaceAll("\\{@link(?:plain)? [^\\s}]+ ([^}]+)\\}", "$1");
      text = Pattern.compile("\\{@link(?:plain)? (?:[\\w.]*\\.)?#?([^\\s}]+)\\}").matcher(text)
          .replaceAll(r -> Matcher.quoteReplacement(r.group(1).replace('#', '.').replace("()", "")));
      // Only HTML tags: {@code <2.0.0} above is text.
      text = text.replaceAll("</?(?:p|b|i|em|strong|code|a|ul|ol|li|pre|br)\\b[^>]*>", "");
      text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
      return text.replaceAll("\\s+", " ").strip();
    }
  }

  /** The repository's root, found from the module the tests run in. */
  static Path repositoryRoot() {
    Path dir = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    while (dir != null && !Files.isRegularFile(dir.resolve("mvnw"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("no repository root (a folder holding mvnw) above " + System.getProperty("basedir"));
    }
    return dir;
  }
}
