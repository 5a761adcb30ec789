package org.kapsdk.core.lint;

import org.kapsdk.core.lint.BuiltInRule.Sink;
import org.kapsdk.core.lint.TemplateIndex.SessionAt;
import org.kapsdk.core.model.GroupSpec;

/** Group sessions: KAP-L027. */
final class GroupChecks {
  private GroupChecks() {}

  /**
   * KAP-L027: a group dosing session that sets no maxParticipants. Every participant of a group
   * dosing session is monitored by the same staff; with no stated limit nothing stops a roster
   * from outgrowing what the setting can observe (ASKP3: the dose and route must match the
   * setting's monitoring capability), and the cohort API has no size to refuse. A group that
   * only talks (preparation, integration) has no such risk and is not reported.
   */
  static void dosingGroupWithoutLimit(TemplateIndex index, Sink sink) {
    for (SessionAt s : index.dosingSessions()) {
      GroupSpec group = s.session().group().orElse(null);
      if (group != null && group.maxParticipants().isEmpty()) {
        sink.add(s.at("group"),
            "group dosing session " + s.id() + " sets no maxParticipants: nothing limits how many dosed participants"
                + " the staff must monitor at once",
            "set group.maxParticipants to what the setting can monitor, as a clinic parameter"
                + " (maxParticipants: ${max-dosing-participants})");
      }
    }
  }
}
