package org.electionprep.training;

import static org.electionprep.shared.process.CountyReadiness.SESSION_LABEL;
import static org.electionprep.shared.process.CountyReadiness.TRAINING_SESSION_DATE;
import static org.electionprep.shared.process.CountyReadiness.TRAINING_SESSION_ID;
import static org.electionprep.shared.process.RegionalReadiness.REGIONAL_SESSION_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.electionprep.engine.ProcessActions;
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
        long session = ((Number) REGIONAL_SESSION_ID.from(execution)).longValue();
        training.invite(session, execution.getProcessBusinessKey());
        TRAINING_SESSION_ID.set(execution, session);
        TRAINING_SESSION_DATE.set(execution, training.sessionDate(session));
        SESSION_LABEL.set(execution, training.sessionLabel(session));
    }
}
