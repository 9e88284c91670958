package org.electionprep.integration;

import java.util.concurrent.Semaphore;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many station files a node reads at once. Each import holds its file's codes and circuits while it checks them,
 * and a slow upload holds a worker thread: beyond these slots an import is refused at once with 503 and Retry-After,
 * before its body is read, so parallel uploads cannot exhaust the heap or the workers.
 */
@Component
class ImportSlots {

    private final Semaphore slots;

    ImportSlots(@Value("${election-prep.api.concurrent-imports:2}") int concurrent) {
        this.slots = new Semaphore(concurrent);
    }

    boolean tryTake() {
        return slots.tryAcquire();
    }

    void give() {
        slots.release();
    }
}
