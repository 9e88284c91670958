package org.electionprep.connectivity;

import static org.electionprep.engine.Submissions.text;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.electionprep.engine.ProcessActions;
import org.electionprep.engine.Submissions;
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
        ConnectivityFix.Action action = switch (String.valueOf(execution.getVariable("fixAction"))) {
            case "fiberRepair" -> ConnectivityFix.Action.FIBER_REPAIR;
            case "switchToBackup" -> ConnectivityFix.Action.SWITCH_TO_BACKUP;
            case "newLink" -> ConnectivityFix.Action.NEW_LINK;
            default -> throw new FormFieldValidationException("fixAction",
                    "اقدام انجام‌شده را انتخاب کنید: ترمیم فیبر، تغییر به ارتباط پشتیبان یا ارتباط جدید");
        };
        ConnectivityFix fix = new ConnectivityFix(text(execution.getVariable("fixCause")), action,
                text(execution.getVariable("ticketNumber")), text(execution.getVariable("newEndpoint")),
                text(execution.getVariable("fixNotes")));
        Submissions.run(() -> connectivity.recordFix(ProcessActions.stationCode(execution), fix,
                actions.of(execution)));
        // The next fix, if the check fails again, is reported afresh.
        execution.removeVariables(List.of("fixCause", "fixAction", "ticketNumber", "newEndpoint", "fixNotes"));
    }
}
