package org.electionprep.training;

import java.util.List;

import static org.electionprep.engine.Submissions.text;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.electionprep.engine.ProcessActions;
import org.electionprep.engine.Submissions;
import org.springframework.stereotype.Component;

/** Schedules the county trainer's make-up session and invites the officials still untrained. */
@Component
public class RecordMakeupSessionDelegate implements JavaDelegate {

    private final OfficialsTraining training;
    private final ProcessActions actions;

    public RecordMakeupSessionDelegate(OfficialsTraining training, ProcessActions actions) {
        this.training = training;
        this.actions = actions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String county = (String) execution.getVariable("countyCode");
        long session = Submissions.call(() -> training.schedule("MAKEUP", (String) execution.getVariable("regionCode"),
                county, execution.getVariable("makeupDate"), text(execution.getVariable("makeupVenue")), null, null,
                actions.of(execution).actor()));
        training.invite(session, county);
        execution.setVariable("trainingSessionId", session);
        execution.setVariable("trainingSessionDate", training.sessionDate(session));
        execution.setVariable("sessionLabel", training.sessionLabel(session));
        execution.removeVariables(List.of("makeupDate", "makeupVenue"));
    }
}
