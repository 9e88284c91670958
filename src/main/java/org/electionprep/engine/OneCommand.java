package org.electionprep.engine;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Runs a piece of the app's own engine work as one engine command. The service calls inside it share its command
 * context, so their writes reach the database together, in JDBC batches, when it ends, rather than one flush per call:
 * setting up a county is some sixty calls. The calls inside do not see each other's writes through queries (only by
 * id), so the work must keep what it wrote in hand. It joins the caller's transaction.
 */
@Component
public class OneCommand {

    private final ProcessEngineConfigurationImpl configuration;

    public OneCommand(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
    }

    public void run(Runnable work) {
        configuration.getCommandExecutorTxRequired().execute(context -> {
            work.run();
            return null;
        });
    }
}
