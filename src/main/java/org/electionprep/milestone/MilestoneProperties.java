package org.electionprep.milestone;

import java.time.ZoneId;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Days before the election date at which each milestone falls due (keys as in {@link Milestone#key()}, plus
 * fallback-window and regional-report), and the zone whose midnight a due day starts at.
 */
@ConfigurationProperties("election-prep.milestones")
public record MilestoneProperties(ZoneId zone, Map<String, Integer> daysBefore) {
}
