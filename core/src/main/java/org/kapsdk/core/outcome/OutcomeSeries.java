package org.kapsdk.core.outcome;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.kapsdk.core.facts.AssessmentResult;
import org.kapsdk.core.gate.Truth;
import org.kapsdk.core.model.Instrument;
import org.kapsdk.core.model.OutcomeDefinition;
import org.kapsdk.core.model.ProtocolTemplate;

/**
 * One instrument's scores over a course, judged against the course baseline with the template's
 * {@link OutcomeDefinition}: response, remission, trend and worsening, each with the values it
 * used. Immutable and thread-safe; everything is computed once, in {@code of}.
 *
 * <h2>Which scores</h2>
 *
 * <p>The results of the definition's instrument, in any order, each scored by {@link
 * AssessmentResult#effectiveTotal()} (the recorded total, else {@link Scoring#total} of the
 * items). A result with neither items nor a total carries no score and is left out. Points are in
 * time order; two results at the same instant are ordered by total, so the higher (worse) one
 * counts as the later.
 *
 * <h2>Baseline</h2>
 *
 * <p>With a first dose: the latest result at or before it (an assessment timed at the dose
 * instant is taken as pre-dose, as assessments are completed before dosing at the same visit).
 * Without a first dose, or with no result before it, the earliest result. In the second case the
 * baseline may postdate the first dose, which understates any drop; the host sees this from
 * {@link #baseline()} and {@link #firstDose()}.
 *
 * <h2>Instruments</h2>
 *
 * <p>Outcome arithmetic assumes a higher total is worse. That holds for PHQ-9, GAD-7, MADRS,
 * QIDS-SR16, BDI-II, PCL-5 and CADSS; the Aldrete score (higher is better) and the C-SSRS
 * screener (judged by item, see {@link CssrsRisk}) are refused.
 *
 * <p>A series holds scores and times only, never a patient id, so its {@code toString()} and
 * reasons are safe to log.
 */
public final class OutcomeSeries {

  private final OutcomeDefinition definition;
  private final Optional<Instant> firstDose;
  private final List<ScorePoint> points;
  private final Optional<ScorePoint> baseline;
  private final int baselineIndex;
  private final ResponseStatus response;
  private final String responseReason;
  private final RemissionStatus remission;
  private final String remissionReason;

  private OutcomeSeries(OutcomeDefinition definition, List<AssessmentResult> results, Optional<Instant> firstDose) {
    this.definition = definition;
    this.firstDose = firstDose;
    Instrument instrument = definition.instrument();

    record Scored(Instant at, int total) {}
    List<Scored> scored = new ArrayList<>();
    for (AssessmentResult r : results) {
      if (r.instrument() == instrument) {
        r.effectiveTotal().ifPresent(t -> scored.add(new Scored(r.at(), t)));
      }
    }
    scored.sort(Comparator.comparing(Scored::at).thenComparingInt(Scored::total));

    // Baseline: the latest score at or before the first dose, else the earliest score.
    int baseIndex = scored.isEmpty() ? -1 : 0;
    if (firstDose.isPresent()) {
      for (int i = 0; i < scored.size(); i++) {
        if (!scored.get(i).at().isAfter(firstDose.get())) {
          baseIndex = i;
        }
      }
    }
    int baseTotal = baseIndex < 0 ? 0 : scored.get(baseIndex).total();
    List<ScorePoint> out = new ArrayList<>();
    for (Scored s : scored) {
      ScorePoint.Builder p = ScorePoint.builder().instrument(instrument).at(s.at()).total(s.total())
          .band(SeverityBands.classify(instrument, s.total()));
      if (baseTotal > 0) {
        p.percentChange(percent(s.total() - baseTotal, baseTotal));
      }
      out.add(p.build());
    }
    this.points = List.copyOf(out);
    this.baselineIndex = baseIndex;
    this.baseline = baseIndex < 0 ? Optional.empty() : Optional.of(points.get(baseIndex));

    Optional<ScorePoint> after = latestAfterBaseline();
    String name = instrument.displayName();
    Optional<Integer> threshold = definition.effectiveResponseDropPercent();
    if (threshold.isEmpty()) {
      response = ResponseStatus.NOT_CLASSIFIABLE;
      responseReason = "no response definition for " + name + ": set outcomes[].responseDropPercent";
    } else if (baseline.isEmpty()) {
      response = ResponseStatus.UNKNOWN;
      responseReason = "no " + name + " score recorded, so there is no baseline";
    } else if (after.isEmpty()) {
      response = ResponseStatus.UNKNOWN;
      responseReason = "no " + name + " score after the baseline of " + baseline.get().at();
    } else if (baseline.get().total() == 0) {
      response = ResponseStatus.NOT_CLASSIFIABLE;
      responseReason = "the " + name + " baseline total is 0, from which no percent drop exists";
    } else {
      int b = baseline.get().total();
      int l = after.get().total();
      // Exact: (b - l) / b >= t / 100, in integers, so rounding never turns 49.96% into a response.
      boolean responded = (long) (b - l) * 100 >= (long) threshold.get() * b;
      response = responded ? ResponseStatus.RESPONSE : ResponseStatus.NO_RESPONSE;
      responseReason = name + " " + change(b, l, after.get()) + "; response is a drop of at least "
          + threshold.get() + "% (" + responseSource() + ")";
    }

    Optional<Integer> cutOff = definition.effectiveRemissionAtMost();
    if (cutOff.isEmpty()) {
      remission = RemissionStatus.NOT_CLASSIFIABLE;
      remissionReason = "no remission definition for " + name + ": set outcomes[].remissionAtMost";
    } else if (baseline.isEmpty()) {
      remission = RemissionStatus.UNKNOWN;
      remissionReason = "no " + name + " score recorded, so there is no baseline";
    } else if (after.isEmpty()) {
      remission = RemissionStatus.UNKNOWN;
      remissionReason = "no " + name + " score after the baseline of " + baseline.get().at();
    } else {
      int l = after.get().total();
      boolean remitted = l <= cutOff.get();
      remission = remitted ? RemissionStatus.REMISSION : RemissionStatus.NO_REMISSION;
      remissionReason = name + " total " + l + " on " + after.get().at() + " is "
          + (remitted ? "at most" : "above") + " the remission cut-off " + cutOff.get() + " (" + remissionSource() + ")";
    }
  }

  /**
   * The series of one instrument, judged with the definition given.
   *
   * @param definition how response and remission are judged; its instrument selects the results
   * @param results the course's assessment results, any instruments, any order
   * @param firstDose when the course's first dose was given; empty before it
   * @throws IllegalArgumentException for the C-SSRS screener or the Aldrete score
   */
  public static OutcomeSeries of(OutcomeDefinition definition, List<AssessmentResult> results, Optional<Instant> firstDose) {
    Objects.requireNonNull(definition, "definition");
    Objects.requireNonNull(results, "results");
    Objects.requireNonNull(firstDose, "firstDose");
    Instrument instrument = definition.instrument();
    if (instrument == Instrument.CSSRS_SCREENER || instrument == Instrument.ALDRETE) {
      throw new IllegalArgumentException(instrument.displayName() + " is not a symptom scale whose higher total is worse;"
          + (instrument == Instrument.CSSRS_SCREENER ? " use CssrsRisk" : " it has no outcome series"));
    }
    return new OutcomeSeries(definition, results, firstDose);
  }

  /**
   * The series of one instrument, judged with the template's definition for it ({@link
   * ProtocolTemplate#outcome(Instrument)}: the template's entry, else the reference values).
   */
  public static OutcomeSeries of(
      ProtocolTemplate template, Instrument instrument, List<AssessmentResult> results, Optional<Instant> firstDose) {
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(instrument, "instrument");
    return of(template.outcome(instrument), results, firstDose);
  }

  /** The instrument. */
  public Instrument instrument() {
    return definition.instrument();
  }

  /** The outcome definition the series is judged with. */
  public OutcomeDefinition definition() {
    return definition;
  }

  /** The first dose the baseline was chosen against; empty when none was given. */
  public Optional<Instant> firstDose() {
    return firstDose;
  }

  /** The baseline point (see the class documentation); empty when no score was recorded. */
  public Optional<ScorePoint> baseline() {
    return baseline;
  }

  /** Every scored point, in time order. */
  public List<ScorePoint> points() {
    return points;
  }

  /** The latest point; empty when no score was recorded. */
  public Optional<ScorePoint> latest() {
    return points.isEmpty() ? Optional.empty() : Optional.of(points.get(points.size() - 1));
  }

  /** The latest point's change from baseline in percent, rounded to one decimal (see {@link ScorePoint#percentChange()}). */
  public Optional<BigDecimal> percentChange() {
    return latest().flatMap(ScorePoint::percentChange);
  }

  /** The response threshold in force: the template's, else the reference's; empty when neither gives one. */
  public Optional<Integer> responseDropPercent() {
    return definition.effectiveResponseDropPercent();
  }

  /** The remission cut-off in force: the template's, else the reference's; empty when neither gives one. */
  public Optional<Integer> remissionAtMost() {
    return definition.effectiveRemissionAtMost();
  }

  /**
   * Whether the latest score is a response. Checked in this order: NOT_CLASSIFIABLE when no
   * threshold is in force (a template gap that more data cannot fill), UNKNOWN without a
   * baseline or a score after it, NOT_CLASSIFIABLE when the baseline is 0, else RESPONSE when the
   * exact drop is at least the threshold.
   */
  public ResponseStatus response() {
    return response;
  }

  /** Why {@link #response()} is what it is, with the values used; names the missing template parameter when NOT_CLASSIFIABLE. */
  public String responseReason() {
    return responseReason;
  }

  /**
   * Whether the latest score is a remission (total at most the cut-off). NOT_CLASSIFIABLE when no
   * cut-off is in force, UNKNOWN without a baseline or a score after it: remission is judged on
   * treatment, so a baseline alone never counts.
   */
  public RemissionStatus remission() {
    return remission;
  }

  /** Why {@link #remission()} is what it is, with the values used. */
  public String remissionReason() {
    return remissionReason;
  }

  /** The direction of the last two points; UNKNOWN with fewer than two. */
  public Trend trend() {
    if (points.size() < 2) {
      return Trend.UNKNOWN;
    }
    int previous = points.get(points.size() - 2).total();
    int last = points.get(points.size() - 1).total();
    return last < previous ? Trend.IMPROVING : last > previous ? Trend.WORSENING : Trend.UNCHANGED;
  }

  /**
   * Whether the latest total is at least {@code points} above the score at {@code since}, for a
   * {@link org.kapsdk.core.model.StepBack} policy: the reference score is the latest at or before
   * {@code since}, the compared score the latest after it. UNKNOWN when either is missing: no
   * score by then, or none since, says nothing about worsening.
   *
   * @throws IllegalArgumentException when {@code points} is below 1
   */
  public Truth worsenedBy(int points, Instant since) {
    Objects.requireNonNull(since, "since");
    if (points < 1) {
      throw new IllegalArgumentException("points must be at least 1");
    }
    ScorePoint reference = null;
    for (ScorePoint p : this.points) {
      if (!p.at().isAfter(since)) {
        reference = p;
      }
    }
    Optional<ScorePoint> latest = latest().filter(p -> p.at().isAfter(since));
    if (reference == null || latest.isEmpty()) {
      return Truth.UNKNOWN;
    }
    return Truth.of(latest.get().total() - reference.total() >= points);
  }

  /** A summary of instrument, point count, baseline, latest and statuses; holds no patient id. */
  @Override
  public String toString() {
    return "OutcomeSeries{instrument=" + instrument().displayName()
        + ", points=" + points.size()
        + baseline.map(b -> ", baseline=" + b.total() + "@" + b.at()).orElse("")
        + latest().map(l -> ", latest=" + l.total() + "@" + l.at()).orElse("")
        + ", response=" + response
        + ", remission=" + remission
        + "}";
  }

  private Optional<ScorePoint> latestAfterBaseline() {
    // The baseline is a point of the series; any point ordered after it is a later score.
    return baselineIndex >= 0 && baselineIndex < points.size() - 1 ? latest() : Optional.empty();
  }

  private String change(int b, int l, ScorePoint latest) {
    String from = "from baseline " + b + " to " + l + " on " + latest.at();
    if (l == b) {
      return "unchanged " + from;
    }
    BigDecimal pct = percent(l - b, b).abs();
    return (l < b ? "dropped " : "rose ") + pct.toPlainString() + "% " + from;
  }

  private String responseSource() {
    return definition.responseDropPercent().isPresent()
        ? "set by the template"
        : "clinical reference " + instrument().source();
  }

  private String remissionSource() {
    return definition.remissionAtMost().isPresent()
        ? "set by the template"
        : "clinical reference " + instrument().source();
  }

  private static BigDecimal percent(int change, int baseline) {
    return BigDecimal.valueOf((long) change * 100).divide(BigDecimal.valueOf(baseline), 1, RoundingMode.HALF_UP);
  }
}
