package org.electionprep;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The dependencies between the app's packages (issue 16). Two rules hold already: nothing depends on the demo, and no
 * capability depends on the API layer. The rest is a ratchet while the one cycle through most packages is taken apart:
 * the packages may depend on each other exactly as listed in {@link #ALLOWED}, so a new dependency fails here, and a
 * removed one fails until it is struck from the list.
 */
class ArchitectureTest {

    private static final String ROOT = "org.electionprep";

    /** Package to package, as the code stands; each line struck is a step out of the cycle. */
    static final Set<String> ALLOWED = Set.of(
            "assistance -> county", "assistance -> engine", "assistance -> milestone", "assistance -> station",
            "connectivity -> engine", "connectivity -> operations", "connectivity -> station",
            "county -> engine", "county -> region", "county -> station",
            "demo -> connectivity", "demo -> identity",
            "engine -> county", "engine -> identity", "engine -> region", "engine -> station",
            "identity -> county",
            "integration -> connectivity", "integration -> county", "integration -> engine",
            "integration -> identity", "integration -> milestone", "integration -> region", "integration -> station",
            "integration -> training",
            "milestone -> county", "milestone -> engine", "milestone -> readiness", "milestone -> station",
            "milestone -> training",
            "readiness -> county", "readiness -> engine", "readiness -> region", "readiness -> station",
            "readiness -> training",
            "region -> county", "region -> engine", "region -> identity", "region -> milestone", "region -> station",
            "region -> training",
            "station -> county", "station -> engine",
            "training -> county", "training -> engine", "training -> milestone", "training -> region",
            "training -> station");

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);

    @Test
    void nothingButTheDemoDependsOnTheDemo() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".demo..").should().dependOnClassesThat()
                .resideInAPackage(ROOT + ".demo..").check(classes);
    }

    @Test
    void noCapabilityDependsOnTheApiLayer() {
        noClasses().that().resideOutsideOfPackages(ROOT + ".integration..", ROOT + ".demo..", ROOT)
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".integration..").check(classes);
    }

    @Test
    void thePackagesDependOnEachOtherExactlyAsListed() {
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
