package org.electionprep.county;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.electionprep.engine.Submissions;
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
        execution.setVariable("stationsTotal", county.total());
        execution.setVariable("stationsVerified", county.verified());
        execution.setVariable("stationsRejected", county.rejected());
    }
}
