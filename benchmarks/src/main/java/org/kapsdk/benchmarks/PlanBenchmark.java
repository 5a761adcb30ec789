package org.kapsdk.benchmarks;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.kapsdk.core.io.ProtocolFiles;
import org.kapsdk.core.model.ProtocolTemplate;
import org.kapsdk.core.plan.ClinicCalendar;
import org.kapsdk.core.plan.CoursePlan;
import org.kapsdk.core.plan.CoursePlanner;
import org.kapsdk.core.plan.PlanOptions;
import org.kapsdk.core.plan.Replan;
import org.kapsdk.core.plan.ReplanInput;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Planning the sample esketamine course for 6 months (26 weeks: screening, 8 induction sessions,
 * 4 weekly, then every 2 weeks to the horizon, each with its REMS form step and assessments) on
 * a calendar closed at weekends and on two public holidays; and re-planning it after two held
 * sessions and a missed one. What a host pays to show a schedule or a status.
 *
 * <p>Reads the sample template from {@code examples/templates/esketamine-trd-sample.yaml} with
 * the sample clinic profile {@code examples/profiles/sample-clinic.yaml} (override with {@code
 * -Dkapsdk.template=PATH} and {@code -Dkapsdk.profile=PATH}), so run it from the repository root: {@code
 * ./mvnw -B -Pbenchmarks -pl benchmarks -am package -DskipTests && java -jar
 * benchmarks/target/benchmarks.jar Plan -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PlanBenchmark {
  private static final LocalDate START = LocalDate.of(2026, 1, 5);

  private ProtocolTemplate template;
  private ClinicCalendar calendar;
  private PlanOptions sixMonths;
  private CoursePlan plan;
  private ReplanInput disrupted;

  @Setup
  public void setUp() {
    template = ProtocolFiles.read(Path.of(System.getProperty("kapsdk.template", "examples/templates/esketamine-trd-sample.yaml")),
        Path.of(System.getProperty("kapsdk.profile", "examples/profiles/sample-clinic.yaml")));
    calendar = ClinicCalendar.builder()
        .zone(ZoneId.of("America/New_York"))
        .closedWeekdays(Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY))
        .closedDates(Set.of(LocalDate.of(2026, 1, 19), LocalDate.of(2026, 2, 16)))
        .build();
    sixMonths = PlanOptions.builder().horizon(Duration.ofDays(26 * 7)).build();
    plan = CoursePlanner.plan(template, START, calendar, sixMonths);
    String first = plan.sessions().get(2).id();
    String second = plan.sessions().get(3).id();
    String third = plan.sessions().get(4).id();
    disrupted = ReplanInput.builder()
        .held(Map.of(first, plan.sessions().get(2).target(), second, plan.sessions().get(3).target().plusDays(1)))
        .missed(Set.of(third))
        .asOf(plan.sessions().get(4).latest().plusDays(1))
        .build();
  }

  @Benchmark
  public CoursePlan planSixMonths() {
    return CoursePlanner.plan(template, START, calendar, sixMonths);
  }

  @Benchmark
  public Replan replanAfterAMissedSession() {
    return CoursePlanner.replan(template, plan, disrupted);
  }
}
