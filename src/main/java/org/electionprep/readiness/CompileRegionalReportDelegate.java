package org.electionprep.readiness;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.electionprep.engine.ProcessActions;
import org.electionprep.engine.Submissions;
import org.springframework.stereotype.Component;

/** Writes the regional readiness report once every county has declared or the deadline has passed. */
@Component
public class CompileRegionalReportDelegate implements JavaDelegate {

    private final Declarations declarations;
    private final ObjectMapper json;
    private final ProcessActions actions;

    public CompileRegionalReportDelegate(Declarations declarations, ObjectMapper json, ProcessActions actions) {
        this.declarations = declarations;
        this.json = json;
        this.actions = actions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RegionalReport report = declarations.compileRegionalReport(execution.getProcessBusinessKey(),
                actions.of(execution));
        try {
            execution.setVariable("regionalReport", json.writeValueAsString(report));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        execution.setVariable("regionalReportText", report.text());
    }
}
