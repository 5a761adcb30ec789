package org.kapsdk.core.internal;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.JacksonYAMLParseException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.kapsdk.core.validation.Paths;
import org.kapsdk.core.validation.Problem;
import org.kapsdk.core.validation.SourceLocation;
import org.kapsdk.core.validation.ValidationException;

/**
 * Reads and writes one kind of document in YAML or JSON, turning every failure into a
 * {@link ValidationException} whose problems carry file, line, column and path. A read either
 * returns a fully checked value or throws; nothing partial ever escapes.
 *
 * <p>How a read goes: the text is size-checked and decoded strictly as UTF-8; it is bound with
 * the structural checks of nested values deferred, while unknown fields are collected rather
 * than thrown; then the whole value is checked once, and every problem (unknown fields and
 * structural problems together) is placed in the source with a streaming pass over the text.
 *
 * @param <T> the document's root type
 */
public final class DocumentCodec<T> {
  /** The syntax of a document. */
  public enum Syntax {
    YAML,
    JSON
  }

  private final Class<T> type;
  private final String description;
  private final Function<T, List<Problem>> validator;

  /**
   * A codec for documents whose root is {@code type}.
   *
   * @param description what the document is, for messages, such as "a protocol template"
   * @param validator the structural check of a bound root, returning every problem
   */
  public DocumentCodec(Class<T> type, String description, Function<T, List<Problem>> validator) {
    this.type = type;
    this.description = description;
    this.validator = validator;
  }

  /** The syntax a file name implies, from its extension. */
  public static Syntax syntaxOf(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      return Syntax.YAML;
    }
    if (name.endsWith(".json")) {
      return Syntax.JSON;
    }
    throw new ValidationException(
        List.of(
            Problem.at(
                "",
                "unknown file type; expected a name ending in .yaml, .yml or .json",
                SourceLocation.wholeDocument(file.toString()))));
  }

  /** Reads and checks a file. */
  public T read(Path file) {
    String source = file.toString();
    Syntax syntax = syntaxOf(file);
    byte[] bytes;
    try {
      if (Files.isDirectory(file)) {
        throw whole(source, "is a directory, not a file");
      }
      long size = Files.size(file);
      if (size > Mappers.MAX_DOCUMENT_BYTES) {
        throw whole(source, tooLarge(size));
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw whole(source, "file not found");
    } catch (AccessDeniedException e) {
      throw whole(source, "cannot read file: permission denied");
    } catch (IOException e) {
      throw whole(source, "cannot read file: " + e.getClass().getSimpleName());
    }
    return read(bytes, syntax, source);
  }

  /** Reads and checks a document held in memory. */
  public T read(byte[] bytes, Syntax syntax, String source) {
    if (bytes.length > Mappers.MAX_DOCUMENT_BYTES) {
      throw whole(source, tooLarge(bytes.length));
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw whole(source, "file is not valid UTF-8 text");
    }
    return read(text, syntax, source);
  }

  /** Reads and checks a document held as text. */
  public T read(String text, Syntax syntax, String source) {
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    if (text.length() > Mappers.MAX_DOCUMENT_BYTES) {
      throw whole(source, tooLarge(text.length()));
    }
    if (isBlank(text, syntax)) {
      throw whole(source, "file is empty; expected " + description);
    }
    ObjectMapper mapper = mapper(syntax);
    List<Problem> unknown = new ArrayList<>();
    T value;
    try {
      String document = text;
      value =
          DeferredValidation.run(
              () -> {
                try {
                  return mapper
                      .readerFor(type)
                      .withHandler(new UnknownFieldCollector(unknown, source))
                      .readValue(document);
                } catch (IOException e) {
                  throw new BindingFailure(e);
                }
              });
    } catch (BindingFailure e) {
      throw new ValidationException(List.of(translate(e.getCause(), source, text, mapper)));
    } catch (ValidationException e) {
      // A builder at the root rejected missing attributes; they have no location of their own.
      SourceMap map = SourceMap.of(source, text, mapper);
      throw new ValidationException(
          e.problems().stream().map(p -> p.withLocation(map.locate(p.path()))).toList());
    }
    if (value == null) {
      throw whole(source, "file is empty; expected " + description);
    }
    List<Problem> structural = validator.apply(value);
    if (!unknown.isEmpty() || !structural.isEmpty()) {
      SourceMap map = SourceMap.of(source, text, mapper);
      List<Problem> all = new ArrayList<>(unknown);
      for (Problem p : structural) {
        all.add(p.withLocation(map.locate(p.path())));
      }
      all.sort(
          Comparator.comparingInt((Problem p) -> p.location().map(SourceLocation::line).orElse(0))
              .thenComparingInt(p -> p.location().map(SourceLocation::column).orElse(0)));
      throw new ValidationException(all);
    }
    return value;
  }

  /** The document as text in the given syntax; the same value always gives the same text. */
  public String write(T value, Syntax syntax) {
    try {
      String text = mapper(syntax).writeValueAsString(value);
      return text.endsWith("\n") ? text : text + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + description + ": " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Writes the document to a file, in the syntax its name implies, atomically: the file holds
   * either its old content or the whole new document, never a part.
   *
   * @throws java.io.UncheckedIOException when the file cannot be written
   */
  public void write(T value, Path file) {
    byte[] bytes = write(value, syntaxOf(file)).getBytes(StandardCharsets.UTF_8);
    Path target = file.toAbsolutePath();
    Path dir = target.getParent();
    try {
      Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
      try {
        Files.write(temp, bytes);
        try {
          Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot write " + file, e);
    }
  }

  private static ObjectMapper mapper(Syntax syntax) {
    return syntax == Syntax.YAML ? Mappers.yaml() : Mappers.json();
  }

  private static boolean isBlank(String text, Syntax syntax) {
    if (syntax == Syntax.JSON) {
      return text.isBlank();
    }
    return text.lines()
        .map(String::strip)
        .allMatch(line -> line.isEmpty() || line.startsWith("#") || line.equals("---") || line.equals("..."));
  }

  private static String tooLarge(long size) {
    return String.format(
        Locale.ROOT,
        "file is too large (%.1f MiB); the limit is %d MiB",
        size / (1024.0 * 1024.0),
        Mappers.MAX_DOCUMENT_BYTES / (1024 * 1024));
  }

  private static ValidationException whole(String source, String message) {
    return new ValidationException(List.of(Problem.at("", message, SourceLocation.wholeDocument(source))));
  }

  /* ------------------------------------------------------------------ error translation */

  private Problem translate(IOException e, String source, String text, ObjectMapper mapper) {
    SourceLocation location =
        e instanceof JacksonException je
            ? SourceMap.locationOf(source, je.getLocation())
            : SourceLocation.wholeDocument(source);
    String path = e instanceof JsonMappingException jme ? pathOf(jme) : "";

    Throwable cause = rootCause(e);
    if (cause instanceof ValidationException ve) {
      // A nested builder rejected missing attributes: place them under the nested value's path.
      Problem first = ve.problems().get(0);
      String names = ve.problems().stream().map(Problem::path).collect(Collectors.joining(", "));
      String message =
          ve.problems().size() == 1 && !first.path().isEmpty()
              ? "missing required field '" + first.path() + "'"
              : ve.problems().stream().allMatch(p -> p.message().equals("is required but missing"))
                  ? "missing required fields " + names
                  : first.message();
      return Problem.at(path, message, location);
    }
    if (e instanceof StreamConstraintsException || cause instanceof StreamConstraintsException) {
      return Problem.at(path, "document is nested too deeply or too large (limits: " + Mappers.MAX_NESTING_DEPTH
          + " levels, " + Mappers.MAX_DOCUMENT_BYTES / (1024 * 1024) + " MiB)", location);
    }
    JacksonException syntaxError = syntaxError(e);
    if (syntaxError != null) {
      String msg = syntaxMessage(syntaxError);
      boolean truncated = syntaxError instanceof JsonEOFException
          || msg.contains("<stream end>") || msg.contains("end-of-input");
      if (truncated) {
        return Problem.at(path, "unexpected end of document: the file is truncated", location);
      }
      if (msg.contains("exceeds the limit") || msg.toLowerCase(Locale.ROOT).contains("nesting depth")) {
        return Problem.at(path, "document is nested too deeply or too large (limits: " + Mappers.MAX_NESTING_DEPTH
            + " levels, " + Mappers.MAX_DOCUMENT_BYTES / (1024 * 1024) + " MiB)", location);
      }
      if (msg.startsWith("Duplicate field")) {
        return Problem.at(path, "duplicate field " + msg.substring("Duplicate field ".length()), location);
      }
      return Problem.at(path, "malformed " + (syntaxError instanceof JacksonYAMLParseException ? "YAML" : "JSON")
          + ": " + msg, location);
    }
    if (e instanceof InvalidTypeIdException ite) {
      String kinds = subtypeNames(ite.getBaseType().getRawClass());
      if (ite.getTypeId() == null) {
        return Problem.at(path, "missing field 'kind'; expected one of " + kinds, location);
      }
      return Problem.at(path, "unknown kind '" + ite.getTypeId() + "'; expected one of " + kinds, location);
    }
    if (e instanceof InvalidNullException) {
      return Problem.at(path, "null is not allowed; leave the field out instead", location);
    }
    if (e instanceof InvalidFormatException ife) {
      Class<?> target = ife.getTargetType();
      if (target != null && target.isEnum()) {
        return Problem.at(path, "'" + ife.getValue() + "' is not one of " + enumNames(target), location);
      }
      if (target == Duration.class) {
        return Problem.at(path, "'" + ife.getValue() + "' is not valid; " + DurationText.EXPECTED, location);
      }
      return Problem.at(path, "'" + ife.getValue() + "' is not " + describe(target), location);
    }
    if (e instanceof ValueInstantiationException || cause instanceof IllegalArgumentException) {
      return Problem.at(path, cause.getMessage() == null ? "invalid value" : cause.getMessage(), location);
    }
    if (e instanceof MismatchedInputException mie) {
      Class<?> target = mie.getTargetType();
      String found = foundToken(mie);
      return Problem.at(path, "expected " + describe(target) + found, location);
    }
    String msg = e instanceof JacksonException je ? je.getOriginalMessage() : e.getMessage();
    return Problem.at(path, firstLine(msg == null ? "unreadable document" : msg), location);
  }

  /** The parse failure behind an exception, if the text itself (not its meaning) was wrong. */
  private static JacksonException syntaxError(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof JacksonException je && !(t instanceof JsonMappingException)) {
        return je;
      }
    }
    return null;
  }

  private static String syntaxMessage(JacksonException e) {
    String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    // SnakeYAML puts the context on the first line and the actual problem on a later,
    // unindented line; both matter to the reader, the excerpt lines do not.
    return original.lines()
        .filter(line -> !line.isBlank() && !line.startsWith(" ") && !line.contains(" at [Source"))
        .map(String::strip)
        .collect(Collectors.joining("; "));
  }

  private static String foundToken(MismatchedInputException e) {
    Object processor = e.getProcessor();
    if (processor instanceof JsonParser p && p.currentToken() != null) {
      switch (p.currentToken()) {
        case START_OBJECT:
          return ", found an object";
        case START_ARRAY:
          return ", found a list";
        case VALUE_STRING:
          return ", found text";
        case VALUE_NUMBER_INT:
        case VALUE_NUMBER_FLOAT:
          return ", found a number";
        case VALUE_TRUE:
        case VALUE_FALSE:
          return ", found true/false";
        default:
          return "";
      }
    }
    return "";
  }

  private static String describe(Class<?> target) {
    if (target == null) {
      return "a different value";
    }
    if (target == String.class) {
      return "text";
    }
    if (target == int.class || target == Integer.class || target == long.class || target == Long.class
        || target == BigInteger.class) {
      return "a whole number";
    }
    if (target == BigDecimal.class || target == double.class || target == Double.class) {
      return "a number";
    }
    if (target == boolean.class || target == Boolean.class) {
      return "true or false";
    }
    if (target == Duration.class) {
      return "a duration such as '120 min'";
    }
    if (target.getSimpleName().equals("Quantity")) {
      return "a quantity such as '56 mg'";
    }
    if (target.isEnum()) {
      return "one of " + enumNames(target);
    }
    if (Collection.class.isAssignableFrom(target) || target.isArray()) {
      return "a list";
    }
    if (Map.class.isAssignableFrom(target)) {
      return "an object of named values";
    }
    return "an object";
  }

  private static String enumNames(Class<?> type) {
    return Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", "));
  }

  private static String subtypeNames(Class<?> base) {
    JsonSubTypes types = base.getAnnotation(JsonSubTypes.class);
    if (types == null) {
      return "(none)";
    }
    return Arrays.stream(types.value()).map(JsonSubTypes.Type::name).collect(Collectors.joining(", "));
  }

  static String pathOf(JsonMappingException e) {
    String path = "";
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path = Paths.join(path, ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path = Paths.index(path, ref.getIndex());
      }
    }
    return path;
  }

  private static Throwable rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    String line = message.lines().findFirst().orElse("").strip();
    int at = line.indexOf(" at [Source");
    return at >= 0 ? line.substring(0, at) : line;
  }

  /** Carries a checked binding failure out of the deferred-validation supplier. */
  private static final class BindingFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BindingFailure(IOException cause) {
      super(cause);
    }

    @Override
    public synchronized IOException getCause() {
      return (IOException) super.getCause();
    }
  }

  /** Records every unknown field with its place and skips it, so all of them are reported at once. */
  private static final class UnknownFieldCollector extends DeserializationProblemHandler {
    private final List<Problem> problems;
    private final String source;

    UnknownFieldCollector(List<Problem> problems, String source) {
      this.problems = problems;
      this.source = source;
    }

    @Override
    public boolean handleUnknownProperty(
        DeserializationContext ctxt,
        JsonParser p,
        JsonDeserializer<?> deserializer,
        Object beanOrClass,
        String propertyName)
        throws IOException {
      String parent = pointerToPath(p.getParsingContext().getParent() == null
          ? "" : p.getParsingContext().getParent().pathAsPointer().toString());
      String path = Paths.join(parent, propertyName);
      Collection<Object> known = deserializer.getKnownPropertyNames();
      String expected =
          known == null || known.isEmpty()
              ? ""
              : "; expected one of "
                  + known.stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
      problems.add(
          Problem.at(
              path,
              "unknown field '" + propertyName + "'" + expected,
              SourceMap.locationOf(source, p.currentTokenLocation())));
      p.skipChildren();
      return true;
    }

    private static String pointerToPath(String pointer) {
      String path = "";
      for (String segment : pointer.split("/")) {
        if (segment.isEmpty()) {
          continue;
        }
        String name = segment.replace("~1", "/").replace("~0", "~");
        path = name.chars().allMatch(Character::isDigit) ? Paths.index(path, Integer.parseInt(name)) : Paths.join(path, name);
      }
      return path;
    }
  }
}
