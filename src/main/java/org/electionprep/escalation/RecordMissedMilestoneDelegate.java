package org.electionprep.escalation;

import static org.electionprep.shared.process.InstanceFacts.COUNTY_NAME;
import static org.electionprep.shared.process.InstanceFacts.ELECTION_DATE;
import static org.electionprep.shared.process.MilestoneEscalation.ESCALATION_GROUP;
import static org.electionprep.shared.process.MilestoneEscalation.LATE_COUNT;
import static org.electionprep.shared.process.MilestoneEscalation.LATE_LIST;
import static org.electionprep.shared.process.MilestoneEscalation.MILESTONE;
import static org.electionprep.shared.process.MilestoneEscalation.MILESTONE_DUE_DATE;
import static org.electionprep.shared.process.MilestoneEscalation.MILESTONE_NAME;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.electionprep.division.CountyRegistry;
import org.electionprep.engine.ProcessActions;
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
        Milestone milestone = Milestone.valueOf(MILESTONE.from(execution));
        MissedMilestones.Miss miss = missed.record(county, milestone, actions.of(execution));
        COUNTY_NAME.set(execution, counties.name(county));
        MILESTONE_NAME.set(execution, milestone.persianName());
        MILESTONE_DUE_DATE.set(execution, milestones.dueDay(milestones.date(ELECTION_DATE.from(execution)),
                milestone.key()).toString());
        ESCALATION_GROUP.set(execution,
                milestone.escalationGroup(county, counties.provinceOf(county).orElseThrow()));
        LATE_COUNT.set(execution, miss.count());
        LATE_LIST.set(execution, miss.list());
    }
}
