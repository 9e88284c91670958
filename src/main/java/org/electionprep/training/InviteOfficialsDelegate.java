package org.electionprep.training;


import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.electionprep.engine.ProcessActions;
import org.electionprep.engine.Submissions;
import org.springframework.stereotype.Component;

/** Invites the county's untrained officials to the regional session the province scheduled. */
@Component
public class InviteOfficialsDelegate implements JavaDelegate {

    private final OfficialsTraining training;
    private final ProcessActions actions;

    public InviteOfficialsDelegate(OfficialsTraining training, ProcessActions actions) {
        this.training = training;
        this.actions = actions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long session = ((Number) execution.getVariable("regionalSessionId")).longValue();
        training.invite(session, execution.getProcessBusinessKey());
        execution.setVariable("trainingSessionId", session);
        execution.setVariable("trainingSessionDate", training.sessionDate(session));
        execution.setVariable("sessionLabel", training.sessionLabel(session));
    }
}
