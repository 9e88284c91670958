package org.electionprep.connectivity;

import static org.electionprep.shared.process.StationReadiness.FIX_ACTION;
import static org.electionprep.shared.process.StationReadiness.FIX_CAUSE;
import static org.electionprep.shared.process.StationReadiness.FIX_NOTES;
import static org.electionprep.shared.process.StationReadiness.NEW_ENDPOINT;
import static org.electionprep.shared.process.StationReadiness.TICKET_NUMBER;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.electionprep.engine.ProcessActions;
import org.electionprep.engine.Submissions;
import org.electionprep.shared.Texts;
import org.electionprep.shared.process.Var;
import org.springframework.stereotype.Component;

/** Records what IT staff did about a failed link (and switches links where they said so) before the next check. */
@Component
public class RecordConnectivityFixDelegate implements JavaDelegate {

    private final ConnectivityService connectivity;
    private final ProcessActions actions;

    public RecordConnectivityFixDelegate(ConnectivityService connectivity, ProcessActions actions) {
        this.connectivity = connectivity;
        this.actions = actions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ConnectivityFix.Action action = switch (String.valueOf(FIX_ACTION.from(execution))) {
            case "fiberRepair" -> ConnectivityFix.Action.FIBER_REPAIR;
            case "switchToBackup" -> ConnectivityFix.Action.SWITCH_TO_BACKUP;
            case "newLink" -> ConnectivityFix.Action.NEW_LINK;
            default -> throw new FormFieldValidationException(FIX_ACTION.name(),
                    Texts.get("connectivity.fix-action-missing"));
        };
        ConnectivityFix fix = new ConnectivityFix(FIX_CAUSE.from(execution), action,
                TICKET_NUMBER.from(execution), NEW_ENDPOINT.from(execution),
                FIX_NOTES.from(execution));
        Submissions.run(() -> connectivity.recordFix(ProcessActions.stationCode(execution), fix,
                actions.of(execution)));
        // The next fix, if the check fails again, is reported afresh.
        Var.remove(execution, FIX_CAUSE, FIX_ACTION, TICKET_NUMBER, NEW_ENDPOINT, FIX_NOTES);
    }
}
