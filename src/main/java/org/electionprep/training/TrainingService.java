package org.electionprep.training;

import org.electionprep.division.CountyRegistry;
import org.electionprep.shared.AuditAction;
import org.electionprep.shared.RejectedSubmissionException;
import org.electionprep.shared.Texts;
import org.electionprep.station.StationEventType;
import org.electionprep.station.StationRegistry;
import org.electionprep.station.StationStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records the trainer's sign-off of a station's operators: training done and the practical drill's result. */
@Service
@Transactional
public class TrainingService {

    private final StationRegistry registry;
    private final CountyRegistry counties;

    public TrainingService(StationRegistry registry, CountyRegistry counties) {
        this.registry = registry;
        this.counties = counties;
    }

    public void recordSignOff(String stationCode, String operatorNames, boolean trainingCompleted, boolean drillPassed,
                              String notes, AuditAction action) {
        if (operatorNames == null || operatorNames.isBlank()) {
            throw new RejectedSubmissionException(Texts.get("training.operator-names-required"));
        }
        if (drillPassed && !trainingCompleted) {
            throw new RejectedSubmissionException(Texts.get("training.drill-without-training"));
        }
        // The county before the station row: marking the station READY in this same transaction takes the county's lock.
        counties.lock(registry.get(stationCode).countyCode());
        String details = "operators: " + operatorNames.strip().replace('\n', ',') + "; training completed: "
                + trainingCompleted + (notes == null || notes.isBlank() ? "" : "; notes: " + notes.strip());
        if (drillPassed) {
            registry.changeStatus(stationCode, StationStatus.TRAINED, action, details + "; drill passed");
        } else {
            registry.recordEvent(stationCode, StationEventType.DRILL_FAILED, null, null, action,
                    details + "; retraining needed");
        }
    }
}
