package org.kapsdk.core.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.kapsdk.core.model.AssessmentSpec;
import org.kapsdk.core.model.IntegrationStep;

/** Turns placed occurrences into plan items: sessions, their assessments and their steps, in order. */
final class Items {
  private Items() {}

  /** An item with what orders it among items of the same date. */
  record Sortable(PlannedItem item, int group, int rank, int kindRank, int index) {}

  static final Comparator<Sortable> ORDER =
      Comparator.comparing((Sortable s) -> s.item().target())
          .thenComparingInt(Sortable::group)
          .thenComparingInt(Sortable::rank)
          .thenComparingInt(s -> s.item().occurrence())
          .thenComparingInt(Sortable::kindRank)
          .thenComparingInt(Sortable::index);

  /** The item of a placed free occurrence. */
  static PlannedItem session(Search search, Search.Level l) {
    Slot s = l.slot;
    LocalDate[] window = search.narrowedWindow(l);
    PlannedItem.Builder b = PlannedItem.builder()
        .id(s.id())
        .kind(ItemKind.SESSION)
        .phaseId(s.t.phase.id())
        .sessionTemplateId(s.t.id())
        .sessionKind(s.t.kind())
        .occurrence(s.occurrence)
        .target(l.date())
        .earliest(window[0])
        .latest(window[1])
        .required(true);
    if (!s.nominal.equals(l.date())) {
      b.nominal(s.nominal);
    }
    return b.build();
  }

  /** Every item: the sessions given, each with its assessments and (unless missed) its steps, sorted. */
  static List<PlannedItem> withFollowers(Course course, ClinicCalendar calendar, List<PlannedItem> sessions) {
    List<Sortable> all = new ArrayList<>();
    for (PlannedItem s : sessions) {
      Course.Tmpl t = course.byId.get(s.sessionTemplateId());
      int group = s.status() == ItemStatus.PLANNED ? 1 : 0;
      all.add(new Sortable(s, group, t.rank, 0, 0));
      if (s.status() == ItemStatus.MISSED) {
        continue;
      }
      List<AssessmentSpec> assessments = t.session.assessments();
      for (int i = 0; i < assessments.size(); i++) {
        AssessmentSpec a = assessments.get(i);
        all.add(new Sortable(follower(s, ItemKind.ASSESSMENT)
            .id(PlannedItem.assessmentId(s.id(), a.instrument()))
            .instrument(a.instrument())
            .target(s.target())
            .earliest(s.target())
            .latest(s.target())
            .required(a.required())
            .build(), group, t.rank, 1, i));
      }
      List<IntegrationStep> steps = t.session.integrationSteps();
      for (int i = 0; i < steps.size(); i++) {
        IntegrationStep step = steps.get(i);
        LocalDate lo = s.target().plusDays(Days.floor(step.earliest()));
        LocalDate hi = s.target().plusDays(Days.ceil(step.latest()));
        LocalDate target = lo;
        for (LocalDate d = lo; !d.isAfter(hi); d = d.plusDays(1)) {
          if (calendar.isOpen(d)) {
            target = d;
            break;
          }
        }
        all.add(new Sortable(follower(s, ItemKind.INTEGRATION_STEP)
            .id(PlannedItem.stepId(s.id(), step.id()))
            .stepId(step.id())
            .target(target)
            .earliest(lo)
            .latest(hi)
            .required(step.required())
            .build(), group, t.rank, 2, i));
      }
    }
    all.sort(ORDER);
    return all.stream().map(Sortable::item).toList();
  }

  private static PlannedItem.Builder follower(PlannedItem session, ItemKind kind) {
    return PlannedItem.builder()
        .kind(kind)
        .phaseId(session.phaseId())
        .sessionTemplateId(session.sessionTemplateId())
        .sessionKind(session.sessionKind())
        .occurrence(session.occurrence())
        .sessionItemId(session.id());
  }
}
