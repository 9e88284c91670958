package org.electionprep.operations;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Whether this node's job executor is running: a node whose executor stopped still answers requests but no longer
 * probes links or fires milestone timers, so a load balancer or an operator must see it (component "jobExecutor" of
 * /actuator/health and of the readiness group).
 */
@Component
public class JobExecutorHealthIndicator implements HealthIndicator {

    private final ProcessEngine engine;

    public JobExecutorHealthIndicator(ProcessEngine engine) {
        this.engine = engine;
    }

    @Override
    public Health health() {
        JobExecutor executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        if (executor == null || !executor.isActive()) {
            return Health.down().withDetail("active", false).build();
        }
        return Health.up().withDetail("active", true).withDetail("lockTimeInMillis", executor.getLockTimeInMillis())
                .withDetail("maxJobsPerAcquisition", executor.getMaxJobsPerAcquisition()).build();
    }
}
