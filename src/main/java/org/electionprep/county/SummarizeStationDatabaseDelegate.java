package org.electionprep.county;


import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.electionprep.engine.ProcessActions;
import org.electionprep.engine.Submissions;
import org.springframework.stereotype.Component;

/** Puts the county's station counts on the governor's finalization form. */
@Component
public class SummarizeStationDatabaseDelegate implements JavaDelegate {

    private final CountyRegistry counties;
    private final ProcessActions actions;

    public SummarizeStationDatabaseDelegate(CountyRegistry counties, ProcessActions actions) {
        this.counties = counties;
        this.actions = actions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CountyFigures figures = counties.figures(execution.getProcessBusinessKey());
        execution.setVariable("stationsTotal", figures.total());
        execution.setVariable("stationsVerified", figures.verified());
        execution.setVariable("stationsRejected", figures.rejected());
    }
}
