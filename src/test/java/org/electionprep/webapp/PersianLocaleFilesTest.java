package org.electionprep.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Persian translation of each webapp against the English file that the Camunda webjar on the classpath ships:
 * the same keys, and every text that has letters in English has Persian letters and is not the English text (a few
 * product names excepted). An upgrade that adds labels fails here until they are translated.
 */
class PersianLocaleFilesTest {

    private static final String BASE = "META-INF/resources/webjars/camunda/app/";
    private static final Set<String> PRODUCT_NAMES = Set.of("Camunda", "BPMN", "DMN", "CMMN", "DRD", "JSON", "XML",
            "REST", "API", "FEEL", "JUEL", "LDAP", "OK");
    /** Labels of the app's own password rule (PasswordRules), which Camunda's English files do not have. */
    private static final Set<String> APP_LABELS = Set.of("PASSWORD_POLICY_COMMON");
    private static final Pattern LATIN_LETTER = Pattern.compile("[A-Za-z]");
    private static final Pattern PERSIAN_LETTER = Pattern.compile("[\\u0600-\\u06FF]");
    private static final Pattern ARABIC_YEH_KAF = Pattern.compile("[\\u064A\\u0643]");

    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void everyEnglishLabelOfTheWebappHasAPersianOne(String app) throws IOException {
        JsonNode english = read(app, "en");
        JsonNode persian = read(app, "fa");

        List<String> problems = new ArrayList<>();
        Map<String, JsonNode> persianLabels = fields(persian.get("labels"));
        for (Map.Entry<String, JsonNode> label : fields(english.get("labels")).entrySet()) {
            String key = label.getKey();
            String en = label.getValue().asText();
            JsonNode fa = persianLabels.get(key);
            if (fa == null) {
                problems.add(key + ": missing");
            } else if (LATIN_LETTER.matcher(en).find() && !PRODUCT_NAMES.contains(fa.asText().strip())) {
                if (fa.asText().equals(en)) {
                    problems.add(key + ": still the English text");
                } else if (!PERSIAN_LETTER.matcher(fa.asText()).find()) {
                    problems.add(key + ": no Persian letter in '" + fa.asText() + "'");
                }
            }
            if (fa != null && ARABIC_YEH_KAF.matcher(fa.asText()).find()) {
                problems.add(key + ": Arabic ي or ك instead of Persian ی or ک");
            }
        }
        persianLabels.keySet().stream().filter(key -> !english.get("labels").has(key) && !APP_LABELS.contains(key))
                .forEach(key -> problems.add(key + ": not a label of the shipped English file"));

        assertThat(problems).as(app + " fa.json").isEmpty();
        if (english.has("dateLocales")) {
            assertThat(persian.get("dateLocales").get("weekdays").get(6).asText()).isEqualTo("شنبه");
        }
    }

    /** The English file comes from Camunda's webjar, the Persian one from this app: both at the same path. */
    private JsonNode read(String app, String locale) throws IOException {
        String path = BASE + app + "/locales/" + locale + ".json";
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path + " on the classpath").isNotNull();
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return json.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
        }
    }

    private static Map<String, JsonNode> fields(JsonNode node) {
        Map<String, JsonNode> out = new java.util.LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            out.put(field.getKey(), field.getValue());
        }
        return out;
    }
}
