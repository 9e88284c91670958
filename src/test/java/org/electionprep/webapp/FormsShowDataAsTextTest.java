package org.electionprep.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * Tasklist renders a form-js text component as Markdown and HTML after it has put process data into the
 * component's {@code {{...}}} templates or FEEL expression, so a station or county name such as
 * {@code [click](https://x)} or {@code <img src=...>} would become a live link or element on the official's screen.
 * The task forms therefore show process data only in disabled fields, which display it as plain text and leave it
 * out of what the form submits.
 */
class FormsShowDataAsTextTest {

    private static final List<Path> FORM_FOLDERS = List.of(Path.of("processes", "forms"),
            Path.of("processes", "county", "forms"));

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void noFormRendersProcessDataAsMarkdown() throws IOException {
        List<Path> forms = forms();

        List<String> problems = new ArrayList<>();
        for (Path form : forms) {
            for (JsonNode component : components(json.readTree(form.toFile()).path("components"))) {
                String where = form + " " + component.path("id").asText();
                String text = component.path("text").asText("");
                if ("text".equals(component.path("type").asText())) {
                    if (text.contains("{{")) {
                        problems.add(where + ": a {{template}} in a text component");
                    }
                    if (text.startsWith("=")) {
                        problems.add(where + ": a FEEL expression as the text of a text component");
                    }
                }
                if (component.path("id").asText().endsWith("_shown") && !component.path("disabled").booleanValue()) {
                    problems.add(where + ": a field that shows process data is not disabled");
                }
            }
        }

        assertThat(forms).as("forms under " + FORM_FOLDERS).hasSizeGreaterThanOrEqualTo(15);
        assertThat(problems).isEmpty();
    }

    private static List<Path> forms() throws IOException {
        List<Path> forms = new ArrayList<>();
        for (Path folder : FORM_FOLDERS) {
            try (Stream<Path> files = Files.walk(folder)) {
                files.filter(Files::isRegularFile).filter(file -> file.getFileName().toString().endsWith(".form"))
                        .sorted().forEach(forms::add);
            }
        }
        return forms;
    }

    /** A form's components and, depth first, those nested in its groups. */
    private static List<JsonNode> components(JsonNode components) {
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode component : components) {
            all.add(component);
            all.addAll(components(component.path("components")));
        }
        return all;
    }
}
