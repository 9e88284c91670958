package org.electionprep.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.electionprep.support.AppNode;
import org.electionprep.support.LoopbackLinkServer;
import org.electionprep.support.Officials;
import org.electionprep.support.RestClient;
import org.electionprep.support.RestClient.Response;
import org.electionprep.support.Runbook;
import org.electionprep.support.TestFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The artifact that README, the Dockerfile and docker-compose run (issue 14): the jar the build packaged, started with
 * {@code java -jar} in an empty directory of its own, configured by README's environment variables only, as an
 * operator starts it. Every test before this one ran target/classes, where a jar that deployed no model went unseen.
 */
class PackagedJarIT {

    private static final Path LOGS = Path.of("target", "packaged-jar-it");
    private static final Duration START = Duration.ofMinutes(3);
    /** The counties of README's divisions file (Runbook.DIVISIONS). */
    private static final List<String> IMPORTED_COUNTIES = List.of("karun");

    private static EmbeddedPostgres postgres;
    private static LoopbackLinkServer links;

    @BeforeAll
    static void startPostgresAndLinks() throws IOException {
        // The nodes' logs are read by the tests: no lines of an earlier run.
        TestFiles.deleteRecursively(LOGS);
        postgres = EmbeddedPostgres.builder().setPort(AppNode.freePort()).start();
        links = LoopbackLinkServer.start();
    }

    @AfterAll
    static void stopPostgresAndLinks() throws IOException {
        if (links != null) {
            links.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void theJarRunsProductionFromAnEmptyDirectoryDeploysEveryModelTakesAStationToItsFirstTaskAndStopsOnSigterm(
            @TempDir Path workingDirectory) throws Exception {
        // given a fresh database made as README's runbook makes it
        Runbook.createDatabase(superuser());
        AppNode node = AppNode.jar("production", workingDirectory, Runbook.environment("localhost", postgres.getPort()),
                LOGS);

        // when the jar starts on it
        node.start().awaitReady(START);
        try {
            // and the divisions are imported, as README's first day begins
            RestClient rest = new RestClient(node.port());
            Runbook runbook = new Runbook(node.port());
            JsonNode divisions = runbook.importDivisions(Runbook.DIVISIONS);
            assertThat(divisions.get("countiesAdded").asInt()).isEqualTo(IMPORTED_COUNTIES.size());

            // then every model is deployed: the shared archive once, the county-level models in the new county's
            // tenant at once, without a restart
            assertThat(latestDefinitions(rest)).containsExactlyInAnyOrderElementsOf(expectedDefinitions());
            assertThat(deployedResources(rest, "name=election-prep")).as("the shared archive")
                    .containsExactlyInAnyOrderElementsOf(modelFiles(Path.of("processes"), true));
            for (String county : IMPORTED_COUNTIES) {
                assertThat(deployedResources(rest, "tenantIdIn=" + county)).as("county %s", county)
                        .containsExactlyInAnyOrderElementsOf(modelFiles(Path.of("processes", "county"), false));
            }
            Response decision = rest.get("/engine-rest/decision-definition/count?key=connectivity-classification",
                    Runbook.ADMIN, Runbook.ADMIN_PASSWORD);
            assertThat(decision.json().get("count").asInt()).isEqualTo(1);

            // and README's first day works: the registry's and the district head's accounts, an import, and the
            // district head's first task
            runbook.account("karun-registry", "registry-password-1405", "integration-karun");
            runbook.account("karun-head", "head-password-1405", "district-head-karun-central");
            JsonNode imported = runbook.importStations("karun-registry", "registry-password-1405",
                    "code,name,county,district,address,expected_voters,capacity,primary_circuit,primary_endpoint\n"
                            + "KRN-0001,شعبه ۱ کارون,karun,karun-central,خیابان امام پلاک ۱,450,700,KRN-0001-P,"
                            + links.url("/ok") + "\n");
            assertThat(imported.get("created").asInt()).isEqualTo(1);
            assertThat(imported.get("processesStarted").asInt()).isEqualTo(1);
            JsonNode task = Officials.awaitTask(() -> runbook.tasks("karun-head", "head-password-1405", "verifySite"));
            assertThat(task.get("tenantId").asText()).isEqualTo("karun");

            // and the webapps are served from the jar with their Persian translation
            assertThat(rest.get("/camunda/app/tasklist/default/", null, null).status()).isEqualTo(200);
            assertThat(rest.get("/camunda/app/tasklist/scripts/config.js", null, null).body()).contains("'fa'");
            assertThat(rest.get("/camunda/app/tasklist/locales/fa.json", null, null).body()).contains("کارها");
            assertThat(rest.get("/dashboard/", null, null).status()).isEqualTo(200);
        } finally {
            // when it is stopped as docker and systemd stop it, then it shuts down gracefully
            int exit = node.terminate();
            assertThat(exit).as("exit code after SIGTERM").isEqualTo(143);
        }
        assertThat(node.logLines("Graceful shutdown complete")).isEqualTo(1);
        assertThat(node.logLines("ENGINE-00007 Process Engine default closed")).isEqualTo(1);
        assertThat(node.logLines(" ERROR ")).as("errors in the log").isZero();
        try (Stream<Path> left = Files.list(workingDirectory)) {
            assertThat(left).as("files the production profile wrote into its working directory").isEmpty();
        }
    }

    @Test
    void theJarRunsTheDemoFromAnEmptyDirectoryWithItsOfficialsWork(@TempDir Path workingDirectory) throws Exception {
        // given the jar started with no profile in an empty directory, as README's demo from the jar
        AppNode node = AppNode.jar("demo", workingDirectory, Map.of("ELECTION_PREP_DEMO_SIMULATOR_PORT", "0"), LOGS);

        // when it is up
        node.start().awaitReady(START);
        try {
            // then the demo's officials find their work, and its H2 database lies in that directory
            JsonNode verifications = new Runbook(node.port()).tasks("ahvaz-central-head", "demo", "verifySite");
            assertThat(verifications).isNotEmpty();
            verifications.forEach(task -> assertThat(task.get("tenantId").asText()).isEqualTo("ahvaz"));
            JsonNode fixes = new Runbook(node.port()).tasks("hoveyzeh-it", "demo", "fixConnectivity");
            assertThat(fixes).as("the finalized demo counties have reached their connectivity fixes").isNotEmpty();
            assertThat(workingDirectory.resolve("data").resolve("election-prep-demo.mv.db")).isRegularFile();
        } finally {
            assertThat(node.terminate()).isEqualTo(143);
        }
        assertThat(node.logLines(" ERROR ")).as("errors in the log").isZero();
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** Every latest process definition as key@tenant (no tenant: the shared archive). */
    private static Set<String> latestDefinitions(RestClient rest) {
        Response definitions = rest.get("/engine-rest/process-definition?latestVersion=true&maxResults=1000",
                Runbook.ADMIN, Runbook.ADMIN_PASSWORD);
        assertThat(definitions.status()).as(definitions.body()).isEqualTo(200);
        Set<String> keys = new TreeSet<>();
        definitions.json().forEach(d -> keys.add(d.get("key").asText() + "@"
                + (d.get("tenantId").isNull() ? "" : d.get("tenantId").asText())));
        return keys;
    }

    /** What the source tree holds: each shared process once, each county-level process in every imported county. */
    private static Set<String> expectedDefinitions() throws IOException {
        Set<String> expected = new TreeSet<>();
        processKeys(Path.of("processes")).forEach(key -> expected.add(key + "@"));
        for (String key : processKeys(Path.of("processes", "county"))) {
            IMPORTED_COUNTIES.forEach(county -> expected.add(key + "@" + county));
        }
        return expected;
    }

    /** The resource names of the one deployment the query finds (its latest). */
    private static List<String> deployedResources(RestClient rest, String query) {
        Response deployments = rest.get("/engine-rest/deployment?" + query + "&sortBy=deploymentTime&sortOrder=desc",
                Runbook.ADMIN, Runbook.ADMIN_PASSWORD);
        assertThat(deployments.json()).as(query).isNotEmpty();
        Response resources = rest.get("/engine-rest/deployment/" + deployments.json().get(0).get("id").asText()
                + "/resources", Runbook.ADMIN, Runbook.ADMIN_PASSWORD);
        List<String> names = new ArrayList<>();
        resources.json().forEach(r -> names.add(r.get("name").asText()));
        return names;
    }

    /** BPMN and DMN of a model folder and its forms/, as deployment resource names; the county folder left out. */
    private static List<String> modelFiles(Path folder, boolean withoutCounty) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).map(f -> folder.relativize(f).toString().replace('\\', '/'))
                    .filter(name -> !(withoutCounty && name.startsWith("county/")))
                    .filter(name -> name.endsWith(".bpmn") || name.endsWith(".dmn") || name.endsWith(".form"))
                    .toList();
        }
    }

    private static List<String> processKeys(Path folder) throws IOException {
        Pattern process = Pattern.compile("<bpmn:process id=\"([^\"]+)\"");
        List<String> keys = new ArrayList<>();
        try (Stream<Path> models = Files.list(folder)) {
            for (Path model : models.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
                Matcher m = process.matcher(Files.readString(model, StandardCharsets.UTF_8));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        return keys;
    }

    private static JdbcTemplate superuser() {
        return new JdbcTemplate(new DriverManagerDataSource(Runbook.jdbcUrl("localhost", postgres.getPort(), "postgres"),
                "postgres", "postgres"));
    }
}
