package org.electionprep.connectivity;

import org.springframework.stereotype.Component;

/** Read by the model's timers, so the escalation deadline is configuration rather than a number in the BPMN. */
@Component
public class EscalationPolicy {

    private final ConnectivityProperties properties;

    public EscalationPolicy(ConnectivityProperties properties) {
        this.properties = properties;
    }

    public String fixConnectivityAfter() {
        return properties.fixEscalation();
    }
}
