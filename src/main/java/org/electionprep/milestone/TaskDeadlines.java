package org.electionprep.milestone;

import java.util.Date;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.electionprep.county.CountyRegistry;
import org.electionprep.region.RegionService;
import org.springframework.stereotype.Component;

/**
 * A task's due date is the milestone its work counts toward, in its county's election
 * ({@code camunda:dueDate="${taskDeadlines.due(execution, 'stations-verified')}"}), so that Tasklist's "overdue"
 * filter and the escalation timers agree. A county in no region yet has no election date, and its tasks no due date.
 */
@Component
public class TaskDeadlines {

    private final CountyRegistry counties;
    private final RegionService regions;
    private final Milestones milestones;

    public TaskDeadlines(CountyRegistry counties, RegionService regions, Milestones milestones) {
        this.counties = counties;
        this.regions = regions;
        this.milestones = milestones;
    }

    public Date due(VariableScope execution, String milestoneKey) {
        Object county = execution.getVariable("countyCode");
        if (county == null) {
            return null;
        }
        return counties.regionOf(county.toString())
                .map(region -> milestones.due(regions.electionDate(region), milestoneKey))
                .orElse(null);
    }
}
