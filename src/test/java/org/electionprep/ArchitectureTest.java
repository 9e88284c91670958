package org.electionprep;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import org.junit.jupiter.api.Test;

/**
 * The app's packages and who may depend on whom (issue 16; docs/architecture.md draws the same graph). Infrastructure
 * (shared vocabulary, operations, the engine's wiring, identity) sits below the capabilities and knows none of them;
 * the capabilities form a graph without cycles; the API layer, the engine-to-domain wiring and the demo sit on top.
 * Every table of the app has one owner class, the only one that writes it.
 */
class ArchitectureTest {

    private static final String ROOT = "org.electionprep";

    static final Set<String> INFRASTRUCTURE = Set.of("shared", "operations", "engine", "identity");
    static final Set<String> CAPABILITIES = Set.of("division", "station", "connectivity", "milestone", "region",
            "training", "county", "readiness", "escalation", "assistance", "people");
    static final Set<String> ON_TOP = Set.of("wiring", "integration", "demo");

    /** The graph as docs/architecture.md draws it: a new dependency is a decision, made there and here together. */
    static final Set<String> ALLOWED = Set.of(
            "assistance -> division", "assistance -> engine", "assistance -> milestone", "assistance -> shared",
            "connectivity -> engine", "connectivity -> operations", "connectivity -> shared", "connectivity -> station",
            "county -> division", "county -> engine", "county -> readiness", "county -> region", "county -> shared",
            "county -> station",
            "demo -> connectivity", "demo -> division", "demo -> identity", "demo -> integration", "demo -> shared",
            "demo -> station",
            "division -> engine", "division -> identity", "division -> shared",
            "engine -> shared",
            "escalation -> division", "escalation -> engine", "escalation -> identity", "escalation -> milestone",
            "escalation -> readiness", "escalation -> shared", "escalation -> station", "escalation -> training",
            "identity -> engine", "identity -> shared",
            "integration -> connectivity", "integration -> division", "integration -> engine",
            "integration -> people", "integration -> readiness", "integration -> region", "integration -> shared",
            "integration -> station",
            "milestone -> division", "milestone -> shared",
            "people -> division", "people -> identity", "people -> shared", "people -> station",
            "readiness -> division", "readiness -> engine", "readiness -> milestone", "readiness -> region",
            "readiness -> shared", "readiness -> station", "readiness -> training",
            "region -> division", "region -> engine", "region -> identity", "region -> milestone", "region -> shared",
            "station -> division", "station -> engine", "station -> identity", "station -> milestone",
            "station -> shared",
            "training -> division", "training -> engine", "training -> identity", "training -> milestone",
            "training -> region", "training -> shared", "training -> station",
            "wiring -> division", "wiring -> engine", "wiring -> identity", "wiring -> region", "wiring -> shared",
            "wiring -> station");

    /** Each table of db/migration and the one class that writes it. */
    static final Map<String, String> TABLE_OWNERS = Map.ofEntries(
            Map.entry("county", "division/CountyRegistry"),
            Map.entry("county_event", "division/CountyRegistry"),
            Map.entry("district", "division/Districts"),
            Map.entry("province", "division/Provinces"),
            Map.entry("official", "people/OfficialRoster"),
            Map.entry("staff", "people/StaffRoster"),
            Map.entry("personal_data_read", "people/PersonalDataReads"),
            Map.entry("station", "station/StationRegistry"),
            Map.entry("station_event", "station/StationRegistry"),
            Map.entry("network_link", "station/NetworkLinks"),
            Map.entry("station_change", "station/StationChanges"),
            Map.entry("link_test", "connectivity/ConnectivityService"),
            Map.entry("link_repair", "connectivity/LinkRepairs"),
            Map.entry("region", "region/RegionService"),
            Map.entry("training_session", "training/OfficialsTraining"),
            Map.entry("attendance", "training/OfficialsTraining"),
            Map.entry("readiness_declaration", "readiness/Declarations"),
            Map.entry("assistance_request", "assistance/AssistanceService"));

    private static final Pattern WRITE = Pattern.compile(
            "(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM|withTableName\\(\")\\s*([a-z_]+)");
    private static final Pattern CREATE = Pattern.compile("CREATE TABLE\\s+([a-z_]+)", Pattern.CASE_INSENSITIVE);

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);

    @Test
    void noPackageCycle() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theInfrastructureKnowsNoCapabilityAndNothingOnTop() {
        noClasses().that().resideInAnyPackage(packages(INFRASTRUCTURE)).should().dependOnClassesThat()
                .resideInAnyPackage(packages(union(CAPABILITIES, ON_TOP))).check(classes);
    }

    @Test
    void theSharedVocabularyDependsOnNoOtherPackageOfTheApp() {
        noClasses().that().resideInAPackage(ROOT + ".shared..").should().dependOnClassesThat()
                .resideInAnyPackage(packages(union(Set.of("operations", "engine", "identity"),
                        union(CAPABILITIES, ON_TOP)))).check(classes);
    }

    @Test
    void noCapabilityDependsOnTheApiTheWiringOrTheDemo() {
        noClasses().that().resideInAnyPackage(packages(CAPABILITIES)).should().dependOnClassesThat()
                .resideInAnyPackage(packages(ON_TOP)).check(classes);
    }

    @Test
    void nothingButTheDemoDependsOnTheDemo() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".demo..").should().dependOnClassesThat()
                .resideInAPackage(ROOT + ".demo..").check(classes);
    }

    @Test
    void everyPackageIsInfrastructureACapabilityOrOnTop() {
        TreeSet<String> packages = new TreeSet<>();
        classes.forEach(type -> {
            String name = capability(type);
            if (name != null) {
                packages.add(name);
            }
        });

        assertThat(packages).isEqualTo(new TreeSet<>(union(INFRASTRUCTURE, union(CAPABILITIES, ON_TOP))));
    }

    @Test
    void thePackagesDependOnEachOtherExactlyAsDocumented() {
        TreeSet<String> actual = new TreeSet<>();
        for (JavaClass type : classes) {
            String from = capability(type);
            for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                String to = capability(dependency.getTargetClass());
                if (from != null && to != null && !from.equals(to)) {
                    actual.add(from + " -> " + to);
                }
            }
        }

        assertThat(String.join("\n", actual)).as("new or removed dependencies between packages")
                .isEqualTo(String.join("\n", new TreeSet<>(ALLOWED)));
    }

    @Test
    void theArchitecturePageDrawsTheListedDependencies() throws IOException {
        String page = Files.readString(Path.of("docs/architecture.md"));
        String picture = page.substring(page.indexOf("```mermaid"), page.indexOf("```", page.indexOf("```mermaid") + 3));
        TreeSet<String> drawn = new TreeSet<>();
        Matcher arrow = Pattern.compile("(?m)^\\s+(\\w+) --> (.+)$").matcher(picture);
        while (arrow.find()) {
            for (String to : arrow.group(2).split("&")) {
                drawn.add(arrow.group(1) + " -> " + to.strip());
            }
        }
        TreeSet<String> listed = new TreeSet<>(ALLOWED);
        // Every package may use the shared vocabulary and the engine: the picture leaves those edges out.
        listed.removeIf(edge -> edge.endsWith("-> shared") || edge.endsWith("-> engine"));

        assertThat(String.join("\n", drawn)).isEqualTo(String.join("\n", listed));
    }

    @Test
    void everyTableIsWrittenByItsOwnerAlone() throws IOException {
        Map<String, Set<String>> writers = new TreeMap<>();
        Path sources = Path.of("src/main/java", ROOT.split("\\."));
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String relative = sources.relativize(file).toString().replace('\\', '/').replace(".java", "");
                Matcher write = WRITE.matcher(Files.readString(file));
                while (write.find()) {
                    writers.computeIfAbsent(write.group(1), t -> new TreeSet<>()).add(relative);
                }
            }
        }
        TreeSet<String> tables = new TreeSet<>();
        try (Stream<Path> migrations = Files.list(Path.of("src/main/resources/db/migration"))) {
            for (Path migration : migrations.toList()) {
                Matcher create = CREATE.matcher(Files.readString(migration));
                while (create.find()) {
                    tables.add(create.group(1).toLowerCase());
                }
            }
        }
        Map<String, Set<String>> expected = new TreeMap<>();
        TABLE_OWNERS.forEach((table, owner) -> expected.put(table, Set.of(owner)));

        assertThat(TABLE_OWNERS.keySet()).as("every table has an owner").containsExactlyInAnyOrderElementsOf(tables);
        assertThat(writers).as("who writes which table").isEqualTo(expected);
    }

    private static String[] packages(Set<String> names) {
        return names.stream().map(name -> ROOT + "." + name + "..").toArray(String[]::new);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        TreeSet<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    /** The first package below the root (station, engine ...); null outside the app or at the root itself. */
    private static String capability(JavaClass type) {
        String name = type.getPackageName();
        if (!name.startsWith(ROOT + ".")) {
            return null;
        }
        String rest = name.substring(ROOT.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
