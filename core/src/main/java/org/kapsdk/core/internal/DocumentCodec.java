package org.kapsdk.core.internal;


import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.IgnoredPropertyException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.JacksonYAMLParseException;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.kapsdk.core.io.DocumentFormat;
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
    Optional<DocumentFormat> format = DocumentFormat.fromName(file.getFileName() == null ? "" : file.getFileName().toString());
    if (format.isPresent()) {
      return format.get() == DocumentFormat.YAML ? Syntax.YAML : Syntax.JSON;
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
    return read(readBytes(file), syntaxOf(file), file.toString(), null);
  }

  /**
   * Reads a file whose times may be relative to a test clock: the instant in the root field
   * {@code clockField}, or {@code defaultClock} when the document has none.
   */
  public T readWithClock(Path file, String clockField, Instant defaultClock) {
    return read(readBytes(file), syntaxOf(file), file.toString(), new ClockSpec(clockField, defaultClock));
  }

  /** Reads text whose times may be relative to a test clock; see {@link #readWithClock(Path, String, Instant)}. */
  public T readWithClock(String text, Syntax syntax, String source, String clockField, Instant defaultClock) {
    return readText(text, syntax, source, new ClockSpec(clockField, defaultClock));
  }

  /** Reads text whose relative times ({@code T0+40m}) are relative to the given instant. */
  public T readAt(String text, Syntax syntax, String source, Instant clock) {
    return readText(text, syntax, source, new ClockSpec(null, clock));
  }

  /** Reads a file whose relative times ({@code T0+40m}) are relative to the given instant. */
  public T readAt(Path file, Instant clock) {
    return read(readBytes(file), syntaxOf(file), file.toString(), new ClockSpec(null, clock));
  }

  private record ClockSpec(String field, Instant fallback) {}

  private static byte[] readBytes(Path file) {
    String source = file.toString();
    byte[] bytes;
    try {
      // Existence first: "file not found" helps more than "unknown file type" for a typo'd path.
      if (!Files.exists(file)) {
        throw new NoSuchFileException(source);
      }
      if (Files.isDirectory(file)) {
        throw whole(source, "is a directory, not a file");
      }
      syntaxOf(file);
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
    return bytes;
  }

  /** Reads and checks a document held in memory. */
  public T read(byte[] bytes, Syntax syntax, String source) {
    return read(bytes, syntax, source, null);
  }

  /**
   * The text of a file, checked the way {@link #read(Path)} checks it (exists, is a file with a
   * known extension, at most 4 MiB, valid UTF-8), for readers that look at the text before
   * binding it.
   *
   * @throws ValidationException naming the file when it cannot be read as text
   */
  public static String text(Path file) {
    return decode(readBytes(file), file.toString());
  }

  private T read(byte[] bytes, Syntax syntax, String source, ClockSpec clock) {
    return readText(decode(bytes, source), syntax, source, clock);
  }

  private static String decode(byte[] bytes, String source) {
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
    return text;
  }

  /** Reads and checks a document held as text. */
  public T read(String text, Syntax syntax, String source) {
    return readText(text, syntax, source, null);
  }

  /**
   * Reads a document held as text, letting {@code complete} add to the bound value what the text
   * does not hold (it runs with structural checks deferred), then checks the completed value.
   */
  public T read(String text, Syntax syntax, String source, UnaryOperator<T> complete) {
    return readText(text, syntax, source, null, complete);
  }

  private T readText(String text, Syntax syntax, String source, ClockSpec clock) {
    return readText(text, syntax, source, clock, UnaryOperator.identity());
  }

  /**
   * Binds a document held as text without checking it: unknown fields are skipped and structural
   * checks deferred, so the value may be invalid and must never leave the SDK. Only a failure
   * that stops binding (malformed text, a wrong type) is thrown, placed in the text. For readers
   * that need part of a document before they can read the whole of it.
   *
   * @throws ValidationException with the one problem that stopped binding
   */
  public T bindOnly(String text, Syntax syntax, String source) {
    ObjectMapper mapper = mapper(syntax);
    try {
      T value =
          DeferredValidation.run(
              () -> {
                try {
                  return mapper.readerFor(type).withHandler(new UnknownFieldCollector(new ArrayList<>(), source)).<T>readValue(text);
                } catch (IOException e) {
                  throw new BindingFailure(e);
                }
              });
      if (value == null) {
        throw whole(source, "file is empty; expected " + description);
      }
      return value;
    } catch (BindingFailure e) {
      throw new ValidationException(List.of(translate(e.getCause(), source, text, mapper)));
    } catch (ValidationException e) {
      SourceMap map = SourceMap.of(source, text, mapper);
      throw new ValidationException(e.problems().stream().map(p -> p.location().isPresent() ? p : p.withLocation(map.locate(p.path()))).toList());
    }
  }

  private T readText(String text, Syntax syntax, String source, ClockSpec clock, UnaryOperator<T> complete) {
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
    if (syntax == Syntax.YAML && text.indexOf('*') >= 0) {
      rejectAliases(text, source, mapper);
    }
    Instant t0 = clock == null ? null : clockOf(text, mapper, clock);
    List<Problem> unknown = new ArrayList<>();
    T value;
    try {
      String document = text;
      value =
          DeferredValidation.run(
              () -> {
                try {
                  var reader = mapper.readerFor(type).withHandler(new UnknownFieldCollector(unknown, source));
                  if (t0 != null) {
                    reader = reader.withAttribute(RelativeInstants.CLOCK_ATTRIBUTE, t0);
                  }
                  return reader.readValue(document);
                } catch (IOException e) {
                  throw new BindingFailure(e);
                }
              });
    } catch (BindingFailure e) {
      Problem problem = translate(e.getCause(), source, text, mapper);
      // Text that does not parse, or hits a limit, may have failed while an unknown field was
      // being skipped; only a value that did not fit its field leaves the unknown ones trustworthy.
      boolean unreadable = syntaxError(e.getCause()) != null
          || rootCause(e.getCause()) instanceof StreamConstraintsException;
      throw withUnknown(unreadable ? List.of() : unknown, List.of(problem), source, text, mapper);
    } catch (ValidationException e) {
      // A builder at the root rejected missing attributes; they have no location of their own.
      SourceMap map = SourceMap.of(source, text, mapper);
      throw withUnknown(unknown,
          e.problems().stream().map(p -> p.withLocation(map.locate(p.path()))).toList(), source, text, mapper);
    }
    if (value == null) {
      throw whole(source, "file is empty; expected " + description);
    }
    T bound = value;
    value = DeferredValidation.run(() -> complete.apply(bound));
    List<Problem> structural = validator.apply(value);
    if (!unknown.isEmpty() || !structural.isEmpty()) {
      SourceMap map = SourceMap.of(source, text, mapper);
      List<Problem> located = structural.stream().map(p -> p.withLocation(map.locate(p.path()))).toList();
      throw withUnknown(unknown, located, source, text, mapper);
    }
    return value;
  }

  /**
   * The problems with the unknown fields read so far, in line order. A misspelt required field
   * ({@code titel:}) is both unknown and missing: reporting only "missing required field 'title'"
   * would hide the line the author has to fix, so the unknown field is reported with it.
   */
  private static ValidationException withUnknown(
      List<Problem> unknown, List<Problem> others, String source, String text, ObjectMapper mapper) {
    List<Problem> all = new ArrayList<>();
    if (!unknown.isEmpty()) {
      SourceMap map = SourceMap.of(source, text, mapper);
      for (Problem p : unknown) {
        // The handler sees the parser at the unknown field's value; point at its name instead.
        all.add(p.withLocation(map.locate(p.path())));
      }
    }
    all.addAll(others);
    all.sort(
        Comparator.comparingInt((Problem p) -> p.location().map(SourceLocation::line).orElse(0))
            .thenComparingInt(p -> p.location().map(SourceLocation::column).orElse(0)));
    return new ValidationException(all);
  }

  /**
   * The clock a document's relative times refer to: its own clock field when that holds an
   * absolute instant, else the fallback. Anything unreadable is left for the binding pass, which
   * reports it at its place.
   */
  private static Instant clockOf(String text, ObjectMapper mapper, ClockSpec clock) {
    if (clock.field() == null) {
      return clock.fallback();
    }
    try {
      var root = mapper.readTree(text);
      var node = root == null ? null : root.get(clock.field());
      if (node != null && node.isTextual()) {
        return RelativeInstants.parse(node.textValue(), null);
      }
    } catch (IOException | IllegalArgumentException e) {
      // Reported by the binding pass, with its location.
    }
    return clock.fallback();
  }

  /**
   * Refuses YAML aliases ({@code *name}). The binder does not expand them: an alias where text
   * belongs would silently be read as the anchor's name, so every alias is an error.
   */
  private static void rejectAliases(String text, String source, ObjectMapper mapper) {
    List<Problem> aliases = new ArrayList<>();
    try (JsonParser parser = mapper.getFactory().createParser(text)) {
      while (parser.nextToken() != null) {
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
          aliases.add(
              Problem.at(
                  UnknownFieldCollector.pointerToPath(parser.getParsingContext().pathAsPointer().toString()),
                  "YAML aliases (*" + parser.getText() + ") are not supported; write the value out in full",
                  SourceMap.locationOf(source, parser.currentTokenLocation())));
        }
      }
    } catch (IOException | RuntimeException e) {
      // Malformed text is reported by the binding pass, with its location.
    }
    if (!aliases.isEmpty()) {
      throw new ValidationException(aliases);
    }
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
    writeAtomically(write(value, syntaxOf(file)), file);
  }

  /**
   * The document as text, after {@code edit} changed its tree (the tree is the one
   * {@link #write(Object, Syntax)} would write); the same value and edit always give the same text.
   */
  public String write(T value, Syntax syntax, Consumer<JsonNode> edit) {
    ObjectMapper mapper = mapper(syntax);
    try {
      JsonNode tree = mapper.valueToTree(value);
      edit.accept(tree);
      String text = mapper.writeValueAsString(tree);
      return text.endsWith("\n") ? text : text + "\n";
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new IllegalStateException("cannot write " + description + ": " + e.getMessage(), e);
    }
  }

  /** Writes the edited document to a file atomically; see {@link #write(Object, Syntax, Consumer)}. */
  public void write(T value, Path file, Consumer<JsonNode> edit) {
    writeAtomically(write(value, syntaxOf(file), edit), file);
  }

  private static void writeAtomically(String text, Path file) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
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

  /** The message {@link ValidationException} gives an attribute a builder lacked. */
  private static final String MISSING = "is required but missing";

  private Problem translate(IOException e, String source, String text, ObjectMapper mapper) {
    SourceLocation location =
        e instanceof JacksonException je
            ? SourceMap.locationOf(source, je.getLocation())
            : SourceLocation.wholeDocument(source);
    String path = e instanceof JsonMappingException jme ? pathOf(jme) : "";

    Throwable cause = rootCause(e);
    if (cause instanceof ValidationException ve) {
      // A nested builder or check refused the value: place it under the nested value's path,
      // at the start of the object concerned (the parser stands at its end by now).
      location = SourceMap.of(source, text, mapper).locate(path);
      boolean allMissing = ve.problems().stream().allMatch(p -> p.message().equals(MISSING));
      if (allMissing) {
        List<String> names = ve.problems().stream().map(Problem::path).toList();
        String message =
            names.size() == 1
                ? "missing required field '" + names.get(0) + "'"
                : "missing required fields " + String.join(", ", names);
        return Problem.at(path, message, location);
      }
      // A structural check (a blank reason, say) is not a missing field: say what it said, at
      // the field it named.
      Problem first = ve.problems().get(0);
      return Problem.at(Paths.join(path, first.path()), first.message(), location);
    }
    if (e instanceof StreamConstraintsException || cause instanceof StreamConstraintsException) {
      return Problem.at(path, "document is nested too deeply or too large (limits: " + Mappers.MAX_NESTING_DEPTH
          + " levels, " + Mappers.MAX_DOCUMENT_BYTES / (1024 * 1024) + " MiB)", location);
    }
    JacksonException syntaxError = syntaxError(e);
    if (syntaxError != null) {
      location = problemMark(syntaxError, source).orElse(location);
      // The parser's own path names the field for a duplicate key or a cut-off value; for other
      // syntax errors it names whatever came last, which would mislead.
      String parserPath = path;
      if (path.isEmpty() && syntaxError.getProcessor() instanceof JsonParser parser && parser.getParsingContext() != null) {
        parserPath = UnknownFieldCollector.pointerToPath(parser.getParsingContext().pathAsPointer().toString());
      }
      String msg = syntaxMessage(syntaxError);
      boolean truncated = syntaxError instanceof JsonEOFException
          || msg.contains("<stream end>") || msg.contains("end-of-input") || msg.contains("end of stream");
      if (truncated) {
        String opened = openedAt(syntaxError);
        return Problem.at(parserPath, "unexpected end of document: the file is truncated"
            + (opened == null ? "" : ", or the quote or bracket opened at " + opened + " is never closed"), location);
      }
      if (msg.contains("exceeds the limit") || msg.toLowerCase(Locale.ROOT).contains("nesting depth")) {
        return Problem.at(path, "document is nested too deeply or too large (limits: " + Mappers.MAX_NESTING_DEPTH
            + " levels, " + Mappers.MAX_DOCUMENT_BYTES / (1024 * 1024) + " MiB)", location);
      }
      if (msg.startsWith("Duplicate field")) {
        return Problem.at(parserPath, "duplicate field " + msg.substring("Duplicate field ".length()), location);
      }
      return Problem.at(path, "malformed " + (syntaxError instanceof JacksonYAMLParseException ? "YAML" : "JSON")
          + ": " + msg, location);
    }
    if (e instanceof InvalidTypeIdException ite) {
      String kinds = subtypeNames(ite.getBaseType().getRawClass());
      // The field that names the subtype: "kind" for conditions and doses, "type" for course events.
      JsonTypeInfo info = ite.getBaseType().getRawClass().getAnnotation(JsonTypeInfo.class);
      String field = info == null || info.property().isEmpty() ? "kind" : info.property();
      if (ite.getTypeId() == null) {
        // Point at the object that lacks the field, not at its end where the parser stands.
        return Problem.at(path, "missing field '" + field + "'; expected one of " + kinds, SourceMap.of(source, text, mapper).locate(path));
      }
      return Problem.at(path, "unknown " + field + " '" + ite.getTypeId() + "'; expected one of " + kinds, location);
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
      if (target == Instant.class) {
        String original = ife.getOriginalMessage();
        int cut = original == null ? -1 : original.indexOf("\": ");
        return Problem.at(path, cut < 0 ? "'" + ife.getValue() + "' is not valid; " + RelativeInstants.EXPECTED
            : original.substring(cut + 3), location);
      }
      return Problem.at(path, "'" + ife.getValue() + "' is not " + describe(target), location);
    }
    if (e instanceof ValueInstantiationException || cause instanceof IllegalArgumentException) {
      return Problem.at(path, cause.getMessage() == null ? "invalid value" : cause.getMessage(), location);
    }
    if (e instanceof IgnoredPropertyException ipe) {
      String name = ipe.getPropertyName();
      String fieldPath = path.endsWith(name) ? path : Paths.join(path, name);
      Collection<Object> known = ipe.getKnownPropertyIds();
      String expected = known == null || known.isEmpty() ? ""
          : "; expected one of " + known.stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
      return Problem.at(fieldPath, "unknown field '" + name + "'" + expected, SourceMap.of(source, text, mapper).locate(fieldPath));
    }
    if (e instanceof MismatchedInputException mie) {
      Class<?> target = mie.getTargetType();
      String found = foundToken(mie);
      return Problem.at(path, "expected " + describe(target) + found, location);
    }
    String msg = e instanceof JacksonException je ? je.getOriginalMessage() : e.getMessage();
    return Problem.at(path, firstLine(msg == null ? "unreadable document" : msg), location);
  }

  /**
   * Where SnakeYAML saw the problem itself; Jackson reports the start of the enclosing construct
   * (its "context"), which can be lines away from the actual mistake.
   */
  private static java.util.Optional<SourceLocation> problemMark(JacksonException e, String source) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof org.yaml.snakeyaml.error.MarkedYAMLException m && m.getProblemMark() != null) {
        return java.util.Optional.of(SourceLocation.of(source, m.getProblemMark().getLine() + 1, m.getProblemMark().getColumn() + 1));
      }
    }
    return java.util.Optional.empty();
  }

  /** Where SnakeYAML's unfinished construct began ({@code LINE:COL}), when it says. */
  private static String openedAt(JacksonException e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof org.yaml.snakeyaml.error.MarkedYAMLException m && m.getContextMark() != null
          && m.getContext() != null && (m.getContext().contains("quoted") || m.getContext().contains("flow"))) {
        return (m.getContextMark().getLine() + 1) + ":" + (m.getContextMark().getColumn() + 1);
      }
    }
    return null;
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
    // The parser is closed by now and has forgotten its token; Jackson's message still names it.
    String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    java.util.regex.Matcher quoted = java.util.regex.Pattern.compile("from String value \\(\"([^\"]*)\"\\)|String value \\(\"([^\"]*)\"\\)").matcher(original);
    if (quoted.find()) {
      return ", found text '" + (quoted.group(1) != null ? quoted.group(1) : quoted.group(2)) + "'";
    }
    if (original.contains("from Array value") || original.contains("START_ARRAY")) {
      return ", found a list";
    }
    if (original.contains("from Object value") || original.contains("START_OBJECT")) {
      return ", found an object";
    }
    if (original.contains("from String value") || original.contains("VALUE_STRING")) {
      return ", found text";
    }
    if (original.contains("Integer value") || original.contains("Floating-point value") || original.contains("VALUE_NUMBER")) {
      return ", found a number";
    }
    if (original.contains("Boolean value") || original.contains("VALUE_TRUE") || original.contains("VALUE_FALSE")) {
      return ", found true/false";
    }
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
    if (target == Instant.class) {
      return "a time such as 2026-01-05T09:00:00Z or T0+40m";
    }
    if (target == LocalDate.class) {
      return "a date such as 2026-01-05";
    }
    if (ZoneId.class.isAssignableFrom(target)) {
      return "a time zone id such as America/New_York";
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
      // At an object or list value the parser already stands in the value's own context; the
      // context that names the field is its parent.
      var context = p.getParsingContext();
      if ((p.currentToken() == com.fasterxml.jackson.core.JsonToken.START_OBJECT
          || p.currentToken() == com.fasterxml.jackson.core.JsonToken.START_ARRAY) && context.getParent() != null) {
        context = context.getParent();
      }
      String parent = pointerToPath(context.getParent() == null ? "" : context.getParent().pathAsPointer().toString());
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

    static String pointerToPath(String pointer) {
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
