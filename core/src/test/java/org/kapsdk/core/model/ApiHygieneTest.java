package org.kapsdk.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Generated {@code Immutable*} classes stay hidden: none is public, and no public method or
 * constructor of a public core type mentions one (or any other {@code Immutable*} type, such as
 * Guava's collections) in its signature.
 */
class ApiHygieneTest {

  private static final Pattern TYPE_NAME = Pattern.compile("[\\w$.]+");

  private static List<Class<?>> coreClasses;

  @BeforeAll
  static void loadCoreClasses() throws IOException, URISyntaxException {
    Path root = Path.of(StructuralChecks.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    assertThat(root).isDirectory();
    List<Class<?>> classes = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root.resolve("org/kapsdk/core"))) {
      for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
        String relative = root.relativize(file).toString();
        String name = relative.substring(0, relative.length() - ".class".length()).replace(file.getFileSystem().getSeparator(), ".");
        try {
          classes.add(Class.forName(name, false, ApiHygieneTest.class.getClassLoader()));
        } catch (ClassNotFoundException e) {
          throw new AssertionError("cannot load " + name, e);
        }
      }
    }
    coreClasses = classes;
  }

  @Test
  void generatedImmutableClasses_areNotPublic() {
    List<Class<?>> generated =
        coreClasses.stream()
            .filter(c -> c.getEnclosingClass() == null && c.getSimpleName().startsWith("Immutable"))
            .toList();

    assertThat(generated)
        .as("generated classes found")
        .hasSizeGreaterThanOrEqualTo(35)
        .contains(classNamed("org.kapsdk.core.model.ImmutableProtocolTemplate"));
    assertThat(generated).filteredOn(c -> Modifier.isPublic(c.getModifiers())).isEmpty();
  }

  @Test
  void publicSignatures_neverMentionImmutableTypes() {
    List<String> offenders = new ArrayList<>();
    for (Class<?> type : coreClasses) {
      if (!isPubliclyVisible(type)) {
        continue;
      }
      List<Executable> members = new ArrayList<>(List.of(type.getMethods()));
      members.addAll(List.of(type.getConstructors()));
      for (Executable member : members) {
        List<Type> types = new ArrayList<>(List.of(member.getGenericParameterTypes()));
        if (member instanceof Method m) {
          types.add(m.getGenericReturnType());
        }
        for (Type t : types) {
          if (mentionsImmutable(t)) {
            offenders.add(type.getName() + "#" + member.getName() + ": " + t.getTypeName());
          }
        }
      }
    }

    assertThat(offenders).isEmpty();
  }

  @Test
  void publicSignatureCheck_recognisesImmutableTypes() {
    Type guavaList = com.google.common.collect.ImmutableList.class;

    assertThat(mentionsImmutable(guavaList)).isTrue();
    assertThat(mentionsImmutable(List.class)).isFalse();
  }

  private static boolean isPubliclyVisible(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
      if (!Modifier.isPublic(c.getModifiers())) {
        return false;
      }
    }
    return true;
  }

  private static boolean mentionsImmutable(Type type) {
    Matcher m = TYPE_NAME.matcher(type.getTypeName());
    while (m.find()) {
      String[] parts = m.group().split("[.$]");
      for (String part : parts) {
        if (part.startsWith("Immutable")) {
          return true;
        }
      }
    }
    return false;
  }

  private static Class<?> classNamed(String name) {
    return coreClasses.stream()
        .filter(c -> c.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("not found: " + name));
  }
}
