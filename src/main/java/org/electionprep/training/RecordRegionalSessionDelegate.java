package org.electionprep.training;

import static org.electionprep.engine.Submissions.text;

import java.util.List;
import java.util.Map;

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

    public RecordRegionalSessionDelegate(OfficialsTraining training, RegionService regions, Messages messages, ProcessActions actions) {
        this.training = training;
        this.regions = regions;
        this.messages = messages;
        this.actions = actions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String region = execution.getProcessBusinessKey();
        long session = Submissions.call(() -> training.schedule("REGIONAL", region, null,
                execution.getVariable("sessionDate"), text(execution.getVariable("venue")),
                text(execution.getVariable("trainers")), text(execution.getVariable("sessionNotes")),
                actions.of(execution).actor()));
        for (String county : regions.counties(region)) {
            messages.send("regionalTrainingScheduled", county, county, Map.of("regionalSessionId", session));
        }
        execution.setVariable("regionalSessionId", session);
    }
}
