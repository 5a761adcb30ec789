package org.kapsdk.examples;

import java.io.PrintStream;
import java.util.List;
import org.kapsdk.core.io.DocumentFormat;
import org.kapsdk.core.io.ProtocolFiles;
import org.kapsdk.core.model.Codes;
import org.kapsdk.core.model.Phase;
import org.kapsdk.core.model.ProtocolTemplate;
import org.kapsdk.core.model.SessionKind;
import org.kapsdk.core.model.SessionTemplate;
import org.kapsdk.core.model.TemplateStatus;
import org.kapsdk.core.validation.Problem;
import org.kapsdk.core.validation.ValidationException;

/**
 * The README's first sample: build a template with the fluent builder, write it as YAML, read it
 * back, and see how a structurally invalid template is reported.
 */
public final class QuickStart {
  private QuickStart() {}

  /** Runs the sample, printing to standard output. */
  public static void main(String[] args) {
    run(System.out);
  }

  /** Runs the sample, printing to the given stream; returns the template it built. */
  public static ProtocolTemplate run(PrintStream out) {
    ProtocolTemplate template =
        ProtocolTemplate.builder()
            .id("kap-intake-demo")
            .version("1.0.0")
            .title("KAP intake demo")
            .status(TemplateStatus.DRAFT)
            .addIndication(Codes.MAJOR_DEPRESSIVE_DISORDER)
            .addPhase(
                Phase.builder()
                    .id("intake")
                    .title("Intake")
                    .addSession(
                        SessionTemplate.builder()
                            .id("screening")
                            .kind(SessionKind.SCREENING)
                            .title("Medical and psychiatric screening")
                            .build())
                    .build())
            .build();
    String yaml = ProtocolFiles.write(template, DocumentFormat.YAML);
    ProtocolTemplate again = ProtocolFiles.read(yaml, DocumentFormat.YAML, "<memory>");
    out.println("round trip equal: " + again.equals(template));
    out.print(yaml);

    List<Problem> problems = problemsOfAnInvalidTemplate();
    out.println("an invalid template reports " + problems.size() + " problems:");
    problems.forEach(p -> out.println("  " + p));
    return template;
  }

  private static List<Problem> problemsOfAnInvalidTemplate() {
    try {
      ProtocolTemplate.builder()
          .id("Not A Valid Id")
          .version("1.0")
          .title("Broken")
          .status(TemplateStatus.DRAFT)
          .addIndication(Codes.MAJOR_DEPRESSIVE_DISORDER)
          .build();
      throw new AssertionError("the template above is invalid and must not build");
    } catch (ValidationException e) {
      return e.problems();
    }
  }
}
