package org.electionprep.station;

import static org.electionprep.engine.Submissions.number;
import static org.electionprep.engine.Submissions.text;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.electionprep.engine.ProcessActions;
import org.electionprep.engine.Submissions;
import org.springframework.stereotype.Component;

/** Writes the district head's corrections into the registry; validation then runs again. */
@Component
public class ApplyRecordCorrectionDelegate implements JavaDelegate {

    private final StationService stations;
    private final ProcessActions actions;

    public ApplyRecordCorrectionDelegate(StationService stations, ProcessActions actions) {
        this.stations = stations;
        this.actions = actions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RecordCorrection correction = Submissions.call(() -> new RecordCorrection(
                text(execution.getVariable("recordName")), text(execution.getVariable("address")),
                text(execution.getVariable("districtCode")), number(execution.getVariable("expectedVoters")),
                number(execution.getVariable("capacity")), text(execution.getVariable("primaryEndpoint"))));
        Submissions.run(() -> stations.correct(ProcessActions.stationCode(execution), correction,
                actions.of(execution)));
    }
}
