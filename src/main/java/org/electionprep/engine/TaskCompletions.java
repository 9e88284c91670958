package org.electionprep.engine;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Who completed which task of a process instance in the running transaction, for the service steps that follow
 * the task in the same transaction. Kept outside the process variables, so that no task submission can forge it;
 * forgotten when the transaction ends.
 */
@Component
public class TaskCompletions {

    public record Completion(String actor, String taskId) {
    }

    private final Map<String, Completion> byProcessInstance = new ConcurrentHashMap<>();

    public void record(String processInstanceId, String actor, String taskId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        if (byProcessInstance.put(processInstanceId, new Completion(actor, taskId)) == null) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    byProcessInstance.remove(processInstanceId);
                }
            });
        }
    }

    public Optional<Completion> current(String processInstanceId) {
        return Optional.ofNullable(byProcessInstance.get(processInstanceId));
    }
}
