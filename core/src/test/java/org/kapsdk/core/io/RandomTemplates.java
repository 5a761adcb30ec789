package org.kapsdk.core.io;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.kapsdk.core.model.AllOf;
import org.kapsdk.core.model.Anchor;
import org.kapsdk.core.model.AnchorPoint;
import org.kapsdk.core.model.AnyOf;
import org.kapsdk.core.model.AssessmentSpec;
import org.kapsdk.core.model.AssessmentThreshold;
import org.kapsdk.core.model.AttestationPresent;
import org.kapsdk.core.model.Code;
import org.kapsdk.core.model.Codes;
import org.kapsdk.core.model.Comparator;
import org.kapsdk.core.model.Condition;
import org.kapsdk.core.model.ConditionPresent;
import org.kapsdk.core.model.CumulativeLimit;
import org.kapsdk.core.model.DeviceDose;
import org.kapsdk.core.model.Dose;
import org.kapsdk.core.model.DoseLimit;
import org.kapsdk.core.model.DoseRange;
import org.kapsdk.core.model.DosingSpec;
import org.kapsdk.core.model.Evidence;
import org.kapsdk.core.model.ExtensionCondition;
import org.kapsdk.core.model.FixedDose;
import org.kapsdk.core.model.Gate;
import org.kapsdk.core.model.Instrument;
import org.kapsdk.core.model.IntegrationKind;
import org.kapsdk.core.model.IntegrationStep;
import org.kapsdk.core.model.IntervalConstraint;
import org.kapsdk.core.model.LimitPeriod;
import org.kapsdk.core.model.MedicationPresent;
import org.kapsdk.core.model.MonitoredObservation;
import org.kapsdk.core.model.MonitoringElapsed;
import org.kapsdk.core.model.MonitoringPlan;
import org.kapsdk.core.model.Not;
import org.kapsdk.core.model.ObservationThreshold;
import org.kapsdk.core.model.ObservationTrend;
import org.kapsdk.core.model.PatientAge;
import org.kapsdk.core.model.Phase;
import org.kapsdk.core.model.OutcomeDefinition;
import org.kapsdk.core.model.NonResponseAction;
import org.kapsdk.core.model.DecisionPoint;
import org.kapsdk.core.model.StepBack;
import org.kapsdk.core.model.MissedSessionPolicy;
import org.kapsdk.core.model.Pregnancy;
import org.kapsdk.core.model.ProtocolTemplate;
import org.kapsdk.core.model.Quantity;
import org.kapsdk.core.model.Repeat;
import org.kapsdk.core.model.Route;
import org.kapsdk.core.model.Rule;
import org.kapsdk.core.model.ScoreMeasure;
import org.kapsdk.core.model.SessionInterval;
import org.kapsdk.core.model.SessionKind;
import org.kapsdk.core.model.SessionTemplate;
import org.kapsdk.core.model.Severity;
import org.kapsdk.core.model.TemplateStatus;
import org.kapsdk.core.model.TimeAnchor;
import org.kapsdk.core.model.Timing;
import org.kapsdk.core.model.TrendDirection;
import org.kapsdk.core.model.Unit;
import org.kapsdk.core.model.WeightBasedDose;

/**
 * Builds random, structurally valid protocol templates from a {@link Random}: every model type,
 * every condition kind and every dose kind, optional fields present or absent, unicode text,
 * decimal quantities, nested all/any/not conditions up to depth 3, and cross-references (anchors,
 * evidence keys, phase ids, session ids and kinds) that always resolve.
 *
 * <p>The builders check everything they build, so a generator mistake shows up as a
 * {@code ValidationException} from the generator itself, never as a false round-trip failure.
 */
public final class RandomTemplates {
  /** Characters text fields are drawn from: YAML/JSON specials, accents, CJK, RTL, emoji, NBSP. */
  private static final String[] TEXT_PIECES = {
    "a", "b", "Z", "0", "7", " ", " ", "-", ".", ",", ":", ": ", "#", " #", "'", "\"", "\\", "/",
    "&", "*", "!", "|", ">", "%", "@", "`", "[", "]", "?", "~", "=", "+", "(", ")", "é", "ü", "ß",
    "Ø", "ñ", "治療", "ケタミン", "العلاج", "שלום", "Ω", "µg", "≥", "—", "–", "…", "\u00A0", "\u200B",
    "🧪", "💊", "e\u0301", "\t", "\n", "\r\n", "\r", "\u2028", "\u2029", "\u0085", "\u0007", "\uFEFF"
  };
  /** Whole strings that YAML readers are known to reinterpret when written unquoted. */
  private static final String[] TRICKY_TEXT = {
    "true", "false", "yes", "No", "on", "OFF", "y", "n", "null", "Null", "~", "123", "0123", "1.0",
    "-1", "1e3", "0x1F", ".inf", "-.Inf", ".NaN", "2024-01-01", "12:30", "1:20:30", "- item", "? key",
    "key: value", "#comment", "&anchor", "*alias", "!tag", "%directive", "@at", "`tick", "'", "\"",
    "---", "...", " leading", "trailing ", "{}", "[]", "{value}", "<<", "=", "|", ">"
  };
  private static final String ID_START = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  private static final String ID_REST = ID_START + "._-";
  private static final String[] PLACEHOLDERS = {"{value}", "{threshold}", "{measuredAt}", "{elapsed}", "{missing}"};
  private static final String[] TIME_UNITS = {"s", "min", "h", "d", "wk"};
  private static final long[] TIME_SECONDS = {1, 60, 3600, 86_400, 604_800};

  /** Known codes with a unit of their dimension; unknown codes accept any unit. */
  private static final Object[][] KNOWN_OBSERVATIONS = {
    {Codes.SYSTOLIC_BP, Unit.MMHG},
    {Codes.DIASTOLIC_BP, Unit.MMHG},
    {Codes.HEART_RATE, Unit.PER_MIN},
    {Codes.RESPIRATORY_RATE, Unit.PER_MIN},
    {Codes.BODY_TEMPERATURE, Unit.CELSIUS},
    {Codes.SPO2, Unit.PERCENT},
    {Codes.SPO2_PULSE_OXIMETRY, Unit.PERCENT},
    {Codes.BODY_WEIGHT, Unit.KG},
    {Codes.BODY_WEIGHT, Unit.LB},
    {Codes.BMI, Unit.KG_PER_M2},
    {Codes.PHQ9_TOTAL, Unit.SCORE},
    {Codes.GAD7_TOTAL, Unit.SCORE},
  };

  private final Random random;
  private int serial;

  // Filled while a template is built, so that references always resolve.
  private final List<String> evidenceKeys = new ArrayList<>();
  private final List<String> phaseIds = new ArrayList<>();
  private final List<String> sessionIds = new ArrayList<>();
  private final Set<SessionKind> kinds = new LinkedHashSet<>();

  private RandomTemplates(Random random) {
    this.random = random;
  }

  /** A new random, structurally valid template. */
  public static ProtocolTemplate template(Random random) {
    return new RandomTemplates(random).template();
  }

  private ProtocolTemplate template() {
    List<Evidence> evidence = list(1, 4, this::evidence);
    evidence.forEach(e -> evidenceKeys.add(e.key()));

    // Plan the sessions first: ids, kinds and the phase each belongs to, so that rules and
    // anchors anywhere may refer to any of them.
    int phaseCount = between(1, 3);
    List<List<SessionKind>> plan = new ArrayList<>();
    for (int i = 0; i < phaseCount; i++) {
      phaseIds.add(uniqueId("phase"));
      List<SessionKind> sessionKinds = new ArrayList<>();
      int sessions = between(1, 3);
      for (int j = 0; j < sessions; j++) {
        SessionKind kind = pick(SessionKind.values());
        sessionKinds.add(kind);
        kinds.add(kind);
        sessionIds.add(uniqueId("session"));
      }
      plan.add(sessionKinds);
    }

    List<Phase> phases = new ArrayList<>();
    int sessionIndex = 0;
    for (int i = 0; i < phaseCount; i++) {
      List<SessionTemplate> sessions = new ArrayList<>();
      for (SessionKind kind : plan.get(i)) {
        sessions.add(session(sessionIndex++, kind));
      }
      int index = i;
      phases.add(
          Phase.builder()
              .id(phaseIds.get(i))
              .title(text())
              .description(optional(this::text))
              .sessions(sessions)
              .onMissed(optional(() -> pick(MissedSessionPolicy.values())))
              .stepBack(index == 0 ? Optional.empty() : optional(() -> stepBack(phaseIds.get(random.nextInt(index)))))
              .decision(optional(this::decision))
              .build());
    }

    return ProtocolTemplate.builder()
        .id(templateId())
        .version(version())
        .title(text())
        .status(pick(TemplateStatus.values()))
        .description(optional(this::text))
        .indications(codes(1, 3))
        .evidence(evidence)
        .phases(phases)
        .rules(list(0, 4, () -> rule(Gate.values())))
        .outcomes(outcomes())
        .build();
  }

  /* ------------------------------------------------------------------ course policies */

  private StepBack stepBack(String toPhase) {
    Instrument instrument = pick(OUTCOME_INSTRUMENTS);
    return StepBack.builder()
        .instrument(instrument)
        .worsenedByAtLeast(between(1, instrument.totalMax() - instrument.totalMin()))
        .toPhase(toPhase)
        .evidence(distinct(evidenceKeys, 0))
        .build();
  }

  /** Decisions only on instruments whose response the reference defines, so the template stays valid. */
  private DecisionPoint decision() {
    return DecisionPoint.builder()
        .instrument(pick(new Instrument[] {Instrument.PHQ9, Instrument.MADRS, Instrument.QIDS_SR16, Instrument.BDI2}))
        .onResponse(optional(() -> phaseIds.get(random.nextInt(phaseIds.size()))))
        .onNonResponse(pick(NonResponseAction.values()))
        .evidence(distinct(evidenceKeys, 0))
        .build();
  }

  private List<OutcomeDefinition> outcomes() {
    List<OutcomeDefinition> out = new ArrayList<>();
    for (Instrument instrument : OUTCOME_INSTRUMENTS) {
      if (random.nextInt(3) == 0) {
        out.add(OutcomeDefinition.builder()
            .instrument(instrument)
            .responseDropPercent(optional(() -> between(1, 100)))
            .remissionAtMost(optional(() -> between(instrument.totalMin(), instrument.totalMax() - 1)))
            .evidence(distinct(evidenceKeys, 0))
            .build());
      }
    }
    return out;
  }

  /* ------------------------------------------------------------------ sessions */

  private SessionTemplate session(int index, SessionKind kind) {
    SessionTemplate.Builder b =
        SessionTemplate.builder()
            .id(sessionIds.get(index))
            .kind(kind)
            .title(text())
            .description(optional(this::text));
    switch (random.nextInt(3)) {
      case 0:
        b.count(between(1, 20));
        break;
      case 1:
        b.repeat(repeat());
        break;
      default:
        break;
    }
    b.timing(optional(() -> timing(index)));
    b.duration(optional(this::positiveDuration));
    if (kind == SessionKind.DOSING) {
      b.dosing(dosing());
      b.monitoring(optional(this::monitoring));
      b.integrationSteps(list(0, 2, this::integrationStep));
    }
    List<Instrument> instruments = new ArrayList<>(List.of(Instrument.values()));
    java.util.Collections.shuffle(instruments, random);
    List<AssessmentSpec> assessments = new ArrayList<>();
    for (Instrument instrument : instruments.subList(0, between(0, 3))) {
      AssessmentSpec.Builder a = AssessmentSpec.builder().instrument(instrument);
      if (random.nextBoolean()) {
        a.required(random.nextBoolean());
      }
      assessments.add(a.build());
    }
    b.assessments(assessments);
    b.rules(list(0, 2, () -> rule(new Gate[] {Gate.PRE_DOSE, Gate.DURING_SESSION, Gate.DISCHARGE})));
    return b.build();
  }

  private Repeat repeat() {
    Repeat.Builder b = Repeat.builder();
    if (random.nextBoolean()) {
      b.timesPerWeek(between(1, 7));
    } else {
      b.every(positiveDuration());
    }
    switch (random.nextInt(3)) {
      case 0:
        b.weeks(between(1, 52));
        break;
      case 1:
        b.occurrences(between(1, 100));
        break;
      default:
        break;
    }
    return b.build();
  }

  private Timing timing(int sessionIndex) {
    Timing.Builder b = Timing.builder();
    // Anchors point only to earlier sessions, so they never form a cycle.
    if (sessionIndex > 0 && random.nextBoolean()) {
      Anchor.Builder a = Anchor.builder().session(sessionIds.get(random.nextInt(sessionIndex)));
      if (random.nextBoolean()) {
        a.point(pick(AnchorPoint.values()));
      }
      b.anchor(a.build());
    }
    Duration target = random.nextInt(4) == 0 ? Duration.ZERO : duration(-5_000, 5_000);
    if (random.nextBoolean() || !target.isZero()) {
      b.target(target);
    }
    if (random.nextBoolean()) {
      b.earliest(target.minus(duration(0, 3_000)));
    }
    if (random.nextBoolean()) {
      b.latest(target.plus(duration(0, 3_000)));
    }
    b.intervals(list(0, 2, this::interval));
    return b.build();
  }

  private IntervalConstraint interval() {
    Duration[] bounds = orderedBounds();
    return IntervalConstraint.builder()
        .after(pick(kinds.toArray(new SessionKind[0])))
        .min(Optional.ofNullable(bounds[0]))
        .max(Optional.ofNullable(bounds[1]))
        .build();
  }

  /** A low and a high bound, at least one set, low not negative, high positive, low ≤ high. */
  private Duration[] orderedBounds() {
    Duration low = random.nextInt(3) == 0 ? Duration.ZERO : positiveDuration();
    Duration high = low.plus(positiveDuration());
    switch (random.nextInt(3)) {
      case 0:
        return new Duration[] {low, null};
      case 1:
        return new Duration[] {null, high};
      default:
        return new Duration[] {low, high};
    }
  }

  /* ------------------------------------------------------------------ dosing */

  private DosingSpec dosing() {
    DosingSpec.Builder b = DosingSpec.builder().medication(code()).route(pick(Route.values()));
    Dose dose;
    Unit unit;
    BigDecimal nominal;
    BigDecimal stepUnit;
    BigDecimal largest;
    switch (random.nextInt(3)) {
      case 0: {
        BigDecimal amount = decimal(1, 500);
        dose = FixedDose.builder().amount(Quantity.of(amount, Unit.MG)).build();
        unit = Unit.MG;
        nominal = amount;
        stepUnit = null;
        largest = amount;
        break;
      }
      case 1: {
        BigDecimal perKg = decimal(0, 3).add(new BigDecimal("0.01"));
        BigDecimal cap = decimal(1, 500);
        dose =
            WeightBasedDose.builder()
                .perKg(Quantity.of(perKg, Unit.MG_PER_KG))
                .roundTo(optional(() -> Quantity.of(decimal(0, 10).add(BigDecimal.ONE), Unit.MG)))
                .cap(Quantity.of(cap, Unit.MG))
                .build();
        unit = Unit.MG_PER_KG;
        nominal = perKg;
        stepUnit = null;
        largest = cap;
        break;
      }
      default: {
        BigDecimal perDevice = decimal(1, 100);
        int devices = between(1, 4);
        dose =
            DeviceDose.builder()
                .perDevice(Quantity.of(perDevice, Unit.MG))
                .devices(devices)
                .betweenDevices(random.nextInt(4) == 0 ? Duration.ZERO : positiveDuration())
                .build();
        unit = Unit.MG;
        nominal = perDevice.multiply(BigDecimal.valueOf(devices));
        stepUnit = perDevice;
        largest = nominal;
        break;
      }
    }
    b.dose(dose);

    BigDecimal min = nominal;
    BigDecimal max = nominal;
    if (random.nextBoolean()) {
      // Widen around the dose without going to zero or below.
      min = random.nextBoolean() ? nominal.divide(BigDecimal.valueOf(2)) : nominal;
      max = nominal.add(random.nextBoolean() ? nominal : BigDecimal.ZERO);
      b.allowedRange(DoseRange.builder().min(Quantity.of(min, unit)).max(Quantity.of(max, unit)).build());
    }
    List<Quantity> steps = new ArrayList<>();
    if (random.nextBoolean()) {
      if (stepUnit != null) {
        // Whole numbers of devices inside [min, max], ascending.
        BigDecimal value = stepUnit;
        while (value.compareTo(max) <= 0 && steps.size() < 4) {
          if (value.compareTo(min) >= 0 && random.nextBoolean()) {
            steps.add(Quantity.of(value, unit));
          }
          value = value.add(stepUnit);
        }
      } else if (max.compareTo(min) > 0) {
        steps.add(Quantity.of(min, unit));
        steps.add(Quantity.of(max, unit));
      } else {
        steps.add(Quantity.of(min, unit));
      }
    }
    b.titrationSteps(steps);
    if (random.nextBoolean()) {
      BigDecimal top = dose instanceof WeightBasedDose ? largest : (unit == Unit.MG ? max.max(largest) : largest);
      b.maxPerSession(Quantity.of(top.add(random.nextBoolean() ? BigDecimal.ZERO : decimal(0, 50)), Unit.MG));
    }
    List<LimitPeriod> periods = new ArrayList<>(List.of(LimitPeriod.DAY, LimitPeriod.WEEK, LimitPeriod.COURSE));
    java.util.Collections.shuffle(periods, random);
    List<CumulativeLimit> limits = new ArrayList<>();
    for (LimitPeriod period : periods.subList(0, between(0, 3))) {
      limits.add(CumulativeLimit.builder().period(period).maximum(Quantity.of(decimal(1, 5_000), Unit.MG)).build());
    }
    b.cumulativeLimits(limits);
    b.administeredOver(optional(this::positiveDuration));
    return b.build();
  }

  /* ------------------------------------------------------------------ monitoring, steps */

  private MonitoringPlan monitoring() {
    MonitoringPlan.Builder b = MonitoringPlan.builder().minimumDuration(positiveDuration());
    if (random.nextBoolean()) {
      b.from(pick(TimeAnchor.values()));
    }
    b.observations(list(0, 3, this::monitoredObservation));
    b.endsWhen(optional(() -> condition(1)));
    return b.build();
  }

  private MonitoredObservation monitoredObservation() {
    MonitoredObservation.Builder b = MonitoredObservation.builder().code(code());
    List<Duration> at = new ArrayList<>();
    Duration next = random.nextBoolean() ? Duration.ZERO : positiveDuration();
    for (int i = between(0, 4); i > 0; i--) {
      at.add(next);
      next = next.plus(positiveDuration());
    }
    b.at(at);
    b.every(optional(this::positiveDuration));
    boolean continuous = random.nextBoolean();
    if (at.isEmpty() && !continuous) {
      b.every(positiveDuration());
    }
    if (continuous || random.nextBoolean()) {
      b.continuous(continuous);
    }
    return b.build();
  }

  private IntegrationStep integrationStep() {
    Duration earliest = random.nextInt(3) == 0 ? Duration.ZERO : positiveDuration();
    IntegrationStep.Builder b =
        IntegrationStep.builder()
            .id(uniqueId("step"))
            .kind(pick(IntegrationKind.values()))
            .title(text())
            .earliest(earliest)
            .latest(earliest.plus(positiveDuration()));
    if (random.nextBoolean()) {
      b.from(pick(AnchorPoint.values()));
    }
    if (random.nextBoolean()) {
      b.required(random.nextBoolean());
    }
    return b.build();
  }

  /* ------------------------------------------------------------------ rules and conditions */

  private Rule rule(Gate[] gates) {
    Rule.Builder b =
        Rule.builder()
            .id(uniqueId("RULE"))
            .severity(pick(Severity.values()))
            .gate(pick(gates))
            .message(message())
            .evidence(distinct(evidenceKeys, 1))
            .phases(distinct(phaseIds, 0));
    if (random.nextBoolean()) {
      b.overridable(random.nextBoolean());
    }
    if (random.nextBoolean()) {
      b.require(condition(1));
    } else {
      b.forbid(condition(1));
    }
    return b.build();
  }

  /** A condition of any kind; composites only while {@code depth < 3}, so at most 3 levels. */
  private Condition condition(int depth) {
    int kindsAvailable = depth < 3 ? 15 : 12;
    switch (random.nextInt(kindsAvailable)) {
      case 0:
        return observationThreshold();
      case 1:
        return observationTrend();
      case 2:
        return ConditionPresent.builder().label(text()).codes(codes(1, 3)).build();
      case 3:
        return MedicationPresent.builder().label(text()).codes(codes(1, 3)).build();
      case 4:
        return PatientAge.builder().comparator(pick(Comparator.values())).years(between(0, 130)).build();
      case 5: {
        Pregnancy.Builder b = Pregnancy.builder();
        if (random.nextBoolean()) {
          b.includeBreastfeeding(random.nextBoolean());
        }
        return b.build();
      }
      case 6:
        return assessment();
      case 7: {
        Duration[] bounds = orderedBounds();
        SessionInterval.Builder b =
            SessionInterval.builder()
                .session(optional(() -> pick(sessionIds.toArray(new String[0]))))
                .atLeast(Optional.ofNullable(bounds[0]))
                .atMost(Optional.ofNullable(bounds[1]));
        if (random.nextBoolean() || !kinds.contains(SessionKind.DOSING)) {
          b.sinceKind(pick(kinds.toArray(new SessionKind[0])));
        }
        return b.build();
      }
      case 8: {
        boolean perKg = random.nextBoolean();
        DoseLimit.Builder b =
            DoseLimit.builder()
                .period(pick(LimitPeriod.values()))
                .maximum(Quantity.of(decimal(1, 500), perKg ? Unit.MG_PER_KG : Unit.MG))
                .medication(optional(this::code));
        if (perKg || random.nextBoolean()) {
          b.weightMaxAge(positiveDuration());
        }
        return b.build();
      }
      case 9: {
        MonitoringElapsed.Builder b = MonitoringElapsed.builder().atLeast(positiveDuration());
        if (random.nextBoolean()) {
          b.from(pick(TimeAnchor.values()));
        }
        return b.build();
      }
      case 10:
        return AttestationPresent.builder()
            .attestation(localId())
            .elapsedAtLeast(optional(this::positiveDuration))
            .maxAge(optional(this::positiveDuration))
            .build();
      case 11: {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = between(0, 3); i > 0; i--) {
          parameters.put(parameterName(), random.nextInt(5) == 0 ? "" : text());
        }
        return ExtensionCondition.builder().name(extensionName()).parameters(parameters).build();
      }
      case 12:
        return AllOf.builder().conditions(list(1, 3, () -> condition(depth + 1))).build();
      case 13:
        return AnyOf.builder().conditions(list(1, 3, () -> condition(depth + 1))).build();
      default:
        return Not.builder().condition(condition(depth + 1)).build();
    }
  }

  private ObservationThreshold observationThreshold() {
    Object[] observed = observedCodeAndUnit();
    return ObservationThreshold.builder()
        .code((Code) observed[0])
        .comparator(pick(Comparator.values()))
        .value(Quantity.of(random.nextInt(5) == 0 ? decimal(0, 100).negate() : decimal(0, 300), (Unit) observed[1]))
        .maxAge(positiveDuration())
        .build();
  }

  private ObservationTrend observationTrend() {
    Object[] observed = observedCodeAndUnit();
    ObservationTrend.Builder b =
        ObservationTrend.builder()
            .code((Code) observed[0])
            .direction(pick(TrendDirection.values()))
            .within(positiveDuration())
            .tolerance(optional(() -> Quantity.of(decimal(0, 20), (Unit) observed[1])));
    if (random.nextBoolean()) {
      b.readings(between(2, 10));
    }
    return b.build();
  }

  private Object[] observedCodeAndUnit() {
    if (random.nextInt(4) == 0) {
      return new Object[] {code(), pick(Unit.values())};
    }
    Object[] known = KNOWN_OBSERVATIONS[random.nextInt(KNOWN_OBSERVATIONS.length)];
    // Sometimes drop the display: a code is the same concept without it.
    Code code = (Code) known[0];
    if (random.nextBoolean()) {
      code = Code.builder().system(code.system()).code(code.code()).build();
    }
    return new Object[] {code, known[1]};
  }

  private AssessmentThreshold assessment() {
    Instrument instrument = pick(Instrument.values());
    ScoreMeasure measure =
        instrument.hasYesNoItems() && random.nextBoolean()
            ? ScoreMeasure.HIGHEST_POSITIVE_ITEM
            : random.nextBoolean() ? ScoreMeasure.TOTAL : ScoreMeasure.ITEM;
    AssessmentThreshold.Builder b =
        AssessmentThreshold.builder()
            .instrument(instrument)
            .comparator(pick(Comparator.values()))
            .maxAge(positiveDuration());
    if (measure != ScoreMeasure.TOTAL || random.nextBoolean()) {
      b.measure(measure);
    }
    switch (measure) {
      case TOTAL:
        b.value(between(instrument.totalMin(), instrument.totalMax()));
        break;
      case ITEM:
        b.item(between(1, instrument.items())).value(between(instrument.itemMin(), instrument.itemMax()));
        break;
      default:
        b.value(between(0, instrument.items()));
        break;
    }
    return b.build();
  }

  /* ------------------------------------------------------------------ leaves */

  private Evidence evidence() {
    Evidence.Builder b =
        Evidence.builder()
            .key(uniqueId("EV"))
            .citation(text())
            .section(optional(this::text))
            .jurisdiction(optional(() -> pick(new String[] {"US", "EU", "UK", "HK", "CA-ON", "AU2"})));
    if (random.nextBoolean()) {
      b.confirmed(random.nextBoolean());
    }
    return b.build();
  }

  private List<Code> codes(int min, int max) {
    Map<String, Code> byConcept = new LinkedHashMap<>();
    for (int i = between(min, max); i > 0; i--) {
      Code code = code();
      byConcept.putIfAbsent(code.system() + "|" + code.code(), code);
    }
    return new ArrayList<>(byConcept.values());
  }

  private Code code() {
    String system =
        pick(new String[] {Codes.LOINC, Codes.SNOMED_CT, Codes.RXNORM, Codes.UCUM, "urn:kapsdk:test:" + localId(),
          "http://hl7.org/fhir/sid/ndc"});
    String code;
    switch (random.nextInt(4)) {
      case 0:
        code = String.valueOf(random.nextInt(1_000_000_000)); // number-looking, such as SNOMED CT ids
        break;
      case 1:
        code = random.nextInt(100_000) + "-" + random.nextInt(10); // LOINC style
        break;
      case 2:
        code = pick(TRICKY_TEXT).strip();
        code = code.isEmpty() ? "x" : code;
        break;
      default:
        code = nonBlank(text()).strip();
        code = code.isEmpty() ? "y" : code;
        break;
    }
    return Code.builder().system(system).code(code).display(optional(this::text)).build();
  }

  private String message() {
    StringBuilder out = new StringBuilder();
    for (int i = between(1, 4); i > 0; i--) {
      if (random.nextInt(3) == 0) {
        out.append(pick(PLACEHOLDERS));
      } else {
        out.append(text().replace("{", "(").replace("}", ")"));
      }
    }
    return nonBlank(out.toString());
  }

  /** Non-blank text: tricky whole strings or pieces joined, unicode and control characters included. */
  private String text() {
    if (random.nextInt(6) == 0) {
      return pick(TRICKY_TEXT);
    }
    StringBuilder out = new StringBuilder();
    for (int i = between(1, 8); i > 0; i--) {
      out.append(pick(TEXT_PIECES));
    }
    return nonBlank(out.toString());
  }

  /*
   * Extension parameter names are map keys, which YAML cannot carry line breaks in; the model
   * refuses control characters and line separators in them, so names are drawn without.
   */
  private String parameterName() {
    return nonBlank(text().replaceAll("[\\p{Cntrl}\\u0085\\u2028\\u2029]", "_"));
  }

  private static String nonBlank(String text) {
    return text.isBlank() ? text + "x" : text;
  }

  private String templateId() {
    return "t" + serial++ + "-" + pick(new String[] {"esk", "ket.iv", "kap_im", "x"});
  }

  private String uniqueId(String prefix) {
    return prefix + "-" + serial++ + (random.nextBoolean() ? "" : "." + localIdTail());
  }

  private String localId() {
    return ID_START.charAt(random.nextInt(ID_START.length())) + localIdTail();
  }

  private String localIdTail() {
    StringBuilder out = new StringBuilder();
    for (int i = between(0, 10); i > 0; i--) {
      out.append(ID_REST.charAt(random.nextInt(ID_REST.length())));
    }
    return out.toString();
  }

  private String extensionName() {
    StringBuilder out = new StringBuilder("ext");
    for (int i = between(0, 3); i > 0; i--) {
      out.append(random.nextBoolean() ? '.' : '-').append("p").append(random.nextInt(100));
    }
    return out.toString();
  }

  private String version() {
    String core = random.nextInt(10) + "." + random.nextInt(20) + "." + random.nextInt(100);
    switch (random.nextInt(4)) {
      case 0:
        return core + "-rc." + random.nextInt(5);
      case 1:
        return core + "+build." + random.nextInt(1000);
      default:
        return core;
    }
  }

  /** A positive decimal-or-whole value in [low, high), with up to 4 decimals. */
  private BigDecimal decimal(int low, int high) {
    BigDecimal whole = BigDecimal.valueOf(low + random.nextInt(Math.max(1, high - low)));
    int scale = random.nextInt(5);
    BigDecimal fraction = scale == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(random.nextInt((int) Math.pow(10, scale)), scale);
    BigDecimal value = whole.add(fraction);
    return value.signum() == 0 ? new BigDecimal("0.5") : value;
  }

  /** A positive whole-second duration in a random unit. */
  private Duration positiveDuration() {
    int unit = random.nextInt(TIME_UNITS.length);
    return Duration.ofSeconds(between(1, 200) * TIME_SECONDS[unit]);
  }

  private Duration duration(int lowMinutes, int highMinutes) {
    return Duration.ofMinutes(between(lowMinutes, highMinutes));
  }

  private static final Instrument[] OUTCOME_INSTRUMENTS = {
    Instrument.PHQ9, Instrument.GAD7, Instrument.MADRS, Instrument.QIDS_SR16, Instrument.BDI2, Instrument.PCL5
  };

  private int between(int low, int high) {
    return low + random.nextInt(high - low + 1);
  }

  private <T> T pick(T[] values) {
    return values[random.nextInt(values.length)];
  }

  private <T> Optional<T> optional(Supplier<T> supplier) {
    return random.nextBoolean() ? Optional.of(supplier.get()) : Optional.empty();
  }

  private <T> List<T> list(int min, int max, Supplier<T> supplier) {
    List<T> out = new ArrayList<>();
    for (int i = between(min, max); i > 0; i--) {
      out.add(supplier.get());
    }
    return out;
  }

  private List<String> distinct(List<String> from, int min) {
    List<String> shuffled = new ArrayList<>(from);
    java.util.Collections.shuffle(shuffled, random);
    return shuffled.subList(0, between(Math.min(min, shuffled.size()), Math.min(3, shuffled.size())));
  }
}
