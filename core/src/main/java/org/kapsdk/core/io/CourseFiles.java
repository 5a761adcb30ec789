package org.kapsdk.core.io;


import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.kapsdk.core.course.CourseChecks;
import org.kapsdk.core.course.CourseRecord;
import org.kapsdk.core.internal.DocumentCodec;
import org.kapsdk.core.model.ProtocolTemplate;
import org.kapsdk.core.validation.Paths;
import org.kapsdk.core.validation.Problem;
import org.kapsdk.core.validation.ValidationException;

/**
 * Reads and writes course files, YAML or JSON: a course document
 * {@code {protocol, profile, courseId, events: [...]}} as the CLI and testers use it ({@code
 * profile}, the clinic profile for a template with parameters, is optional), and the bare record
 * {@code {courseId, events}} an embedding host persists.
 *
 * <p>Reading is strict like every kapsdk reader: unknown fields, unknown event types, wrong types,
 * nulls, duplicate keys and structurally invalid events are errors, each with file, line, column
 * and path ({@code events[4].amount}). Reading does not check the events against the protocol:
 * that is {@link CourseRecord#validated}'s job, which reports the first refused event under
 * {@code events[i]}.
 *
 * <p>Writing is deterministic and exact: reading what was written gives an equal document. Times
 * are ISO-8601 instants; no relative times.
 *
 * <pre>{@code
 * CourseDocument doc = CourseFiles.read(Path.of("courses/course-0001.yaml"));
 * ProtocolTemplate template = CourseFiles.resolveProtocol(file, doc, builtIns);
 * CourseRules rules = CourseRules.compile(template);
 * CourseRecord course = CourseRecord.validated(rules, doc.record().courseId(), doc.record().events());
 * }</pre>
 */
public final class CourseFiles {
  private static final DocumentCodec<CourseFileJson> DOCUMENT =
      new DocumentCodec<>(CourseFileJson.class, "a course document", f -> problemsOf(f, true));
  private static final DocumentCodec<CourseFileJson> RECORD =
      new DocumentCodec<>(CourseFileJson.class, "a course record", f -> problemsOf(f, false));

  private CourseFiles() {}

  /**
   * Reads a course document; the format follows the extension.
   *
   * @throws ValidationException listing every problem with file, line and column, when the file
   *     is missing, unreadable, malformed, lacks {@code protocol} or holds a structurally invalid
   *     event
   */
  public static CourseDocument read(Path file) {
    return document(DOCUMENT.read(file));
  }

  /**
   * Reads a course document from text.
   *
   * @param sourceName how problems name the document, for example a file name
   * @throws ValidationException listing every problem
   */
  public static CourseDocument read(String text, DocumentFormat format, String sourceName) {
    return document(DOCUMENT.read(text, format.syntax(), sourceName));
  }

  /** The document as text; the same document always gives the same text. */
  public static String write(CourseDocument document, DocumentFormat format) {
    return DOCUMENT.write(json(document), format.syntax());
  }

  /**
   * Writes the document to a file in the format its extension implies, atomically.
   *
   * @throws java.io.UncheckedIOException when the file cannot be written
   */
  public static void write(CourseDocument document, Path file) {
    DOCUMENT.write(json(document), file);
  }

  /**
   * Reads a course record a host persisted ({@code courseId} and {@code events}; the
   * {@code protocol} and {@code profile} fields of a course document are accepted and not kept).
   * Unvalidated.
   *
   * @throws ValidationException listing every problem with file, line and column
   */
  public static CourseRecord readRecord(Path file) {
    return record(RECORD.read(file));
  }

  /**
   * Reads a course record from text; see {@link #readRecord(Path)}.
   *
   * @throws ValidationException listing every problem
   */
  public static CourseRecord readRecord(String text, DocumentFormat format, String sourceName) {
    return record(RECORD.read(text, format.syntax(), sourceName));
  }

  /** The record as text, without a protocol; the same record always gives the same text. */
  public static String write(CourseRecord record, DocumentFormat format) {
    return RECORD.write(json(Optional.empty(), record), format.syntax());
  }

  /**
   * Writes the record to a file in the format its extension implies, atomically.
   *
   * @throws java.io.UncheckedIOException when the file cannot be written
   */
  public static void write(CourseRecord record, Path file) {
    RECORD.write(json(Optional.empty(), record), file);
  }

  /**
   * The template a course document runs: a path ending in {@code .yaml}, {@code .yml} or
   * {@code .json} is read relative to the course file's folder, with the document's clinic
   * profile (also relative to that folder) when it names one; anything else is looked up as a
   * built-in protocol id.
   *
   * @param builtIns looks up a built-in protocol by id; empty when there is none
   * @throws ValidationException when the template or profile file cannot be read, the profile
   *     does not fit the template, or the id is unknown
   */
  public static ProtocolTemplate resolveProtocol(Path courseFile, CourseDocument document,
      Function<String, Optional<ProtocolTemplate>> builtIns) {
    return resolveProtocol(courseFile, document, ProtocolCatalog.ofTemplates(builtIns));
  }

  /**
   * The template a course document runs, as {@link #resolveProtocol(Path, CourseDocument, Function)}
   * finds it, with protocol ids looked up in a catalog and resolved with the document's profile.
   *
   * @throws ValidationException when the template or profile file cannot be read, the profile
   *     does not fit the template, or the id is unknown
   */
  public static ProtocolTemplate resolveProtocol(Path courseFile, CourseDocument document, ProtocolCatalog catalog) {
    return resolveProtocol(courseFile, document, document.profile().map(p -> relative(courseFile, p)), catalog);
  }

  /**
   * The template a course document runs, as {@link #resolveProtocol(Path, CourseDocument, Function)}
   * finds it, but with the given clinic profile file in place of the one the document names.
   *
   * @throws ValidationException when the template or profile file cannot be read, the profile
   *     does not fit the template, or the id is unknown
   */
  public static ProtocolTemplate resolveProtocol(Path courseFile, CourseDocument document, Path profile,
      Function<String, Optional<ProtocolTemplate>> builtIns) {
    return resolveProtocol(courseFile, document, profile, ProtocolCatalog.ofTemplates(builtIns));
  }

  /**
   * The template a course document runs, with the given clinic profile file in place of the one
   * the document names, and protocol ids looked up in a catalog.
   *
   * @throws ValidationException when the template or profile file cannot be read, the profile
   *     does not fit the template, or the id is unknown
   */
  public static ProtocolTemplate resolveProtocol(Path courseFile, CourseDocument document, Path profile,
      ProtocolCatalog catalog) {
    return resolveProtocol(courseFile, document, Optional.of(profile), catalog);
  }

  private static ProtocolTemplate resolveProtocol(Path courseFile, CourseDocument document, Optional<Path> profile,
      ProtocolCatalog builtIns) {
    return builtIns.resolveReference(document.protocol(), courseFile.getParent(), profile);
  }

  /** A path written in a course file, relative to that file's folder. */
  private static Path relative(Path courseFile, String path) {
    Path base = courseFile.getParent();
    return base == null ? Path.of(path) : base.resolve(path).normalize();
  }

  private static CourseDocument document(CourseFileJson json) {
    return json.profile().isPresent()
        ? CourseDocument.of(json.protocol().orElseThrow(), json.profile().get(), record(json))
        : CourseDocument.of(json.protocol().orElseThrow(), record(json));
  }

  private static CourseRecord record(CourseFileJson json) {
    return CourseRecord.unvalidated(json.courseId(), json.events());
  }

  private static CourseFileJson json(CourseDocument document) {
    return new CourseFileJson.Builder().protocol(document.protocol()).profile(document.profile())
        .courseId(document.record().courseId()).addAllEvents(document.record().events()).build();
  }

  private static CourseFileJson json(Optional<String> protocol, CourseRecord record) {
    return new CourseFileJson.Builder().protocol(protocol).courseId(record.courseId()).addAllEvents(record.events()).build();
  }

  private static List<Problem> problemsOf(CourseFileJson file, boolean protocolRequired) {
    List<Problem> problems = new ArrayList<>();
    if (file.protocol().isEmpty()) {
      if (protocolRequired) {
        problems.add(Problem.at("", "missing required field 'protocol': a template path relative to this file, or a built-in protocol id"));
      }
    } else if (file.protocol().get().isBlank()) {
      problems.add(Problem.at("protocol", "must not be blank"));
    }
    if (file.profile().isPresent() && file.profile().get().isBlank()) {
      problems.add(Problem.at("profile", "must not be blank"));
    }
    if (file.courseId().isBlank()) {
      problems.add(Problem.at("courseId", "must not be blank"));
    }
    for (int i = 0; i < file.events().size(); i++) {
      String at = Paths.index("events", i);
      CourseChecks.problemsOf(file.events().get(i)).forEach(p -> problems.add(p.under(at)));
    }
    return problems;
  }
}
