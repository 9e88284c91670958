package org.electionprep.readiness;

import static org.electionprep.shared.process.RegionalReadiness.REPORT_COMMENTS;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.electionprep.engine.ProcessActions;
import org.springframework.stereotype.Component;

/** Records that the province directorate has read the regional report, with its comments. */
@Component
public class RecordReportReviewDelegate implements JavaDelegate {

    private final Declarations declarations;
    private final ProcessActions actions;

    public RecordReportReviewDelegate(Declarations declarations, ProcessActions actions) {
        this.declarations = declarations;
        this.actions = actions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        declarations.recordReview(execution.getProcessBusinessKey(), REPORT_COMMENTS.from(execution),
                actions.of(execution));
    }
}
