package org.electionprep.county;

import static org.electionprep.shared.process.CountyReadiness.STATIONS_REJECTED;
import static org.electionprep.shared.process.CountyReadiness.STATIONS_TOTAL;
import static org.electionprep.shared.process.CountyReadiness.STATIONS_VERIFIED;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.electionprep.readiness.CountyFigures;
import org.electionprep.readiness.ReadinessFigures;
import org.springframework.stereotype.Component;

/** Puts the county's station counts on the governor's finalization form. */
@Component
public class SummarizeStationDatabaseDelegate implements JavaDelegate {

    private final ReadinessFigures figures;

    public SummarizeStationDatabaseDelegate(ReadinessFigures figures) {
        this.figures = figures;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CountyFigures county = figures.county(execution.getProcessBusinessKey());
        STATIONS_TOTAL.set(execution, county.total());
        STATIONS_VERIFIED.set(execution, county.verified());
        STATIONS_REJECTED.set(execution, county.rejected());
    }
}
