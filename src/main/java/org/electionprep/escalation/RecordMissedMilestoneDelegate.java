package org.electionprep.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.electionprep.division.CountyRegistry;
import org.electionprep.engine.ProcessActions;
import org.electionprep.engine.Submissions;
import org.electionprep.escalation.MissedMilestones;
import org.electionprep.milestone.Milestone;
import org.electionprep.milestone.Milestones;
import org.springframework.stereotype.Component;

/** Marks what a missed milestone left late (stations AT_RISK, untrained officials) and addresses the escalation to the next level up. */
@Component
public class RecordMissedMilestoneDelegate implements JavaDelegate {

    private final MissedMilestones missed;
    private final Milestones milestones;
    private final CountyRegistry counties;
    private final ProcessActions actions;

    public RecordMissedMilestoneDelegate(MissedMilestones missed, Milestones milestones, CountyRegistry counties, ProcessActions actions) {
        this.missed = missed;
        this.milestones = milestones;
        this.counties = counties;
        this.actions = actions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String county = execution.getProcessBusinessKey();
        Milestone milestone = Milestone.valueOf((String) execution.getVariable("milestone"));
        MissedMilestones.Miss miss = missed.record(county, milestone, actions.of(execution));
        execution.setVariable("countyName", counties.name(county));
        execution.setVariable("milestoneName", milestone.persianName());
        execution.setVariable("milestoneDueDate",
                milestones.dueDay(milestones.date(execution.getVariable("electionDate")), milestone.key()).toString());
        execution.setVariable("escalationGroup", milestone.escalationGroup(county));
        execution.setVariable("lateCount", miss.count());
        execution.setVariable("lateList", miss.list());
    }
}
