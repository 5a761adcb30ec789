package org.kapsdk.core.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * The file form of a parameter value: text such as {@code 30 min} or {@code 90 mmHg}, or a whole
 * number such as {@code 5}. Reading accepts either token and keeps the text (a number as its
 * digits); writing gives a whole number back as a number, anything else as text, so
 * {@code min: 5} and {@code min: 30 min} both survive a round trip unchanged.
 *
 * <p>Only fields that hold a parameter value in its text form use this; everywhere else the
 * readers stay strict about numbers written as text and text written as numbers.
 */
public final class ScalarText {
  private static final Pattern WHOLE = Pattern.compile("-?[0-9]{1,18}");

  private ScalarText() {}

  /** Reads a text or whole-number token as text. */
  public static final class Deserializer extends JsonDeserializer<String> {
    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.hasToken(JsonToken.VALUE_STRING)) {
        return p.getText();
      }
      if (p.hasToken(JsonToken.VALUE_NUMBER_INT)) {
        return p.getBigIntegerValue().toString();
      }
      return (String) ctxt.handleUnexpectedToken(String.class, p);
    }
  }

  /** Writes whole numbers as numbers and everything else as text. */
  public static final class Serializer extends JsonSerializer<String> {
    @Override
    public void serialize(String value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      if (WHOLE.matcher(value).matches()) {
        gen.writeNumber(new BigInteger(value));
      } else {
        gen.writeString(value);
      }
    }
  }
}
