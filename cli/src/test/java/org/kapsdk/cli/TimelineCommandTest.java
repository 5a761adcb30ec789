package org.kapsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.kapsdk.cli.Cli.kapsdk;
import static org.kapsdk.cli.Cli.resource;

import java.io.StringReader;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * {@code kapsdk timeline}: a page for a template or a course, exit 0; every kind of bad input
 * exit 2 with a message and no file written; an existing file is replaced whole or left alone.
 */
class TimelineCommandTest {
  static final String SAMPLE = Path.of("..", "examples", "templates", "esketamine-trd-sample.yaml").toString();
  static final String PROFILE = Path.of("..", "examples", "profiles", "sample-clinic.yaml").toString();
  static final String COURSE = Path.of("..", "examples", "courses", "esketamine-course-sample.yaml").toString();

  @TempDir Path dir;

  static Document parse(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    factory.setExpandEntityReferences(false);
    return factory.newDocumentBuilder().parse(new InputSource(new StringReader(Files.readString(file))));
  }

  static List<Element> marks(Document doc, String kind) {
    List<Element> found = new ArrayList<>();
    NodeList all = doc.getElementsByTagNameNS("*", "*");
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      if (kind.equals(e.getAttribute("data-kind"))) {
        found.add(e);
      }
    }
    return found;
  }

  /** The directory holds exactly these file names: no temporary file left behind. */
  private List<String> files() throws Exception {
    try (Stream<Path> list = Files.list(dir)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void timeline_template_writesThePlanPageAndExits0() throws Exception {
    Path out = dir.resolve("plan.html");

    Cli run = kapsdk("timeline", SAMPLE, "--profile", PROFILE, "--start", "2026-01-05", "--zone", "America/New_York",
        "--closed", "SAT,SUN", "--out", out.toString());

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.err()).isEmpty();
    assertThat(run.outLines()).containsExactly("wrote " + out + ": plan of esketamine-trd-sample 1.0.0 from 2026-01-05");
    Document doc = parse(out);
    assertThat(marks(doc, "session")).isNotEmpty()
        .allSatisfy(e -> assertThat(e.getAttribute("data-status")).isEmpty());
    assertThat(marks(doc, "session")).first().satisfies(e -> {
      assertThat(e.getAttribute("data-session-id")).isEqualTo("screening/screening-visit/1");
      assertThat(e.getAttribute("data-date")).isEqualTo("2026-01-05");
    });
    assertThat(marks(doc, "gate-check")).isEmpty();
    assertThat(files()).containsExactly("plan.html");
  }

  @Test
  void timeline_course_writesTheCoursePageAsOfItsLastEvent() throws Exception {
    Path out = dir.resolve("course.html");

    Cli run = kapsdk("timeline", COURSE, "--out", out.toString());

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.err()).isEmpty();
    assertThat(run.outLines()).containsExactly(
        "wrote " + out + ": course sample-course-0001 on esketamine-trd-sample 1.0.0 as of 2026-01-20T16:25:00Z");
    Document doc = parse(out);
    assertThat(marks(doc, "gate-check")).hasSize(4);
    assertThat(marks(doc, "held-session")).hasSize(6);
    assertThat(marks(doc, "as-of")).singleElement()
        .satisfies(e -> assertThat(e.getAttribute("data-at")).isEqualTo("2026-01-20T16:25:00Z"));
  }

  @Test
  void timeline_courseAt_drawsTheCourseAsItStoodThen() throws Exception {
    Path out = dir.resolve("course.html");

    Cli run = kapsdk("timeline", COURSE, "--at", "2026-01-14T00:00:00Z", "--out", out.toString());

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(marks(parse(out), "gate-check")).extracting(e -> e.getAttribute("data-session-id"))
        .containsExactly("induction/induction-dose/1", "induction/induction-dose/2");
  }

  @Test
  void timeline_sameInputTwice_writesTheSameBytes() throws Exception {
    Path first = dir.resolve("a.html");
    Path second = dir.resolve("b.html");

    kapsdk("timeline", COURSE, "--out", first.toString());
    kapsdk("timeline", COURSE, "--out", second.toString());

    assertThat(Files.readString(second)).isEqualTo(Files.readString(first));
  }

  @Test
  void timeline_existingFile_isReplacedWhole() throws Exception {
    Path out = dir.resolve("plan.html");
    Files.writeString(out, "old");

    Cli run = kapsdk("timeline", SAMPLE, "--profile", PROFILE, "--start", "2026-01-05", "--out", out.toString());

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(Files.readString(out)).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
    assertThat(files()).containsExactly("plan.html");
  }

  @Test
  void timeline_permissions_ownerOnlyForANewFileKeptForAReplacedOne() throws Exception {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    Path fresh = dir.resolve("new.html");
    Path shared = dir.resolve("shared.html");
    Files.writeString(shared, "old");
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-r--r--"));

    kapsdk("timeline", COURSE, "--out", fresh.toString());
    kapsdk("timeline", COURSE, "--out", shared.toString());

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(shared))).isEqualTo("rw-r--r--");
    assertThat(Files.readString(shared)).isEqualTo(Files.readString(fresh));
  }

  @Test
  void timeline_templateWithoutStart_exits2AndWritesNothing() throws Exception {
    Path out = dir.resolve("plan.html");

    Cli run = kapsdk("timeline", SAMPLE, "--profile", PROFILE, "--out", out.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.errLines()).containsExactly(
        "--start: is required for a template: the course's first day, such as 2026-01-05");
    assertThat(files()).isEmpty();
  }

  @Test
  void timeline_templateWithoutProfile_exits2NamingTheUnsetParameters() throws Exception {
    Path out = dir.resolve("plan.html");

    Cli run = kapsdk("timeline", SAMPLE, "--start", "2026-01-05", "--out", out.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("required parameter 'bp-reading-max-age' is not set");
    assertThat(files()).isEmpty();
  }

  @Test
  void timeline_invalidTemplate_exits2AndLeavesTheExistingFileAlone() throws Exception {
    Path out = dir.resolve("plan.html");
    Files.writeString(out, "previous page");

    Cli run = kapsdk("timeline", Cli.fixture("invalid.yaml"), "--start", "2026-01-05", "--out", out.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).isNotEmpty().allSatisfy(l -> assertThat(l).startsWith(Cli.fixture("invalid.yaml") + ":"));
    assertThat(Files.readString(out)).isEqualTo("previous page");
    assertThat(files()).containsExactly("plan.html");
  }

  @Test
  void timeline_unplannableTemplate_exits2WithTheSchedulersProblem() throws Exception {
    Path out = dir.resolve("plan.html");

    Cli run = kapsdk("timeline", resource("plan", "unplannable.yaml"), "--start", "2026-01-05", "--closed", "SAT,SUN",
        "--out", out.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith(resource("plan", "unplannable.yaml") + ":");
    assertThat(files()).isEmpty();
  }

  @Test
  void timeline_badCalendarOptions_exit2NamingEachOption() throws Exception {
    Cli run = kapsdk("timeline", SAMPLE, "--profile", PROFILE, "--start", "5 Jan", "--zone", "Mars/Olympus",
        "--closed", "FUNDAY", "--out", dir.resolve("plan.html").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).containsExactly(
        "--start: '5 Jan' is not an ISO-8601 date such as 2026-01-05",
        "--zone: 'Mars/Olympus' is not a time zone such as America/New_York or UTC",
        "--closed: 'FUNDAY' is not a weekday; expected MON, TUE, WED, THU, FRI, SAT or SUN");
    assertThat(files()).isEmpty();
  }

  @Test
  void timeline_templateWithAt_exits2() throws Exception {
    Cli run = kapsdk("timeline", SAMPLE, "--profile", PROFILE, "--start", "2026-01-05", "--at", "2026-01-20T00:00:00Z",
        "--out", dir.resolve("plan.html").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).containsExactly("--at: applies to a course file; " + SAMPLE + " is read as a template");
    assertThat(files()).isEmpty();
  }

  @Test
  void timeline_courseWithCalendarOptions_exits2() throws Exception {
    Cli run = kapsdk("timeline", COURSE, "--start", "2026-01-05", "--closed", "SAT", "--out", dir.resolve("c.html").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).containsExactly(
        "--start: applies to a template; a course is drawn on its own start date and calendar",
        "--closed: applies to a template; a course is drawn on its own start date and calendar");
    assertThat(files()).isEmpty();
  }

  @Test
  void timeline_courseWithBadAt_exits2() throws Exception {
    Cli run = kapsdk("timeline", COURSE, "--at", "yesterday", "--out", dir.resolve("c.html").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).containsExactly("--at: 'yesterday' is not an ISO-8601 instant such as 2026-01-21T15:00:00Z");
    assertThat(files()).isEmpty();
  }

  @Test
  void timeline_courseAtBeforeItsFirstEvent_exits2() throws Exception {
    Cli run = kapsdk("timeline", COURSE, "--at", "2025-12-01T00:00:00Z", "--out", dir.resolve("c.html").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).containsExactly(
        "--at: 2025-12-01T00:00:00Z is before the course's first event; nothing had happened yet");
    assertThat(files()).isEmpty();
  }

  @Test
  void timeline_courseWithARefusedEvent_exits2AtTheEvent() throws Exception {
    Cli run = kapsdk("timeline", resource("status", "dose-without-gate.yaml"), "--out", dir.resolve("c.html").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith(resource("status", "dose-without-gate.yaml") + ":")
        .contains("no PRE_DOSE gate check is recorded");
    assertThat(files()).isEmpty();
  }

  @Test
  void timeline_courseWithMissingTemplate_exits2AtItsProtocolField() throws Exception {
    Cli run = kapsdk("timeline", resource("status", "missing-template.yaml"), "--out", dir.resolve("c.html").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith(resource("status", "missing-template.yaml") + ":").contains("protocol: template");
    assertThat(files()).isEmpty();
  }

  @Test
  void timeline_missingFile_exits2() throws Exception {
    Cli run = kapsdk("timeline", "no-such-file.yaml", "--start", "2026-01-05", "--out", dir.resolve("p.html").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).containsExactly("no-such-file.yaml: file not found");
    assertThat(files()).isEmpty();
  }

  @Test
  void timeline_outInAMissingDirectory_exits2() {
    Path out = dir.resolve("missing").resolve("plan.html");

    Cli run = kapsdk("timeline", SAMPLE, "--profile", PROFILE, "--start", "2026-01-05", "--out", out.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).containsExactly("--out: the directory of " + out + " does not exist");
    assertThat(Files.exists(out.getParent())).isFalse();
  }

  @Test
  void timeline_outIsADirectory_exits2AndLeavesItAlone() throws Exception {
    Path out = Files.createDirectory(dir.resolve("pages"));

    Cli run = kapsdk("timeline", SAMPLE, "--profile", PROFILE, "--start", "2026-01-05", "--out", out.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).containsExactly("--out: " + out + " is a directory; give the HTML file to write");
    assertThat(Files.isDirectory(out)).isTrue();
    assertThat(files()).containsExactly("pages");
  }

  @Test
  void timeline_withoutOut_isAUsageError() {
    Cli run = kapsdk("timeline", SAMPLE, "--start", "2026-01-05");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines().get(0)).isEqualTo("kapsdk timeline: Missing required option: '--out=FILE'");
  }

  @Test
  void isCourse_tellsACourseDocumentFromATemplate() {
    assertThat(TimelineCommand.isCourse(Path.of(COURSE))).isTrue();
    assertThat(TimelineCommand.isCourse(Path.of(SAMPLE))).isFalse();
    assertThat(TimelineCommand.isCourse(Path.of(Cli.fixture("malformed.yaml")))).isFalse();
    assertThat(TimelineCommand.isCourse(Path.of(Cli.fixture("valid.json")))).isFalse();
    assertThat(TimelineCommand.isCourse(Path.of("no-such-file.yaml"))).isFalse();
  }
}
