package org.electionprep.connectivity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a link is probed, and how long a fix may stay open before the province's IT directorate hears of it.
 *
 * @param samples        probes per check; loss is the share that failed
 * @param connectTimeout limit for the TCP connect of one sample
 * @param requestTimeout limit for the HTTP health request of one sample
 * @param fixEscalation  ISO-8601 duration after which an open connectivity fix escalates to province-it
 */
@ConfigurationProperties("election-prep.connectivity")
public record ConnectivityProperties(
        @DefaultValue("3") int samples,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("3s") Duration requestTimeout,
        @DefaultValue("PT48H") String fixEscalation) {
}
