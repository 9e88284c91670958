package org.electionprep.operations;

import java.util.UUID;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.stereotype.Component;

/**
 * Names this node's job locks after the node ({@code <node name>/<8 random characters>}, unique even if two nodes were
 * given the same name) instead of the engine's bare UUID, so that an operator looking at a job's lock owner
 * (ACT_RU_JOB.LOCK_OWNER_) sees which node holds it, e.g. a node that died with jobs still locked.
 */
@Component
public class NodeLockOwner extends AbstractProcessEnginePlugin {

    private final NodeName node;

    public NodeLockOwner(NodeName node) {
        this.node = node;
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl config) {
        JobExecutor executor = config.getJobExecutor();
        if (executor != null) {
            executor.setLockOwner(node.get() + "/" + UUID.randomUUID().toString().substring(0, 8));
        }
    }
}
