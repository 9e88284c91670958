package org.electionprep.connectivity;

import java.time.Duration;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a link is probed, and how long a fix may stay open before the province's IT directorate hears of it.
 *
 * @param samples        probes per check; loss is the share that failed
 * @param connectTimeout limit for the TCP connect of one sample
 * @param requestTimeout limit for the HTTP health request of one sample
 * @param fixEscalation  ISO-8601 duration after which an open connectivity fix escalates to province-it
 * @param retryCycle     how a check that failed (the prober or the database threw) is tried again before it becomes
 *                       an incident, as a Camunda retry time cycle (R3/PT2M: three runs in all, two minutes apart)
 */
@ConfigurationProperties("election-prep.connectivity")
public record ConnectivityProperties(
        @DefaultValue("3") int samples,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("3s") Duration requestTimeout,
        @DefaultValue("PT48H") String fixEscalation,
        @DefaultValue("R3/PT2M") String retryCycle) {

    /** R, a count, and an ISO-8601 duration; the engine would silently retry at once on anything else. */
    private static final Pattern RETRY_CYCLE = Pattern.compile("R\\d+/P(?:\\d+[DWMY])*(?:T(?:\\d+[HMS])+)?");

    public ConnectivityProperties {
        if (retryCycle == null || !RETRY_CYCLE.matcher(retryCycle).matches() || retryCycle.endsWith("/P")) {
            throw new IllegalArgumentException("election-prep.connectivity.retry-cycle must be a retry time cycle"
                    + " such as R3/PT2M, not '" + retryCycle + "'");
        }
    }
}
