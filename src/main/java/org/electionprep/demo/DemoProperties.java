package org.electionprep.demo;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param simulatorPort port of the link simulator on 127.0.0.1
 * @param verifiedShare share of demo stations whose site verification is completed at first start-up
 * @param electionInDays days from the first start-up to the demo region's election date
 * @param verifiedCounties counties whose every site the demo verifies at first start-up
 * @param finalizedCounties counties (of those verified) whose station database the demo governor finalizes
 */
@ConfigurationProperties("election-prep.demo")
public record DemoProperties(@DefaultValue("18090") int simulatorPort, @DefaultValue("0.4") double verifiedShare,
                             @DefaultValue("70") int electionInDays,
                             @DefaultValue({"hoveyzeh", "hamidiyeh", "bavi", "karun"}) List<String> verifiedCounties,
                             @DefaultValue({"hoveyzeh", "hamidiyeh", "bavi"}) List<String> finalizedCounties) {
}
