package org.electionprep.region;

import java.util.List;

import org.electionprep.training.OfficialsDirectory;
import static org.electionprep.engine.Submissions.text;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.electionprep.engine.ProcessActions;
import org.electionprep.engine.Submissions;
import org.springframework.stereotype.Component;

/** Registers the region started from Tasklist or REST: its counties, its election date, and its business key. */
@Component
public class RegisterRegionDelegate implements JavaDelegate {

    private final RegionService regions;
    private final OfficialsDirectory officials;
    private final ProcessActions actions;

    public RegisterRegionDelegate(RegionService regions, OfficialsDirectory officials, ProcessActions actions) {
        this.regions = regions;
        this.officials = officials;
        this.actions = actions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String code = text(execution.getVariable("regionCode"));
        if (execution.getProcessBusinessKey() != null && !execution.getProcessBusinessKey().equals(code)) {
            code = execution.getProcessBusinessKey();
        }
        String region = code;
        List<String> counties = regions.register(region, text(execution.getVariable("regionName")),
                execution.getVariable("electionDate"), execution.getVariable("counties"),
                execution.getProcessInstanceId(), actions.of(execution).actor());
        if (execution.getProcessBusinessKey() == null) {
            execution.setProcessBusinessKey(region);
        }
        execution.setVariable("regionCode", region);
        execution.setVariable("electionDate", regions.electionDate(region).toString());
        StringBuilder invited = new StringBuilder();
        for (String county : counties) {
            invited.append(county).append(": ").append(officials.of(county).size()).append(" نفر\n");
        }
        execution.setVariable("invitedSummary", invited.toString());
        // The checklist's JSON is not needed once the region is in the registry.
        execution.removeVariable("counties");
    }
}
