package org.electionprep.engine;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.electionprep.shared.AuditAction;

/**
 * What the capabilities do around every user task of every model: the engine calls, the domain above it decides
 * (the station's identity put back on the instance, the audit row). Lets the engine's wiring stay below the domain.
 */
public interface UserTaskHooks {

    /** A task was created, before anyone sees it. */
    void created(DelegateTask task);

    /** A task was completed by the given actor, in the completing transaction. */
    void completed(DelegateTask task, AuditAction action);
}
