package org.electionprep.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ProductPropertiesUtil;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.electionprep.division.CountyProcessDeployment;
import org.electionprep.division.DivisionImport;
import org.electionprep.identity.AccessSeeder;
import org.electionprep.support.KhuzestanDivisions;
import org.electionprep.support.LoopbackLinkServer;
import org.electionprep.support.WebappSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * National scale on one node, measured against the bare engine in the same run on the same PostgreSQL (issue 7).
 * Run with {@code ./mvnw -Pbench verify} (N = 60,000 stations; {@code -Dbench.stations=5000} for a quick run). It
 * prints a table and writes it into docs/performance.md between the bench markers. Speed is reported, not asserted:
 * the assertions are about correctness (every station reached its task, nothing failed).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ADMIN_USER=bench-admin",
        "ADMIN_PASSWORD=bench-root-password-1405",
        "election-prep.connectivity.allowed-networks=127.0.0.0/8",
        "logging.level.org.camunda.bpm.engine.jobexecutor=WARN",
})
@ActiveProfiles("postgres")
@ContextConfiguration(initializers = BenchDatabase.class)
@Import(KhuzestanDivisions.class)
class NationalScaleBenchmark {

    static final String PASSWORD = "bench-password-1405";
    static final int N = Integer.getInteger("bench.stations", 60_000);
    static final int ENGINE_STARTS = Integer.getInteger("bench.engine-starts", N);
    static final int REST_STARTS = Integer.getInteger("bench.rest-starts", Math.min(N, 5_000));
    static final int RAW_INSERTS = Integer.getInteger("bench.raw-inserts", 5_000);
    static final int SAMPLES = Integer.getInteger("bench.latency-samples", 200);
    static final Path REPORT = Path.of(System.getProperty("bench.report", "docs/performance.md"));
    /** The country's divisions, Khuzestan's eight counties and 24 districts among them. */
    static final int PROVINCES = Integer.getInteger("bench.provinces", 31);
    static final int COUNTIES = Integer.getInteger("bench.counties", 450);
    static final int DISTRICTS = Integer.getInteger("bench.districts", 1_100);
    static final int BASELINE_COUNTIES = 10;
    /** The counties' shares of the stations (%); Hoveyzeh, the smallest, is the one worked through in step 4. */
    static final Map<String, Integer> SHARES = new LinkedHashMap<>();

    static {
        SHARES.put("ahvaz", 18);
        SHARES.put("abadan", 16);
        SHARES.put("khorramshahr", 14);
        SHARES.put("shadegan", 14);
        SHARES.put("karun", 14);
        SHARES.put("bavi", 10);
        SHARES.put("hamidiyeh", 10);
        SHARES.put("hoveyzeh", 4);
    }

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired RepositoryService repository;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;
    @Autowired AuthorizationService authorizations;
    @Autowired FilterService filters;
    @Autowired JdbcTemplate jdbc;
    @Autowired DivisionImport divisions;
    @Autowired AccessSeeder access;
    @Autowired CountyProcessDeployment countyDeployment;
    @Autowired Environment environment;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final List<String[]> rows = new ArrayList<>();
    private final HeapSampler heap = new HeapSampler();

    @Test
    void nationalScale() throws Exception {
        heap.start();
        try (LoopbackLinkServer links = LoopbackLinkServer.start()) {
            givenTheOfficialsAndTheRegion();
            countryDivisions();
            rawInserts();
            bareEngineStarts();
            restStarts();
            importAndStart(links);
            tasklistUnderLoad();
            workThroughput();
        } finally {
            heap.stop();
        }
        row("Heap", "peak used heap of the whole run (app, engine, benchmark client)", mb(heap.peak()) + " MB",
                "< 1024 MB", heap.peak() < 1024L * 1024 * 1024 ? "met" : "missed");
        report();
    }

    // ---------------------------------------------------------------------------------------------------------------

    private void givenTheOfficialsAndTheRegion() {
        // Three districts per county, through the import, so that each has its head's group.
        List<DivisionImport.Row> rows = new ArrayList<>();
        for (String county : SHARES.keySet()) {
            for (int d = 1; d <= 3; d++) {
                rows.add(new DivisionImport.Row(rows.size() + 2, "district", county + "-d" + d, "بخش " + d, county));
            }
        }
        divisions.importRows(rows);
        user("bench-head-ahvaz", "district-head-ahvaz-d1");
        // Hoveyzeh's work step is done by one account that heads its three districts.
        user("bench-head-hoveyzeh", "district-head-hoveyzeh-d1");
        identity.createMembership("bench-head-hoveyzeh", "district-head-hoveyzeh-d2");
        identity.createMembership("bench-head-hoveyzeh", "district-head-hoveyzeh-d3");
        user("bench-gov-hoveyzeh", "governor-hoveyzeh");
        user("bench-province", "province-elections-khuzestan");
        user("bench-system", "integration-khuzestan");
        runtime.startProcessInstanceByKey("regional-readiness", Map.of("regionCode", "bench-region",
                "regionName", "منطقه سنجش", "electionDate", LocalDate.now().plusDays(100).toString(),
                "counties", String.join(",", SHARES.keySet())));
    }

    /**
     * The rest of a country's divisions, through /api/divisions/import as an administrator, until every new place has
     * its tenant, groups, grants, filters and (a county) its models. Beside it, the same set-up of a few counties done
     * one engine call per engine command, the way the engine's Java API is called one call at a time.
     */
    private void countryDivisions() throws Exception {
        int newProvinces = PROVINCES - 1;
        int newCounties = COUNTIES - SHARES.size();
        int newDistricts = DISTRICTS - 3 * SHARES.size();
        StringBuilder csv = new StringBuilder("level,code,name,parent\n");
        for (int p = 1; p <= newProvinces; p++) {
            csv.append(String.format(Locale.ROOT, "province,p%02d,استان %d,%n", p, p));
        }
        List<String> counties = new ArrayList<>();
        for (int c = 0; c < newCounties; c++) {
            String county = String.format(Locale.ROOT, "p%02d-c%03d", 1 + c % newProvinces, c);
            counties.add(county);
            csv.append("county,").append(county).append(",شهرستان ").append(c).append(',')
                    .append(county, 0, 3).append('\n');
        }
        for (int d = 0; d < newDistricts; d++) {
            String county = counties.get(d % newCounties);
            csv.append("district,").append(county).append("-d").append(d).append(",بخش ").append(d).append(',')
                    .append(county).append('\n');
        }
        long tenants = count("SELECT COUNT(*) FROM ACT_ID_TENANT");
        long groups = count("SELECT COUNT(*) FROM ACT_ID_GROUP");
        long grants = count("SELECT COUNT(*) FROM ACT_RU_AUTHORIZATION");
        long deployments = count("SELECT COUNT(*) FROM ACT_RE_DEPLOYMENT");
        long heapBefore = heapAfterGc();
        long start = System.nanoTime();
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/divisions/import"))
                .header("Content-Type", "text/csv").header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("bench-admin:bench-root-password-1405".getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofMinutes(30)).POST(HttpRequest.BodyPublishers.ofString(csv.toString())).build());
        double importSeconds = seconds(start);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json.readTree(response.body()).get("countiesAdded").asInt()).isEqualTo(newCounties);
        double perCounty = importSeconds * 1000 / newCounties;
        row("Divisions", "a country's divisions through /api/divisions/import: " + newProvinces + " provinces, "
                + fmt(newCounties) + " counties, " + fmt(newDistricts) + " districts added (" + PROVINCES + ", "
                + fmt(COUNTIES) + ", " + fmt(DISTRICTS) + " with Khuzestan's), each set up before the answer: "
                + fmt(count("SELECT COUNT(*) FROM ACT_ID_TENANT") - tenants) + " tenants, "
                + fmt(count("SELECT COUNT(*) FROM ACT_ID_GROUP") - groups) + " groups, "
                + fmt(count("SELECT COUNT(*) FROM ACT_RU_AUTHORIZATION") - grants) + " grants, "
                + fmt(count("SELECT COUNT(*) FROM ACT_RE_DEPLOYMENT") - deployments) + " deployments",
                fmt(importSeconds) + " s (" + fmt(perCounty) + " ms a county with its districts)", "< 60 s",
                importSeconds < 60 ? "met" : "missed");
        row("Divisions", "heap the import left in use, after a full collection (the engine's caches of the counties'"
                + " models among it)", mb(heapAfterGc() - heapBefore) + " MB", "", "");

        // The same set-up for a few more counties (not in the registry), one engine command per engine call.
        double districtsPerCounty = (double) newDistricts / newCounties;
        int baselineDistricts = (int) Math.round(BASELINE_COUNTIES * districtsPerCounty);
        start = System.nanoTime();
        for (int c = 0; c < BASELINE_COUNTIES; c++) {
            String county = "bench-base-c" + c;
            access.seedCounty(county, "شهرستان پایه " + c, "p01");
            countyDeployment.deployFor(county);
        }
        for (int d = 0; d < baselineDistricts; d++) {
            access.seedDistrict("bench-base-d" + d, "بخش پایه " + d, "bench-base-c" + d % BASELINE_COUNTIES);
        }
        double basePerCounty = seconds(start) * 1000 / BASELINE_COUNTIES;
        row("Baseline", "the same set-up of " + BASELINE_COUNTIES + " counties and " + baselineDistricts
                + " districts, one engine command per engine call (the import runs each place as one command)",
                fmt(basePerCounty) + " ms a county with its districts (import: " + fmt2(basePerCounty / perCounty)
                        + " x faster)", "", "");
    }

    /** Raw PostgreSQL: single-row inserts, each its own commit, one client. */
    private void rawInserts() throws Exception {
        try (Connection connection = DriverManager.getConnection(environment.getProperty("DB_URL"),
                environment.getProperty("DB_USER"), environment.getProperty("DB_PASSWORD"))) {
            connection.setAutoCommit(true);
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("CREATE TABLE bench_raw (id BIGSERIAL PRIMARY KEY, code VARCHAR(40), at TIMESTAMPTZ)");
            }
            long start = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bench_raw (code, at) VALUES (?, now())")) {
                for (int i = 0; i < RAW_INSERTS; i++) {
                    insert.setString(1, "S" + i);
                    insert.executeUpdate();
                }
            }
            double rate = RAW_INSERTS / seconds(start);
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("DROP TABLE bench_raw");
            }
            row("Baseline", "PostgreSQL single-row insert, one commit each, 1 client (" + fmt(RAW_INSERTS) + " rows)",
                    fmt(rate) + " rows/s", "", "");
        }
    }

    /** The bare engine: a trivial process (start, user task) through the Java API, one start per transaction. */
    private double bareEngineRate;
    private double restRate;

    private void bareEngineStarts() throws Exception {
        BpmnModelInstance trivial = Bpmn.createExecutableProcess("bench-trivial").name("سنجش").camundaHistoryTimeToLive(1)
                .startEvent("start").userTask("work").name("کار").camundaCandidateGroups("bench").endEvent("end").done();
        // In a tenant of its own, so that its tasks are no official's and the Tasklist figures below are the stations'.
        repository.createDeployment().name("bench").tenantId("bench").addModelInstance("bench-trivial.bpmn", trivial)
                .deploy();
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        parallel(4, () -> {
            while (next.getAndIncrement() < ENGINE_STARTS) {
                runtime.createProcessInstanceByKey("bench-trivial").processDefinitionTenantId("bench").execute();
            }
        });
        bareEngineRate = ENGINE_STARTS / seconds(start);
        row("Baseline", "bare engine, trivial process (start, user task), Java API, 4 threads (" + fmt(ENGINE_STARTS)
                + " instances)", fmt(bareEngineRate) + " instances/s", "", "");
    }

    /** The naive integration: one engine-REST start call per station, 4 client threads. */
    private void restStarts() throws Exception {
        identity.saveTenant(identity.newTenant("bench"));
        identity.createTenantGroupMembership("bench", "integration-khuzestan");
        grant("integration-khuzestan", Resources.PROCESS_DEFINITION, "bench-trivial", Permissions.CREATE_INSTANCE, Permissions.READ);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long start = System.nanoTime();
        parallel(4, () -> {
            while (next.getAndIncrement() < REST_STARTS) {
                HttpResponse<String> response = send(post("/engine-rest/process-definition/key/bench-trivial/tenant-id"
                        + "/bench/start", "{}").header("Authorization", basic("bench-system")).build());
                if (response.statusCode() != 200) {
                    failed.incrementAndGet();
                }
            }
        });
        restRate = REST_STARTS / seconds(start);
        assertThat(failed.get()).as("REST starts that failed").isZero();
        row("Baseline", "engine REST, one start call per instance of the trivial process, 4 client threads ("
                + fmt(REST_STARTS) + " calls)", fmt(restRate) + " instances/s", "", "");
    }

    /** The import through /api, until every station's pipeline waits at its first user task. */
    private void importAndStart(LoopbackLinkServer links) throws Exception {
        Path csv = Files.createTempFile("bench-stations", ".csv");
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("code,name,county,district,address,expected_voters,capacity,primary_circuit,primary_endpoint\n");
            Map<String, Integer> counts = new LinkedHashMap<>();
            SHARES.forEach((county, percent) -> counts.put(county, N * percent / 100));
            counts.merge("ahvaz", N - counts.values().stream().mapToInt(Integer::intValue).sum(), Integer::sum);
            for (Map.Entry<String, Integer> share : counts.entrySet()) {
                for (int i = 0; i < share.getValue(); i++) {
                    String code = share.getKey().substring(0, 3).toUpperCase(Locale.ROOT) + "-" + String.format("%05d", i);
                    out.write(code + ",شعبه " + (i + 1) + "," + share.getKey() + "," + share.getKey() + "-d" + (i % 3 + 1)
                            + ",خیابان امام پلاک " + (i + 1) + ",300,600," + code + "-P," + links.url("/ok") + "?station=" + code + "\n");
                }
            }
        }
        long bytesBefore = databaseBytes();
        long rowsBefore = databaseRows();
        heap.resetPeak();
        long start = System.nanoTime();
        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/api/stations/import"))
                .header("Authorization", basic("bench-system")).header("Content-Type", "text/csv")
                .timeout(Duration.ofMinutes(30)).POST(HttpRequest.BodyPublishers.ofFile(csv)).build());
        double importSeconds = seconds(start);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode result = json.readTree(answer.body());
        assertThat(result.get("created").asInt()).isEqualTo(N);
        waitFor(Duration.ofMinutes(60), () -> count("SELECT COUNT(*) FROM act_ru_task"
                + " WHERE task_def_key_ IN ('verifySite', 'correctRecord')") >= N);
        double total = seconds(start);
        long importHeap = heap.peakSinceReset();
        assertThat(count("SELECT COUNT(*) FROM act_ru_task WHERE task_def_key_ = 'correctRecord'")).isZero();
        double rate = N / total;
        long bytes = databaseBytes() - bytesBefore;
        long dbRows = databaseRows() - rowsBefore;
        Files.deleteIfExists(csv);
        row("1 Import and start", "POST /api/stations/import of " + fmt(N) + " stations (answered in "
                + fmt(importSeconds) + " s) until every pipeline waits at its site verification", fmt(total) + " s, "
                + fmt(rate) + " stations/s", "<= 300 s", total <= 300 ? "met" : "missed");
        row("1 Import and start", "ratio to the engine-REST starts of the trivial process", fmt2(rate / restRate) + " x",
                ">= 2 x", rate / restRate >= 2 ? "met" : "missed");
        row("1 Import and start", "ratio to the bare engine's Java API starts", fmt2(rate / bareEngineRate) + " x", "", "");
        row("1 Import and start", "database per station (all tables, with history and indexes)", fmt(bytes / (double) N
                / 1024) + " KiB, " + fmt(dbRows / (double) N) + " rows", "", "");
        row("1 Import and start", "peak used heap during the import", mb(importHeap) + " MB", "< 1024 MB",
                importHeap < 1024L * 1024 * 1024 ? "met" : "missed");
    }

    /** The calls Tasklist makes, as Tasklist makes them (webapp session, CSRF header), authorization checks on. */
    private void tasklistUnderLoad() throws Exception {
        String myGroup = filters.createFilterQuery().filterName("کارهای گروه من").singleResult().getId();
        List<Webapp> heads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            heads.add(new Webapp("bench-head-ahvaz"));
        }
        String list = "/camunda/api/engine/engine/default/filter/" + myGroup + "/list?firstResult=0&maxResults=15";
        String listBody = "{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}";
        JsonNode firstPage = json.readTree(heads.get(0).post(list, listBody).body());
        String aTask = firstPage.get("_embedded").get("task").get(0).get("id").asText();
        long ahvazTasks = json.readTree(heads.get(0).get("/camunda/api/engine/engine/default/filter/" + myGroup + "/count")
                .body()).get("count").asLong();
        assertThat(ahvazTasks).isEqualTo(count("SELECT COUNT(*) FROM act_ru_task t JOIN act_ru_identitylink l"
                + " ON l.task_id_ = t.id_ AND l.type_ = 'candidate' WHERE l.group_id_ = 'district-head-ahvaz-d1'"
                + " AND t.task_def_key_ = 'verifySite'"));
        Map<String, Caller<Webapp>> calls = new LinkedHashMap<>();
        calls.put("task list, county filter (15, with variables)", w -> w.post(list, listBody));
        calls.put("task count, county filter", w -> w.get("/camunda/api/engine/engine/default/filter/" + myGroup + "/count"));
        calls.put("form variables of a task", w -> w.get("/camunda/api/engine/engine/default/task/" + aTask + "/form-variables"));
        String step = "3 Tasklist, a district head of Ahvaz (" + fmt(ahvazTasks) + " of " + fmt(N) + " open)";
        for (Map.Entry<String, Caller<Webapp>> call : calls.entrySet()) {
            for (int clients : new int[] {1, 8}) {
                double[] p = latencies(heads.subList(0, clients), call.getValue());
                int target = clients == 1 ? 100 : 300;
                row(step, call.getKey() + ", " + clients + (clients == 1 ? " client" : " clients"), percentiles(p),
                        "p95 <= " + target + " ms", p[1] <= target ? "met" : "missed");
            }
        }
        engineQueriesOfTheList(step, myGroup);
        List<Webapp> province = List.of(new Webapp("bench-province"));
        double[] p = latencies(province, w -> w.get("/camunda/api/engine/engine/default/task?firstResult=0&maxResults=15"
                + "&sortBy=created&sortOrder=desc"));
        row("3 Tasklist, provincial directorate", "first page of all tasks (" + fmt(N) + " open), 1 client",
                percentiles(p), "p95 <= 300 ms", p[1] <= 300 ? "met" : "missed");
    }

    /**
     * The two engine queries behind the list call, through the Java API as the same district head (authorization and
     * tenant checks on, no HTTP): Tasklist's list answer holds both the page and the filter's count.
     */
    private void engineQueriesOfTheList(String step, String filterId) throws Exception {
        double[] page = latencies(List.of(filters), f -> asAhvazHead(() -> f.listPage(filterId,
                tasks.createTaskQuery().orderByTaskCreateTime().desc(), 0, 15)));
        row(step, "of the task list: the engine's page query alone (Java API, same user, no HTTP), 1 client",
                percentiles(page), "", "");
        double[] count = latencies(List.of(filters), f -> asAhvazHead(() -> f.count(filterId)));
        row(step, "of the task list: the engine's count query alone (Java API, same user, no HTTP), 1 client",
                percentiles(count), "", "");
    }

    /** The engine's authentication is per thread, so it is set around each call on the measuring thread. */
    private Object asAhvazHead(Supplier<Object> call) {
        identity.setAuthentication("bench-head-ahvaz", List.of("district-head-ahvaz-d1"), List.of("ahvaz"));
        try {
            return call.get();
        } finally {
            identity.clearAuthentication();
        }
    }

    /** Hoveyzeh's district head verifies every site over REST, its governor finalizes, the job executor probes. */
    private void workThroughput() throws Exception {
        List<String> open = tasks.createTaskQuery().tenantIdIn("hoveyzeh").taskDefinitionKey("verifySite").list()
                .stream().map(t -> t.getId()).toList();
        ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(open);
        AtomicInteger failed = new AtomicInteger();
        String approval = "{\"variables\":{\"siteOutcome\":{\"value\":\"approve\"},\"accessible\":{\"value\":true},"
                + "\"powerAvailable\":{\"value\":true},\"secure\":{\"value\":true},\"capacityConfirmed\":{\"value\":true}}}";
        long start = System.nanoTime();
        parallel(8, () -> {
            for (String task = queue.poll(); task != null; task = queue.poll()) {
                HttpResponse<String> response = send(post("/engine-rest/task/" + task + "/complete", approval)
                        .header("Authorization", basic("bench-head-hoveyzeh")).build());
                if (response.statusCode() != 204) {
                    failed.incrementAndGet();
                }
            }
        });
        double completing = seconds(start);
        assertThat(failed.get()).as("completions refused").isZero();
        row("4 Work", "site verifications completed over REST, 8 clients (" + fmt(open.size()) + " tasks of Hoveyzeh)",
                fmt(open.size() / completing) + " tasks/s", "", "");

        waitFor(Duration.ofMinutes(5), () -> tasks.createTaskQuery().tenantIdIn("hoveyzeh")
                .taskDefinitionKey("finalizeStationDatabase").count() == 1);
        String finalize = tasks.createTaskQuery().tenantIdIn("hoveyzeh").taskDefinitionKey("finalizeStationDatabase")
                .singleResult().getId();
        long released = System.nanoTime();
        HttpResponse<String> finalized = send(post("/engine-rest/task/" + finalize + "/complete",
                "{\"variables\":{\"databaseConfirmed\":{\"value\":true},\"finalizationNotes\":{\"value\":\"سنجش\"}}}")
                .header("Authorization", basic("bench-gov-hoveyzeh")).build());
        assertThat(finalized.statusCode()).as(finalized.body()).isEqualTo(204);
        double finalizing = seconds(released);
        waitFor(Duration.ofMinutes(30), () -> tasks.createTaskQuery().tenantIdIn("hoveyzeh")
                .taskDefinitionKeyIn("signOffTraining", "fixConnectivity").count() >= open.size());
        assertThat(tasks.createTaskQuery().tenantIdIn("hoveyzeh").taskDefinitionKey("fixConnectivity").count())
                .as("links that failed their check (the loopback server answers every probe)").isZero();
        double draining = seconds(released);
        long incidents = runtime.createIncidentQuery().count();
        long failedJobs = count("SELECT COUNT(*) FROM act_ru_job WHERE exception_msg_ IS NOT NULL");
        row("4 Work", "county finalized by its governor (" + fmt(open.size()) + " stations released in one task)",
                fmt(finalizing) + " s", "", "");
        row("4 Work", "connectivity checks drained by the job executor (loopback links), until every station's"
                + " training task", fmt(open.size() / draining) + " stations/s (" + fmt(draining) + " s)", "", "");
        row("4 Work", "incidents left; jobs left failed (optimistic locking or any other)", incidents + "; "
                + failedJobs, "0; 0", incidents == 0 && failedJobs == 0 ? "met" : "missed");
        assertThat(incidents).isZero();
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** One signed-in Tasklist session; every call must succeed. */
    final class Webapp {
        private final WebappSession session = new WebappSession(port);

        Webapp(String user) {
            assertThat(session.login(user, PASSWORD, "tasklist")).isEqualTo(200);
        }

        HttpResponse<String> get(String path) {
            return checked(session.get(path));
        }

        HttpResponse<String> post(String path, String body) {
            return checked(session.post(path, "application/json", body, "application/hal+json"));
        }

        private HttpResponse<String> checked(HttpResponse<String> response) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return response;
        }
    }

    interface Caller<C> {
        Object call(C client) throws Exception;
    }

    interface Work {
        void run() throws Exception;
    }

    /** p50, p95, p99 in ms of SAMPLES calls per client, after a warm-up, with the clients calling at once. */
    private <C> double[] latencies(List<C> clients, Caller<C> call) throws Exception {
        for (int i = 0; i < 10; i++) {
            call.call(clients.get(0));
        }
        List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        int perClient = clients.size() == 1 ? SAMPLES : Math.max(25, SAMPLES / clients.size());
        ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        List<Future<?>> running = new ArrayList<>();
        for (C client : clients) {
            running.add(pool.submit(() -> {
                for (int i = 0; i < perClient; i++) {
                    long t = System.nanoTime();
                    call.call(client);
                    nanos.add(System.nanoTime() - t);
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return new double[] {percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99)};
    }

    private static double percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1_000_000.0;
    }

    private static void parallel(int threads, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            running.add(pool.submit(() -> {
                work.run();
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
    }

    private static void waitFor(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not reached within " + limit);
            }
            Thread.sleep(250);
        }
    }

    private void user(String id, String group) {
        User user = identity.newUser(id);
        user.setFirstName(id);
        user.setPassword(PASSWORD);
        identity.saveUser(user);
        identity.createMembership(id, group);
    }

    private void grant(String group, Resources resource, String resourceId, Permissions... permissions) {
        Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        authorization.setGroupId(group);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        for (Permissions permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizations.saveAuthorization(authorization);
    }

    private HttpRequest.Builder post(String path, String body) {
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private long count(String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }

    private long databaseBytes() {
        return count("SELECT pg_database_size(current_database())");
    }

    private long databaseRows() {
        jdbc.execute("ANALYZE");
        return count("SELECT COALESCE(SUM(n_live_tup), 0) FROM pg_stat_user_tables");
    }

    private static long heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static String fmt(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String fmt2(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** Figures differ from one host to the next more than from run to run, so the report names the processor. */
    private static String cpuModel() {
        try (var lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(line -> line.startsWith("model name")).findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse("processor unknown");
        } catch (IOException | RuntimeException e) {
            return "processor unknown";
        }
    }

    private static String percentiles(double[] p) {
        return "p50 " + fmt(p[0]) + " / p95 " + fmt(p[1]) + " / p99 " + fmt(p[2]) + " ms";
    }

    private static String mb(long bytes) {
        return String.valueOf(bytes / (1024 * 1024));
    }

    private void row(String step, String measure, String result, String target, String verdict) {
        rows.add(new String[] {step, measure, result, target, verdict});
        System.out.printf("BENCH | %-40s | %-100s | %-30s | %-12s | %s%n", step, measure, result, target, verdict);
    }

    /** The table, with the machine and settings, between the markers of docs/performance.md (the rest is prose). */
    private void report() throws IOException {
        ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        StringBuilder md = new StringBuilder();
        md.append("Run of ").append(ZonedDateTime.now().withNano(0)).append(" with N = ").append(fmt(N))
                .append(" stations.\n\n");
        md.append("- Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores (").append(cpuModel())
                .append("), ")
                .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
                .append(", Java ").append(System.getProperty("java.version")).append(", max heap ")
                .append(mb(Runtime.getRuntime().maxMemory())).append(" MB\n");
        md.append("- PostgreSQL ").append(jdbc.queryForObject("SHOW server_version", String.class))
                .append(" (").append(BenchDatabase.description()).append("); Camunda ").append(ProductPropertiesUtil.getProductVersion())
                .append(", history level ").append(config.getHistory()).append(", job executor ")
                .append(environment.getProperty("camunda.bpm.job-execution.core-pool-size", "3")).append("-")
                .append(environment.getProperty("camunda.bpm.job-execution.max-pool-size", "10"))
                .append(" threads, JDBC batching ").append(config.isJdbcBatchProcessing() ? "on" : "off")
                .append(", CMMN ").append(config.isCmmnEnabled() ? "on" : "off").append("\n\n");
        md.append("| step | measure | result | target | |\n| --- | --- | --- | --- | --- |\n");
        for (String[] r : rows) {
            md.append("| ").append(String.join(" | ", r)).append(" |\n");
        }
        String begin = "<!-- bench:begin -->";
        String end = "<!-- bench:end -->";
        String existing = Files.exists(REPORT) ? Files.readString(REPORT) : "# Performance\n\n" + begin + "\n" + end + "\n";
        int from = existing.indexOf(begin);
        int to = existing.indexOf(end);
        String updated = from < 0 || to < 0 ? existing + "\n" + begin + "\n" + md + end + "\n"
                : existing.substring(0, from + begin.length()) + "\n" + md + existing.substring(to);
        Files.writeString(REPORT, updated);
        System.out.println(md);
    }

    /** The JVM's used heap, sampled every 100 ms. */
    static final class HeapSampler {
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private final AtomicLong peak = new AtomicLong();
        private final AtomicLong peakSinceReset = new AtomicLong();
        private final ExecutorService sampler = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "heap-sampler");
            t.setDaemon(true);
            return t;
        });
        private volatile boolean running = true;

        void start() {
            sampler.execute(() -> {
                while (running) {
                    long used = memory.getHeapMemoryUsage().getUsed();
                    peak.accumulateAndGet(used, Math::max);
                    peakSinceReset.accumulateAndGet(used, Math::max);
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        void resetPeak() {
            peakSinceReset.set(memory.getHeapMemoryUsage().getUsed());
        }

        long peakSinceReset() {
            return peakSinceReset.get();
        }

        long peak() {
            return peak.get();
        }

        void stop() throws InterruptedException {
            running = false;
            sampler.shutdown();
            sampler.awaitTermination(1, TimeUnit.SECONDS);
        }
    }
}
