package org.electionprep.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** What officials read lives in texts.properties: every text the code asks for is there, and no other place has one. */
class TextsTest {

    private static final Path BUNDLE = Path.of("src/main/resources/org/electionprep/texts.properties");
    private static final Path SOURCES = Path.of("src/main/java/org/electionprep");
    private static final Pattern ASKED = Pattern.compile("Texts\\.get\\(\\s*\"([^\"]+)\"\\s*([,)+])");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\.)*\"");
    private static final Pattern PERSIAN = Pattern.compile("[\\u0600-\\u06FF\\uFB50-\\uFDFF\\uFE70-\\uFEFF]");
    private static final Pattern PLACE = Pattern.compile("\\{(\\d+)}");

    @Test
    void everyKeyTheCodeAsksForIsInTheBundleAndEveryKeyOfTheBundleIsAskedFor() throws IOException {
        Properties bundle = bundle();
        Set<String> keys = new TreeSet<>();
        Set<String> prefixes = new TreeSet<>();
        for (String code : sources().values()) {
            Matcher asked = ASKED.matcher(code);
            while (asked.find()) {
                (asked.group(2).equals("+") ? prefixes : keys).add(asked.group(1));
            }
        }

        assertThat(keys).as("keys the code asks for").isNotEmpty().allMatch(bundle::containsKey, "in the bundle");
        assertThat(bundle.stringPropertyNames()).as("keys nobody asks for")
                .allMatch(key -> keys.contains(key) || prefixes.stream().anyMatch(key::startsWith), "asked for");
    }

    @Test
    void everyTextNumbersItsPlacesFromZeroAndFormatsAsWritten() throws IOException {
        Properties bundle = bundle();
        for (String key : bundle.stringPropertyNames()) {
            String text = bundle.getProperty(key);
            TreeSet<Integer> places = new TreeSet<>();
            Matcher place = PLACE.matcher(text);
            while (place.find()) {
                places.add(Integer.parseInt(place.group(1)));
            }
            Object[] values = places.stream().map(i -> "<" + i + ">").toArray();
            String formatted = new MessageFormat(text).format(values);

            assertThat(places).as("places of %s", key).isEqualTo(places.isEmpty() ? Set.of()
                    : new TreeSet<>(java.util.stream.IntStream.range(0, places.last() + 1).boxed().toList()));
            assertThat(formatted).as("%s loses no apostrophe or brace", key)
                    .isEqualTo(text.replace("''", "'").replaceAll("'([{}])'", "$1").replaceAll("\\{(\\d+)}", "<$1>"));
        }
    }

    @Test
    void theBundleHasEachKeyOnce() throws IOException {
        List<String> keys = new ArrayList<>();
        for (String line : Files.readAllLines(BUNDLE, StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                keys.add(line.substring(0, line.indexOf('=')).strip());
            }
        }

        assertThat(keys).doesNotHaveDuplicates();
    }

    @Test
    void noPersianTextIsWrittenInTheCodeOutsideTheDemo() throws IOException {
        Map<String, List<String>> literals = new TreeMap<>();
        sources().forEach((file, code) -> {
            // The demo's names and addresses are data, not texts of the app.
            if (file.startsWith("demo/")) {
                return;
            }
            Matcher literal = STRING_LITERAL.matcher(withoutComments(code));
            while (literal.find()) {
                if (PERSIAN.matcher(literal.group()).find()) {
                    literals.computeIfAbsent(file, f -> new ArrayList<>()).add(literal.group());
                }
            }
        });

        assertThat(literals).isEmpty();
    }

    @Test
    void aTextGetsItsValuesAsTheyAreWritten() {
        assertThat(Texts.get("values.not-a-number", "12x")).isEqualTo("«12x» عدد نیست");
    }

    private static Properties bundle() throws IOException {
        Properties bundle = new Properties();
        try (var reader = Files.newBufferedReader(BUNDLE, StandardCharsets.UTF_8)) {
            bundle.load(reader);
        }
        return bundle;
    }

    private static Map<String, String> sources() throws IOException {
        Map<String, String> sources = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                sources.put(SOURCES.relativize(file).toString().replace('\\', '/'), Files.readString(file));
            }
        }
        return sources;
    }

    private static String withoutComments(String code) {
        return code.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)^\\s*//.*$", "");
    }
}
