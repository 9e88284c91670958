package org.electionprep.connectivity;

import org.springframework.stereotype.Component;

/**
 * Read by the station model (the fix's escalation timer, the check's retry cycle), so these times are configuration
 * rather than numbers in the BPMN.
 */
@Component
public class EscalationPolicy {

    private final ConnectivityProperties properties;

    public EscalationPolicy(ConnectivityProperties properties) {
        this.properties = properties;
    }

    public String fixConnectivityAfter() {
        return properties.fixEscalation();
    }

    public String checkRetryCycle() {
        return properties.retryCycle();
    }
}
