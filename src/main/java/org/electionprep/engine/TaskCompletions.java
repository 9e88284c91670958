package org.electionprep.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Who completed which task of a process instance in the current transaction, for the service steps that follow the
 * task in that same transaction. Bound to the transaction (never shared between transactions or threads) and kept
 * outside the process variables, so that no task submission can forge it.
 */
@Component
public class TaskCompletions {

    public record Completion(String actor, String taskId) {
    }

    /** The key under which this bean's map is bound to the running transaction. */
    private final Object resourceKey = new Object();

    public void record(String processInstanceId, String actor, String taskId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        current().orElseGet(this::bind).put(processInstanceId, new Completion(actor, taskId));
    }

    public Optional<Completion> current(String processInstanceId) {
        return current().map(byInstance -> byInstance.get(processInstanceId));
    }

    @SuppressWarnings("unchecked")
    private Optional<Map<String, Completion>> current() {
        return Optional.ofNullable((Map<String, Completion>) TransactionSynchronizationManager.getResource(resourceKey));
    }

    private Map<String, Completion> bind() {
        Map<String, Completion> byInstance = new HashMap<>();
        TransactionSynchronizationManager.bindResource(resourceKey, byInstance);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(resourceKey);
            }
        });
        return byInstance;
    }
}
