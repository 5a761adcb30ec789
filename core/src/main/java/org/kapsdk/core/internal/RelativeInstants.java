package org.kapsdk.core.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Instants in documents: ISO-8601 ({@code 2026-01-05T09:00:00Z}), or, where the reader set a test
 * clock, relative to it ({@code T0}, {@code T0+40m}, {@code T0-1d}, {@code T0+1d+2h}; units s,
 * m or min, h, d, w or wk).
 */
public final class RelativeInstants {
  /** The context attribute holding the {@link Instant} that {@code T0} stands for. */
  public static final String CLOCK_ATTRIBUTE = "kapsdk.t0";

  static final String EXPECTED =
      "expected an ISO-8601 instant such as 2026-01-05T09:00:00Z, or a time relative to the test clock such as T0, T0+40m, T0-1d";

  private static final Pattern RELATIVE = Pattern.compile("T0((?:\\s*[+-]\\s*\\d{1,9}\\s*(?:s|m|min|h|d|w|wk))*)");
  private static final Pattern STEP = Pattern.compile("([+-])\\s*(\\d{1,9})\\s*(s|min|m|h|d|wk|w)");

  private RelativeInstants() {}

  /** Parses the text against a clock; the clock may be null when only absolute instants are allowed. */
  public static Instant parse(String text, Instant clock) {
    String t = text.strip();
    Matcher m = RELATIVE.matcher(t);
    if (m.matches()) {
      if (clock == null) {
        throw new IllegalArgumentException("'" + t + "' is relative to a test clock, but this document has none; give an ISO-8601 instant");
      }
      Instant result = clock;
      Matcher step = STEP.matcher(m.group(1));
      while (step.find()) {
        long amount = Long.parseLong(step.group(2));
        Duration d;
        switch (step.group(3)) {
          case "s":
            d = Duration.ofSeconds(amount);
            break;
          case "m":
          case "min":
            d = Duration.ofMinutes(amount);
            break;
          case "h":
            d = Duration.ofHours(amount);
            break;
          case "d":
            d = Duration.ofDays(amount);
            break;
          default:
            d = Duration.ofDays(7 * amount);
        }
        result = step.group(1).equals("+") ? result.plus(d) : result.minus(d);
      }
      return result;
    }
    try {
      return Instant.parse(t);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + t + "' is not a time; " + EXPECTED);
    }
  }

  /** The Jackson deserializer the SDK's mappers use for {@link Instant}. */
  static final class Deserializer extends JsonDeserializer<Instant> {
    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (!p.hasToken(JsonToken.VALUE_STRING)) {
        return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
      }
      Object clock = ctxt.getAttribute(CLOCK_ATTRIBUTE);
      try {
        return parse(p.getText(), clock instanceof Instant i ? i : null);
      } catch (IllegalArgumentException e) {
        return (Instant) ctxt.handleWeirdStringValue(Instant.class, p.getText(), e.getMessage());
      }
    }
  }
}
