package org.electionprep.training;

import static org.electionprep.engine.Submissions.text;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.electionprep.division.CountyRegistry;
import org.electionprep.engine.ProcessActions;
import org.electionprep.engine.Submissions;
import org.springframework.stereotype.Component;

/** Schedules the county trainer's make-up session and invites the officials still untrained. */
@Component
public class RecordMakeupSessionDelegate implements JavaDelegate {

    private final OfficialsTraining training;
    private final CountyRegistry counties;
    private final ProcessActions actions;

    public RecordMakeupSessionDelegate(OfficialsTraining training, CountyRegistry counties, ProcessActions actions) {
        this.training = training;
        this.counties = counties;
        this.actions = actions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String county = execution.getProcessBusinessKey();
        long session = Submissions.call(() -> training.schedule("MAKEUP", counties.regionOf(county).orElseThrow(),
                county, execution.getVariable("makeupDate"), text(execution.getVariable("makeupVenue")), null, null,
                actions.of(execution).actor()));
        training.invite(session, county);
        execution.setVariable("trainingSessionId", session);
        execution.setVariable("trainingSessionDate", training.sessionDate(session));
        execution.setVariable("sessionLabel", training.sessionLabel(session));
        execution.removeVariables(List.of("makeupDate", "makeupVenue"));
    }
}
