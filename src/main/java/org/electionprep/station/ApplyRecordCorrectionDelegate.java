package org.electionprep.station;

import static org.electionprep.shared.process.StationReadiness.ADDRESS;
import static org.electionprep.shared.process.StationReadiness.CAPACITY;
import static org.electionprep.shared.process.StationReadiness.DISTRICT_CODE;
import static org.electionprep.shared.process.StationReadiness.EXPECTED_VOTERS;
import static org.electionprep.shared.process.StationReadiness.PRIMARY_ENDPOINT;
import static org.electionprep.shared.process.StationReadiness.RECORD_NAME;

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
                RECORD_NAME.from(execution), ADDRESS.from(execution),
                DISTRICT_CODE.from(execution), EXPECTED_VOTERS.from(execution),
                CAPACITY.from(execution), PRIMARY_ENDPOINT.from(execution)));
        Submissions.run(() -> stations.correct(ProcessActions.stationCode(execution), correction,
                actions.of(execution)));
    }
}
