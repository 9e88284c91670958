package org.electionprep.shared.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import org.junit.jupiter.api.Test;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Repository;
import org.springframework.stereotype.Service;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Reads every model and form under processes/ and holds them to the contract in this package: a variable, message,
 * bean or element id that one side renames and the other does not fails here, not in a county's Tasklist.
 */
class ProcessContractTest {

    private static final Path PROCESSES = Path.of("processes");
    private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    private static final Set<String> EL_WORDS = Set.of("true", "false", "null", "empty", "not", "and", "or", "eq", "ne",
            "lt", "gt", "le", "ge", "div", "mod", "instanceof");
    /** What the engine itself gives an expression. */
    private static final Set<String> ENGINE_NAMES = Set.of("execution", "task");
    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{(.*?)}", Pattern.DOTALL);
    private static final Pattern NAME = Pattern.compile("(?<![\\w.])([A-Za-z_]\\w*)(\\s*[.(])?");

    /** What a model uses, as read from its XML and its forms. */
    record ModelUse(String key, String file, Set<String> variables, Set<String> beans, Set<String> messages,
                    Set<String> ids) {
    }

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyModelUnderProcessesHasExactlyOneContractAndEveryContractAModel() throws Exception {
        Map<String, String> modelFiles = new TreeMap<>();
        for (ModelUse model : models()) {
            modelFiles.put(model.key(), model.file());
        }
        Map<String, String> declared = new TreeMap<>();
        Processes.ALL.forEach(contract -> declared.put(contract.key(), contract.model()));

        assertThat(declared).isEqualTo(modelFiles);
    }

    @Test
    void everyVariableAModelOrItsFormsUseIsDeclaredInItsContract() throws Exception {
        for (ModelUse model : models()) {
            Set<String> declared = contract(model.key()).variables().stream().map(Var::name)
                    .collect(Collectors.toSet());

            assertThat(model.variables()).as("variables of %s not in its contract", model.file())
                    .allMatch(declared::contains, "declared");
        }
    }

    @Test
    void eachModelWaitsForExactlyTheMessagesItsContractDeclares() throws Exception {
        for (ModelUse model : models()) {
            Set<String> declared = contract(model.key()).messages().stream().map(Message::name)
                    .collect(Collectors.toCollection(TreeSet::new));

            assertThat(new TreeSet<>(model.messages())).as("messages of %s", model.file()).isEqualTo(declared);
        }
    }

    @Test
    void eachModelCallsExactlyTheBeansItsContractDeclaresAndEachIsABeanOfTheApp() throws Exception {
        Set<String> beans = beansOfTheApp();
        for (ModelUse model : models()) {
            ProcessContract contract = contract(model.key());

            assertThat(new TreeSet<>(model.beans())).as("beans of %s", model.file())
                    .isEqualTo(new TreeSet<>(contract.beans()));
            assertThat(contract.beans()).as("a bean of the app for each bean %s calls", model.file())
                    .allMatch(beans::contains, "a bean of the app");
        }
    }

    @Test
    void everyElementTheCodeRefersToIsInItsModel() throws Exception {
        for (ModelUse model : models()) {
            Set<String> declared = contract(model.key()).elements().stream()
                    .map(org.electionprep.shared.process.Element::id).collect(Collectors.toSet());

            assertThat(model.ids()).as("elements of %s", model.file()).containsAll(declared);
        }
    }

    @Test
    void theFiltersOfAccessYmlNameOnlyTasksTheContractsDeclare() throws IOException {
        Set<String> declared = new TreeSet<>();
        Processes.ALL.forEach(contract -> contract.elements().forEach(element -> declared.add(element.id())));
        Matcher keys = Pattern.compile("task-keys:\\s*\\[([^]]*)]")
                .matcher(Files.readString(Path.of("src/main/resources/access.yml")));
        List<String> named = new ArrayList<>();
        while (keys.find()) {
            Arrays.stream(keys.group(1).split(",")).map(String::strip).forEach(named::add);
        }

        assertThat(named).isNotEmpty().allMatch(declared::contains, "a declared element");
    }

    @Test
    void theDecisionTableHasTheDeclaredKeyInputsOutputAndClasses() throws Exception {
        Document dmn = parse(Files.readString(PROCESSES.resolve("connectivity-classification.dmn")));
        Element decision = (Element) dmn.getElementsByTagNameNS("*", "decision").item(0);
        Set<String> inputs = texts(dmn, "inputExpression");
        Element output = (Element) dmn.getElementsByTagNameNS("*", "output").item(0);
        Set<String> classes = texts(dmn, "outputEntry").stream().map(text -> text.replace("\"", ""))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(decision.getAttribute("id")).isEqualTo(ConnectivityClassification.KEY);
        assertThat(inputs).containsExactlyInAnyOrder(ConnectivityClassification.LOSS_PERCENT,
                ConnectivityClassification.LATENCY_MS);
        assertThat(output.getAttribute("name")).isEqualTo(ConnectivityClassification.OUTPUT);
        assertThat(classes).isEqualTo(Arrays.stream(ConnectivityClassification.Result.values()).map(Enum::name)
                .collect(Collectors.toCollection(TreeSet::new)));
    }

    @Test
    void theCodeReachesProcessVariablesAndKeysOnlyThroughTheContract() throws IOException {
        Pattern literalUse = Pattern.compile("(?:[gs]etVariable(?:Local)?|removeVariables?)\\(\\s*\"");
        Set<String> keys = Processes.ALL.stream().map(ProcessContract::key).collect(Collectors.toSet());
        keys.add(ConnectivityClassification.KEY);
        Map<String, List<String>> offences = new TreeMap<>();
        Path sources = Path.of("src/main/java/org/electionprep");
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (file.startsWith(sources.resolve("shared/process"))) {
                    continue;
                }
                String code = Files.readString(file);
                if (literalUse.matcher(code).find()) {
                    offences.computeIfAbsent(file.toString(), f -> new ArrayList<>())
                            .add("a variable by its literal name");
                }
                keys.stream().filter(key -> code.contains("\"" + key + "\"")).forEach(key -> offences
                        .computeIfAbsent(file.toString(), f -> new ArrayList<>()).add("the key " + key));
            }
        }

        assertThat(offences).isEmpty();
    }

    @Test
    void theReaderFindsWhatAModelUsesWhereverItUsesIt() throws Exception {
        String model = """
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                             xmlns:camunda="http://camunda.org/schema/1.0/bpmn">
                  <process id="probe">
                    <serviceTask id="work" camunda:delegateExpression="${doWorkDelegate}"/>
                    <userTask id="ask" camunda:candidateGroups="group-${countyCode}">
                      <multiInstanceLoopCharacteristics camunda:collection="${fallbacks.candidates(regionCode)}"
                                                        camunda:elementVariable="candidate"/>
                    </userTask>
                    <callActivity id="call"><extensionElements>
                      <camunda:in source="milestone" target="milestone"/>
                    </extensionElements></callActivity>
                    <sequenceFlow id="flow"><conditionExpression>${answer == 'yes' and empty note}</conditionExpression>
                    </sequenceFlow>
                    <intermediateCatchEvent id="wait"><messageEventDefinition messageRef="m"/></intermediateCatchEvent>
                  </process>
                  <message id="m" name="somethingHappened"/>
                </definitions>
                """;

        ModelUse use = read(parse(model), "probe.bpmn");

        assertThat(use.variables()).containsExactlyInAnyOrder("countyCode", "regionCode", "candidate", "milestone",
                "answer", "note");
        assertThat(use.beans()).containsExactlyInAnyOrder("doWorkDelegate", "fallbacks");
        assertThat(use.messages()).containsExactly("somethingHappened");
        assertThat(use.ids()).contains("work", "ask", "call", "flow", "wait");
    }

    /** Spring's names for the app's components: the stereotype's value, else the class name in lower camel case. */
    private static Set<String> beansOfTheApp() {
        Set<String> names = new TreeSet<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.electionprep")) {
            for (Class<? extends Annotation> stereotype : List.of(Component.class, Service.class, Repository.class)) {
                type.tryGetAnnotationOfType(stereotype).ifPresent(annotation -> {
                    String value = (String) AnnotationUtils.getValue(annotation);
                    names.add(value == null || value.isEmpty()
                            ? Character.toLowerCase(type.getSimpleName().charAt(0)) + type.getSimpleName().substring(1)
                            : value);
                });
            }
        }
        return names;
    }

    private static ProcessContract contract(String key) {
        return Processes.ALL.stream().filter(contract -> contract.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no contract for the model '" + key + "'"));
    }

    private List<ModelUse> models() throws Exception {
        Map<String, JsonNode> forms = new HashMap<>();
        List<Path> bpmn = new ArrayList<>();
        try (Stream<Path> files = Files.walk(PROCESSES)) {
            for (Path file : files.toList()) {
                if (file.toString().endsWith(".form")) {
                    JsonNode form = json.readTree(file.toFile());
                    forms.put(form.get("id").asText(), form);
                } else if (file.toString().endsWith(".bpmn")) {
                    bpmn.add(file);
                }
            }
        }
        List<ModelUse> models = new ArrayList<>();
        for (Path file : bpmn) {
            String name = PROCESSES.relativize(file).toString().replace('\\', '/');
            ModelUse use = read(parse(Files.readString(file)), name);
            for (String formId : formRefs(parse(Files.readString(file)))) {
                JsonNode form = forms.get(formId);
                assertThat(form).as("the form '%s' of %s", formId, file).isNotNull();
                formVariables(form.get("components"), use.variables());
            }
            models.add(use);
        }
        return models;
    }

    private static ModelUse read(Document model, String file) {
        Element process = (Element) model.getElementsByTagNameNS(BPMN, "process").item(0);
        Set<String> variables = new TreeSet<>();
        Set<String> beans = new TreeSet<>();
        Set<String> ids = new TreeSet<>();
        walk(process, variables, beans, ids);
        Set<String> messages = new TreeSet<>();
        NodeList declared = model.getElementsByTagNameNS(BPMN, "message");
        for (int i = 0; i < declared.getLength(); i++) {
            messages.add(((Element) declared.item(i)).getAttribute("name"));
        }
        return new ModelUse(process.getAttribute("id"), file, variables, beans, messages, ids);
    }

    private static void walk(Element element, Set<String> variables, Set<String> beans, Set<String> ids) {
        if (!element.getAttribute("id").isEmpty()) {
            ids.add(element.getAttribute("id"));
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node attribute = attributes.item(i);
            String name = attribute.getLocalName() == null ? attribute.getNodeName() : attribute.getLocalName();
            if (name.equals("delegateExpression")) {
                names(attribute.getNodeValue(), beans, beans);
            } else {
                names(attribute.getNodeValue(), variables, beans);
            }
        }
        if (CAMUNDA.equals(element.getNamespaceURI())) {
            switch (element.getLocalName()) {
                case "in", "out" -> Stream.of("source", "target").map(element::getAttribute)
                        .filter(value -> !value.isEmpty()).forEach(variables::add);
                case "inputParameter", "outputParameter" -> variables.add(element.getAttribute("name"));
                default -> {
                }
            }
        }
        if (!element.getAttributeNS(CAMUNDA, "elementVariable").isEmpty()) {
            variables.add(element.getAttributeNS(CAMUNDA, "elementVariable"));
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element nested) {
                walk(nested, variables, beans, ids);
            } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                names(child.getNodeValue(), variables, beans);
            }
        }
    }

    /** The names an expression reads: a name before a dot is a bean, before a parenthesis a function. */
    private static void names(String text, Set<String> variables, Set<String> beans) {
        Matcher expression = EXPRESSION.matcher(text);
        while (expression.find()) {
            String body = expression.group(1).replaceAll("'[^']*'|\"[^\"]*\"", "''");
            Matcher name = NAME.matcher(body);
            while (name.find()) {
                String found = name.group(1);
                String after = name.group(2) == null ? "" : name.group(2).strip();
                if (EL_WORDS.contains(found) || ENGINE_NAMES.contains(found) || after.equals("(")) {
                    continue;
                }
                (after.equals(".") ? beans : variables).add(found);
            }
        }
    }

    private static Set<String> formRefs(Document model) {
        Set<String> refs = new TreeSet<>();
        NodeList all = model.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            String ref = ((Element) all.item(i)).getAttributeNS(CAMUNDA, "formRef");
            if (!ref.isEmpty()) {
                refs.add(ref);
            }
        }
        return refs;
    }

    /** A form's fields, and the names its FEEL conditions read (=siteOutcome != "relocate"). */
    private static void formVariables(JsonNode components, Set<String> variables) {
        if (components == null) {
            return;
        }
        for (JsonNode component : components) {
            if (component.hasNonNull("key")) {
                variables.add(component.get("key").asText());
            }
            JsonNode conditional = component.get("conditional");
            if (conditional != null) {
                conditional.forEach(condition -> {
                    String feel = condition.asText();
                    if (feel.startsWith("=")) {
                        Matcher name = Pattern.compile("(?<![\\w.])([A-Za-z_]\\w*)")
                                .matcher(feel.substring(1).replaceAll("\"[^\"]*\"", ""));
                        while (name.find()) {
                            if (!Set.of("and", "or", "not", "true", "false", "null").contains(name.group(1))) {
                                variables.add(name.group(1));
                            }
                        }
                    }
                });
            }
            formVariables(component.get("components"), variables);
        }
    }

    private static Set<String> texts(Document document, String tag) {
        Set<String> texts = new TreeSet<>();
        NodeList nodes = document.getElementsByTagNameNS("*", tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent().strip());
        }
        return texts;
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }
}
