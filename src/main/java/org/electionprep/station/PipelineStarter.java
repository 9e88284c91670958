package org.electionprep.station;

import static org.electionprep.shared.process.InstanceFacts.STATION_CODE;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.electionprep.engine.Messages;
import org.electionprep.identity.AfterSeeding;
import org.electionprep.shared.AuditAction;
import org.electionprep.shared.process.StationReadiness;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts station-readiness for the stations an import marked, in batches, each batch one transaction that also clears
 * the marks: a crash midway leaves the rest marked, and the next run (after an import, or at start-up) finishes them.
 * A station that already has a pipeline, running or ended, is not started again. Batches run on a few threads at once
 * (election-prep.api.start-threads): a start waits mostly on the database, and each batch locks only its own stations.
 */
@Component
public class PipelineStarter implements DisposableBean, AfterSeeding {

    private static final Logger log = LoggerFactory.getLogger(PipelineStarter.class);
    static final int BATCH = 100;

    private final JdbcTemplate jdbc;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final IdentityService identity;
    private final StationRegistry registry;
    private final TransactionTemplate transactions;
    /** One background worker: imports queue their large batches here, not on the job executor's threads. */
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "pipeline-starter");
        thread.setDaemon(true);
        return thread;
    });
    /** The threads the batches run on. */
    private final ExecutorService batches;
    private final int threads;

    public PipelineStarter(JdbcTemplate jdbc, RuntimeService runtime, HistoryService history, IdentityService identity,
                           StationRegistry registry, TransactionTemplate transactions,
                           @Value("${election-prep.api.start-threads:4}") int threads) {
        this.threads = Math.max(1, threads);
        AtomicInteger number = new AtomicInteger();
        this.batches = Executors.newFixedThreadPool(this.threads, r -> {
            Thread thread = new Thread(r, "pipeline-batch-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.registry = registry;
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.history = history;
        this.identity = identity;
        this.transactions = transactions;
    }

    /** Starts the marked stations' pipelines in the background, soon after; what is not done survives a restart. */
    public void startPendingInBackground() {
        background.execute(() -> {
            try {
                startPending();
            } catch (RuntimeException e) {
                log.error("Starting pending station pipelines failed; the rest is retried at the next start", e);
            }
        });
    }

    @Override
    public void destroy() {
        background.shutdownNow();
        batches.shutdownNow();
    }

    /** Starts the pipelines of these marked stations (an import's own), in batches; answers how many were started. */
    public int start(List<String> codes) {
        return startAll(codes);
    }

    /** Starts every marked station's pipeline; answers how many were started. */
    public int startPending() {
        int started = 0;
        String after = "";
        while (true) {
            // In code order from where the last round ended: a station that failed is not retried in this run.
            List<String> round = jdbc.queryForList("SELECT code FROM station WHERE pipeline_pending = TRUE"
                    + " AND code > ? ORDER BY code FETCH FIRST " + (BATCH * threads * 4) + " ROWS ONLY", String.class,
                    after);
            if (round.isEmpty()) {
                return started;
            }
            started += startAll(round);
            after = round.get(round.size() - 1);
        }
    }

    /** These stations in batches of BATCH, on the batch threads; waits for all. */
    private int startAll(List<String> codes) {
        List<Future<Integer>> running = new ArrayList<>();
        for (int from = 0; from < codes.size(); from += BATCH) {
            List<String> batch = List.copyOf(codes.subList(from, Math.min(codes.size(), from + BATCH)));
            // The import's caller asked for the stations; the app starts their pipelines, as the engine itself.
            running.add(batches.submit(() -> Messages.asApp(identity, () -> startOrOneByOne(batch))));
        }
        int started = 0;
        for (Future<Integer> batch : running) {
            try {
                started += batch.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while starting station pipelines", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("Starting a batch of station pipelines failed", e.getCause());
            }
        }
        return started;
    }

    /**
     * A batch in one transaction; if it fails, its stations one by one, so that one station whose start fails (still
     * marked, the failure in its audit trail) does not hold back the others.
     */
    private int startOrOneByOne(List<String> batch) {
        try {
            Integer started = transactions.execute(status -> startBatch(batch));
            return started == null ? 0 : started;
        } catch (RuntimeException batchFailure) {
            int started = 0;
            for (String code : batch) {
                try {
                    Integer one = transactions.execute(status -> startBatch(List.of(code)));
                    started += one == null ? 0 : one;
                } catch (RuntimeException e) {
                    // Still marked: the next import or start-up tries again; the failure is in the station's trail.
                    log.warn("Station {}: its pipeline could not be started: {}", code, e.getMessage());
                    transactions.executeWithoutResult(status -> registry.recordEvent(code,
                            StationEventType.PIPELINE_START_FAILED,
                            null, null, AuditAction.system(null, null), e.getMessage()));
                }
            }
            return started;
        }
    }

    private int startBatch(List<String> codes) {
        List<String> marked = registry.takePendingPipelines(codes);
        if (marked.isEmpty()) {
            return 0;
        }
        Set<String> hadOne = history.createHistoricProcessInstanceQuery().processDefinitionKey(StationReadiness.KEY)
                .processInstanceBusinessKeyIn(marked.toArray(String[]::new)).list().stream()
                .map(HistoricProcessInstance::getBusinessKey).collect(Collectors.toSet());
        int started = 0;
        for (String code : marked) {
            if (!hadOne.contains(code)) {
                runtime.startProcessInstanceByKey(StationReadiness.KEY, code, Map.ofEntries(STATION_CODE.with(code)));
                started++;
            }
        }
        return started;
    }

    /** At start-up, once access and the profile's data are seeded: finishes what an interrupted import left. */
    @Override
    public void afterSeeding() {
        try {
            int started = startPending();
            if (started > 0) {
                log.info("Started {} station pipelines that an interrupted import had left", started);
            }
        } catch (RuntimeException e) {
            log.error("Starting the pipelines an interrupted import left failed; retried at the next start", e);
        }
    }
}
