package org.electionprep.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param simulatorPort port of the link simulator on 127.0.0.1
 * @param verifiedShare share of demo stations whose site verification is completed at first start-up
 */
@ConfigurationProperties("election-prep.demo")
public record DemoProperties(@DefaultValue("18090") int simulatorPort, @DefaultValue("0.4") double verifiedShare) {
}
