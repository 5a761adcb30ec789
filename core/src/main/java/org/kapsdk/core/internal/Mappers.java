package org.kapsdk.core.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * The one place where the SDK's Jackson mappers are configured. Reading is strict, because a
 * clinical document must never be half-understood: unknown fields, duplicate keys, nulls, numbers
 * written as strings, fractions where whole numbers belong, trailing content and over-deep or
 * over-large input are all errors. Writing is deterministic, so the same value always gives the
 * same bytes.
 */
public final class Mappers {
  /** Largest document the readers accept; protocol documents are a few kilobytes. */
  public static final int MAX_DOCUMENT_BYTES = 4 * 1024 * 1024;
  /** Deepest nesting the readers accept. */
  public static final int MAX_NESTING_DEPTH = 64;

  private static final ObjectMapper JSON = configure(JsonMapper.builder(jsonFactory()).build());
  private static final ObjectMapper YAML = configure(yamlMapper());

  private Mappers() {}

  /** The shared JSON mapper; thread-safe, never to be reconfigured. */
  public static ObjectMapper json() {
    return JSON;
  }

  /** The shared YAML mapper; thread-safe, never to be reconfigured. */
  public static ObjectMapper yaml() {
    return YAML;
  }

  private static JsonFactory jsonFactory() {
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(constraints())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();
    return factory;
  }

  private static StreamReadConstraints constraints() {
    return StreamReadConstraints.builder()
        .maxNestingDepth(MAX_NESTING_DEPTH)
        .maxDocumentLength(MAX_DOCUMENT_BYTES)
        .maxStringLength(MAX_DOCUMENT_BYTES)
        .maxNumberLength(64)
        .build();
  }

  private static ObjectMapper yamlMapper() {
    LoaderOptions loader = new LoaderOptions();
    loader.setAllowDuplicateKeys(false);
    loader.setNestingDepthLimit(MAX_NESTING_DEPTH);
    loader.setCodePointLimit(MAX_DOCUMENT_BYTES);
    loader.setMaxAliasesForCollections(20);
    loader.setAllowRecursiveKeys(false);
    YAMLFactory factory =
        new LineBreakSafeYamlFactory.Builder()
            .loaderOptions(loader)
            .streamReadConstraints(constraints())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .disable(YAMLGenerator.Feature.USE_NATIVE_TYPE_ID)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build();
    return YAMLMapper.builder(factory).build();
  }

  private static ObjectMapper configure(ObjectMapper mapper) {
    mapper.registerModule(new Jdk8Module());
    mapper.registerModule(new JavaTimeModule());
    mapper.registerModule(durationModule());
    mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    // A value the model computes (a template's sessions, its placeholders) is never read from a file.
    mapper.enable(DeserializationFeature.FAIL_ON_IGNORED_PROPERTIES);
    mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
    mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    mapper.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    // Wrapping keeps the path of a failure inside nested values; the reader unwraps it.
    mapper.enable(DeserializationFeature.WRAP_EXCEPTIONS);
    mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
    mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    mapper.disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
    mapper.enable(SerializationFeature.INDENT_OUTPUT);
    mapper.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    mapper.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
    mapper.setDefaultSetterInfo(JsonSetter.Value.forValueNulls(Nulls.FAIL, Nulls.FAIL));
    // Absent optionals and empty lists are left out; the content of a present value is always
    // written, so that a map entry whose value is "" survives a round trip.
    mapper.setDefaultPropertyInclusion(
        JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, JsonInclude.Include.ALWAYS));
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
    printer.indentArraysWith(new DefaultIndenter("  ", "\n"));
    mapper.setDefaultPrettyPrinter(printer);
    return mapper;
  }

  private static SimpleModule durationModule() {
    SimpleModule module = new SimpleModule("kapsdk-durations");
    module.addSerializer(
        Duration.class,
        new JsonSerializer<Duration>() {
          @Override
          public void serialize(Duration value, JsonGenerator gen, SerializerProvider provider)
              throws IOException {
            gen.writeString(DurationText.format(value));
          }
        });
    module.addDeserializer(java.time.Instant.class, new RelativeInstants.Deserializer());
    module.addDeserializer(
        Duration.class,
        new JsonDeserializer<Duration>() {
          @Override
          public Duration deserialize(JsonParser p, DeserializationContext ctxt)
              throws IOException {
            if (!p.hasToken(com.fasterxml.jackson.core.JsonToken.VALUE_STRING)) {
              return (Duration) ctxt.handleUnexpectedToken(Duration.class, p);
            }
            try {
              return DurationText.parse(p.getText());
            } catch (IllegalArgumentException e) {
              return (Duration) ctxt.handleWeirdStringValue(Duration.class, p.getText(), DurationText.EXPECTED);
            }
          }
        });
    return module;
  }

  /**
   * A YAML factory whose generator writes in double quotes, where they are escaped, text holding
   * a carriage return, NEL, line separator or paragraph separator, and text that looks like a
   * YAML 1.1 base-60 float. Left to the default plain, single-quoted or literal style, a YAML
   * reader turns the first into line breaks or folds them into spaces and resolves the second as
   * a number, so the text would not survive a round trip (or the document would not parse at
   * all).
   */
  private static final class LineBreakSafeYamlFactory extends YAMLFactory {
    private static final long serialVersionUID = 1L;

    LineBreakSafeYamlFactory(YAMLFactoryBuilder builder) {
      super(builder);
    }

    @Override
    protected YAMLGenerator _createGenerator(Writer out, IOContext ctxt) throws IOException {
      return new YAMLGenerator(
          ctxt, _generatorFeatures, _yamlGeneratorFeatures, _quotingChecker, _objectCodec, out, _version) {
        @Override
        public void writeString(String text) throws IOException {
          if (text != null && (needsEscapedLineBreaks(text) || SEXAGESIMAL_FLOAT.matcher(text).matches())) {
            _verifyValueWrite("write String value");
            _writeScalar(text, "string", DumperOptions.ScalarStyle.DOUBLE_QUOTED);
          } else {
            super.writeString(text);
          }
        }
      };
    }

    /**
     * YAML 1.1's base-60 float ({@code 1:20:30.}, {@code -0:5.5}): the default quoting leaves it
     * plain, a YAML reader then resolves it as a float, and Jackson cannot parse that float, so
     * the document would not read back. Such text is written double-quoted.
     */
    private static final java.util.regex.Pattern SEXAGESIMAL_FLOAT =
        java.util.regex.Pattern.compile("[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*");

    private static boolean needsEscapedLineBreaks(String text) {
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
          return true;
        }
      }
      return false;
    }

    /** Builds the factory with the usual YAML factory settings. */
    static final class Builder extends YAMLFactoryBuilder {
      Builder() {
        super();
      }

      @Override
      public YAMLFactory build() {
        return new LineBreakSafeYamlFactory(this);
      }
    }
  }
}
