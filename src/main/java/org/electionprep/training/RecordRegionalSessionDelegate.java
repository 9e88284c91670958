package org.electionprep.training;

import org.electionprep.milestone.Milestones;
import static org.electionprep.shared.process.CountyReadiness.REGIONAL_TRAINING_SCHEDULED_MESSAGE;
import static org.electionprep.shared.process.RegionalReadiness.REGIONAL_SESSION_ID;
import static org.electionprep.shared.process.RegionalReadiness.SESSION_DATE;
import static org.electionprep.shared.process.RegionalReadiness.SESSION_NOTES;
import static org.electionprep.shared.process.RegionalReadiness.TRAINERS;
import static org.electionprep.shared.process.RegionalReadiness.VENUE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.electionprep.engine.Messages;
import org.electionprep.engine.ProcessActions;
import org.electionprep.engine.Submissions;
import org.electionprep.region.RegionService;
import org.springframework.stereotype.Component;

/** Schedules the regional training session and lets every county process of the region invite its officials. */
@Component
public class RecordRegionalSessionDelegate implements JavaDelegate {

    private final OfficialsTraining training;
    private final RegionService regions;
    private final Messages messages;
    private final ProcessActions actions;
    private final Milestones milestones;

    public RecordRegionalSessionDelegate(OfficialsTraining training, RegionService regions, Messages messages,
                                         ProcessActions actions, Milestones milestones) {
        this.training = training;
        this.milestones = milestones;
        this.regions = regions;
        this.messages = messages;
        this.actions = actions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String region = execution.getProcessBusinessKey();
        long session = Submissions.call(() -> training.schedule("REGIONAL", region, null,
                milestones.date(SESSION_DATE.from(execution)), VENUE.from(execution),
                TRAINERS.from(execution), SESSION_NOTES.from(execution),
                actions.of(execution).actor()));
        for (String county : regions.counties(region)) {
            messages.send(REGIONAL_TRAINING_SCHEDULED_MESSAGE, county, county, REGIONAL_SESSION_ID.with(session));
        }
        REGIONAL_SESSION_ID.set(execution, session);
    }
}
