package org.kapsdk.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.kapsdk.core.io.TemplateOutline;
import org.kapsdk.core.model.Code;
import org.kapsdk.core.model.Codes;
import org.kapsdk.core.model.Evidence;
import org.kapsdk.core.model.Parameter;
import org.kapsdk.protocols.BuiltInProtocol;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kapsdk list}: the built-in protocols, each with its id, version, title, indications,
 * sources (jurisdiction, and whether the reference confirmed them) and the parameters a clinic
 * profile must set before use.
 */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Lists the built-in protocols: id, version, indication, sources and the parameters a clinic sets.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:listed", "3:internal error in kapsdk (a bug; please report it)"})
final class ListCommand implements Callable<Integer> {

  @Option(names = "--json", description = "Print one JSON document on stdout instead of text.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ObjectNode document = JsonOutput.object();
      ArrayNode list = document.putArray("protocols");
      for (BuiltInProtocol p : BuiltInProtocol.values()) {
        TemplateOutline o = p.outline();
        ObjectNode n = list.addObject();
        n.put("id", o.id());
        n.put("version", o.version());
        n.put("title", o.title());
        n.put("status", o.status().name());
        ArrayNode indications = n.putArray("indications");
        for (Code c : o.indications()) {
          ObjectNode code = indications.addObject();
          code.put("system", c.system());
          code.put("code", c.code());
          code.put("display", Codes.nameOf(c));
        }
        ArrayNode sources = n.putArray("sources");
        for (Evidence e : o.evidence()) {
          ObjectNode source = sources.addObject();
          source.put("key", e.key());
          source.put("citation", e.citation());
          e.jurisdiction().ifPresentOrElse(j -> source.put("jurisdiction", j), () -> source.putNull("jurisdiction"));
          source.put("confirmed", e.confirmed());
        }
        ArrayNode parameters = n.putArray("parameters");
        for (Parameter param : o.parameters()) {
          ObjectNode pn = parameters.addObject();
          pn.put("name", param.name());
          pn.put("type", param.type().name());
          pn.put("required", param.required());
          pn.put("description", param.description());
        }
      }
      JsonOutput.print(out, document);
      return ExitCodes.OK;
    }
    out.println(Texts.count(BuiltInProtocol.values().length, "built-in protocol") + "; each needs a clinic profile"
        + " (--profile FILE) that sets its parameters before use.");
    for (BuiltInProtocol p : BuiltInProtocol.values()) {
      TemplateOutline o = p.outline();
      out.println();
      out.println(o.id() + "  " + o.version() + "  " + o.status() + "  " + Texts.oneLine(o.title()));
      out.println("  indication: " + o.indications().stream().map(Codes::nameOf).collect(Collectors.joining(", ")));
      out.println("  sources:    " + o.evidence().stream()
          .map(e -> e.key() + (e.jurisdiction().map(j -> " (" + j + (e.confirmed() ? ")" : ", unconfirmed)"))
              .orElse(e.confirmed() ? "" : " (unconfirmed)")))
          .collect(Collectors.joining(", ")));
      long required = o.parameters().stream().filter(Parameter::required).count();
      out.println("  parameters: " + o.parameters().size() + " (" + required + " required): "
          + o.parameters().stream().map(Parameter::name).collect(Collectors.joining(", ")));
    }
    out.flush();
    return ExitCodes.OK;
  }
}
