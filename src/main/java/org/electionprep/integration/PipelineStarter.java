package org.electionprep.integration;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.electionprep.engine.Messages;
import org.electionprep.station.StationAction;
import org.electionprep.station.StationRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts station-readiness for the stations an import marked, in batches, each batch one transaction that also clears
 * the marks: a crash midway leaves the rest marked, and the next run (after an import, or at start-up) finishes them.
 * A station that already has a pipeline, running or ended, is not started again.
 */
@Component
public class PipelineStarter implements DisposableBean {

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

    public PipelineStarter(JdbcTemplate jdbc, RuntimeService runtime, HistoryService history, IdentityService identity,
                           StationRegistry registry, TransactionTemplate transactions) {
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
    }

    /** Starts the pipelines of these marked stations (an import's own), in batches; answers how many were started. */
    public int start(List<String> codes) {
        // The import's caller asked for the stations; the app starts their pipelines, as the engine itself.
        return Messages.asApp(identity, () -> {
            int started = 0;
            for (int from = 0; from < codes.size(); from += BATCH) {
                started += startOrOneByOne(codes.subList(from, Math.min(codes.size(), from + BATCH)));
            }
            return started;
        });
    }

    /** Starts every marked station's pipeline; answers how many were started. */
    public int startPending() {
        return Messages.asApp(identity, () -> {
            int started = 0;
            String after = "";
            while (true) {
                // In code order from where the last batch ended: a station that failed is not retried in this run.
                List<String> batch = jdbc.queryForList("SELECT code FROM station WHERE pipeline_pending = TRUE"
                        + " AND code > ? ORDER BY code FETCH FIRST " + BATCH + " ROWS ONLY", String.class, after);
                if (batch.isEmpty()) {
                    return started;
                }
                started += startOrOneByOne(batch);
                after = batch.get(batch.size() - 1);
            }
        });
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
                    transactions.executeWithoutResult(status -> registry.recordEvent(code, "PIPELINE_START_FAILED",
                            null, null, StationAction.system(null, null), e.getMessage()));
                }
            }
            return started;
        }
    }

    private int startBatch(List<String> codes) {
        int started = 0;
        for (String code : codes) {
            // Whoever clears the mark starts the pipeline; a concurrent starter waits for this row and then skips it.
            if (jdbc.update("UPDATE station SET pipeline_pending = FALSE WHERE code = ? AND pipeline_pending = TRUE",
                    code) == 0) {
                continue;
            }
            if (history.createHistoricProcessInstanceQuery().processDefinitionKey("station-readiness")
                    .processInstanceBusinessKey(code).count() > 0) {
                continue;
            }
            runtime.startProcessInstanceByKey("station-readiness", code, Map.of("stationCode", code));
            started++;
        }
        return started;
    }

    /** At start-up: finishes what an interrupted import left. */
    public void resume() {
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
