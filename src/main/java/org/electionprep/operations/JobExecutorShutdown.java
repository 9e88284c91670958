package org.electionprep.operations;

import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.property.JobExecutionProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * A graceful stop (SIGTERM) that finishes the jobs this node has taken instead of leaving them locked for the lock
 * time (5 minutes) or cutting a running check off. The starter's own executor stops taking work as soon as the
 * context starts closing, while the engine still acquires and locks jobs, and on its destruction it interrupts the
 * running ones; so this node has its own executor, and once the web server has finished its requests, the job
 * acquisition is stopped first and the jobs already taken are then run to their end, while the database is still there.
 * Jobs the acquisition had locked but not yet handed over are unlocked, so that another node takes them at once.
 */
@Configuration
@ConditionalOnProperty(prefix = "camunda.bpm.job-execution", name = "enabled", havingValue = "true", matchIfMissing = true)
public class JobExecutorShutdown {

    /** Far above the longest connectivity check (samples x (connect + request timeout) x links). */
    static final int DRAIN_SECONDS = 90;

    private static final Logger LOG = LoggerFactory.getLogger(JobExecutorShutdown.class);

    /** The job executor's threads, as the starter would make them, but kept taking and finishing work until drained. */
    @Bean(name = "camundaTaskExecutor")
    public ThreadPoolTaskExecutor camundaTaskExecutor(CamundaBpmProperties properties) {
        JobExecutionProperty jobs = properties.getJobExecution();
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(jobs.getCorePoolSize());
        executor.setMaxPoolSize(jobs.getMaxPoolSize());
        executor.setQueueCapacity(jobs.getQueueCapacity());
        if (jobs.getKeepAliveSeconds() != null) {
            executor.setKeepAliveSeconds(jobs.getKeepAliveSeconds());
        }
        executor.setAcceptTasksAfterContextClose(true);
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(DRAIN_SECONDS);
        return executor;
    }

    @Bean
    public SmartLifecycle drainJobsOnShutdown(ProcessEngine engine,
                                              @Qualifier("camundaTaskExecutor") ThreadPoolTaskExecutor executor,
                                              JdbcTemplate jdbc) {
        return new DrainJobs(engine, executor, jdbc);
    }

    static final class DrainJobs implements SmartLifecycle {

        private final ProcessEngine engine;
        private final ThreadPoolTaskExecutor executor;
        private final JdbcTemplate jdbc;
        private volatile boolean running;

        DrainJobs(ProcessEngine engine, ThreadPoolTaskExecutor executor, JdbcTemplate jdbc) {
            this.engine = engine;
            this.executor = executor;
            this.jdbc = jdbc;
        }

        @Override
        public void start() {
            running = true;
        }

        @Override
        public void stop() {
            running = false;
            JobExecutor acquisition = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                    .getJobExecutor();
            if (acquisition != null) {
                acquisition.shutdown();
            }
            ThreadPoolExecutor pool = executor.getThreadPoolExecutor();
            LOG.info("Stopping: job acquisition stopped; finishing {} running and {} queued jobs", pool.getActiveCount(),
                    pool.getQueue().size());
            pool.shutdown();
            try {
                if (!pool.awaitTermination(DRAIN_SECONDS, TimeUnit.SECONDS)) {
                    LOG.warn("Jobs still running after {} s; they stay locked until their lock expires", DRAIN_SECONDS);
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (acquisition != null) {
                // Nothing of this node runs a job any more: what is still locked in its name was acquired and never
                // started. The revision moves on as the engine's own updates do, for its optimistic locking.
                int released = jdbc.update("UPDATE ACT_RU_JOB SET LOCK_OWNER_ = NULL, LOCK_EXP_TIME_ = NULL,"
                        + " REV_ = REV_ + 1 WHERE LOCK_OWNER_ = ?", acquisition.getLockOwner());
                LOG.info("Stopping: {} jobs taken but not started were unlocked for the other nodes", released);
            }
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        /** After the web server's graceful shutdown (which finishes requests) and its stop. */
        @Override
        public int getPhase() {
            return SmartLifecycle.DEFAULT_PHASE - 4096;
        }
    }
}
