package org.electionprep.integration;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts station-readiness for the stations an import marked, in batches, each batch one transaction that also clears
 * the marks: a crash midway leaves the rest marked, and the next run (after an import, or at start-up) finishes them.
 * A station that already has a pipeline, running or ended, is not started again.
 */
@Component
public class PipelineStarter {

    private static final Logger log = LoggerFactory.getLogger(PipelineStarter.class);
    static final int BATCH = 100;

    private final JdbcTemplate jdbc;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final IdentityService identity;
    private final TransactionTemplate transactions;

    public PipelineStarter(JdbcTemplate jdbc, RuntimeService runtime, HistoryService history, IdentityService identity,
                           TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.history = history;
        this.identity = identity;
        this.transactions = transactions;
    }

    /** Starts the pipelines of these marked stations (an import's own), in batches; answers how many were started. */
    public int start(List<String> codes) {
        Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            int started = 0;
            for (int from = 0; from < codes.size(); from += BATCH) {
                List<String> batch = codes.subList(from, Math.min(codes.size(), from + BATCH));
                Integer inBatch = transactions.execute(status -> startBatch(batch));
                started += inBatch == null ? 0 : inBatch;
            }
            return started;
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
    }

    /** Starts every marked station's pipeline; answers how many were started. */
    public int startPending() {
        // The import's caller asked for the stations; the app starts their pipelines, as the engine itself.
        Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            int started = 0;
            while (true) {
                List<String> batch = jdbc.queryForList("SELECT code FROM station WHERE pipeline_pending = TRUE"
                        + " ORDER BY code FETCH FIRST " + BATCH + " ROWS ONLY", String.class);
                if (batch.isEmpty()) {
                    return started;
                }
                Integer inBatch = transactions.execute(status -> startBatch(batch));
                started += inBatch == null ? 0 : inBatch;
            }
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
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
        int started = startPending();
        if (started > 0) {
            log.info("Started {} station pipelines that an interrupted import had left", started);
        }
    }
}
