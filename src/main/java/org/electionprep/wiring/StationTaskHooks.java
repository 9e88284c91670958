package org.electionprep.wiring;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.electionprep.division.ProvinceGroups;
import org.electionprep.engine.UserTaskHooks;
import org.electionprep.identity.AccessProperties;
import org.electionprep.shared.AuditAction;
import org.electionprep.station.StationEventType;
import org.electionprep.station.StationRegistry;
import org.springframework.stereotype.Component;

/**
 * Around every user task: the instance's identity refreshed from the registry when the task is created and again
 * when it is completed (whatever the submission contained), and a station's completed task in its audit trail. A task
 * of a model deployed before the province groups carried their province (candidate group province-it) goes to its
 * province's group (province-it-khuzestan) as well, so that instances running on those models still reach someone.
 */
@Component
public class StationTaskHooks implements UserTaskHooks {

    private final StationFacts facts;
    private final StationRegistry registry;
    private final AccessProperties access;
    private final ProvinceGroups provinceGroups;

    public StationTaskHooks(StationFacts facts, StationRegistry registry, AccessProperties access,
                            ProvinceGroups provinceGroups) {
        this.facts = facts;
        this.registry = registry;
        this.access = access;
        this.provinceGroups = provinceGroups;
    }

    @Override
    public void created(DelegateTask task) {
        facts.refresh(task.getExecution());
        for (AccessProperties.Role role : access.provinceRoles()) {
            boolean offeredToOldGroup = task.getCandidates().stream()
                    .anyMatch(link -> role.id().equals(link.getGroupId()));
            // The old link stays: a task's links are not yet written when it is created, so it cannot be deleted here,
            // and it names a group that is gone.
            if (offeredToOldGroup && task.getTenantId() != null) {
                task.addCandidateGroup(provinceGroups.of(role.id(), task.getTenantId()));
            }
        }
    }

    @Override
    public void completed(DelegateTask task, AuditAction action) {
        facts.refresh(task.getExecution()).ifPresent(station -> registry.recordEvent(station.code(),
                StationEventType.TASK_COMPLETED, null, null, action, task.getName()));
    }
}
