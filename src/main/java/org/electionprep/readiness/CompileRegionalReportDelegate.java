package org.electionprep.readiness;

import static org.electionprep.shared.process.RegionalReadiness.REGIONAL_REPORT;
import static org.electionprep.shared.process.RegionalReadiness.REGIONAL_REPORT_TEXT;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.plugin.variable.SpinValues;
import org.electionprep.engine.ProcessActions;
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
            // A JSON variable has no length limit (a string variable holds 4,000 characters): a region of any size fits.
            REGIONAL_REPORT.set(execution, SpinValues.jsonValue(json.writeValueAsString(report)).create());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        REGIONAL_REPORT_TEXT.set(execution, report.text());
    }
}
