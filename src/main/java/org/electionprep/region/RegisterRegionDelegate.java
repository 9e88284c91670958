package org.electionprep.region;

import static org.electionprep.shared.process.InstanceFacts.ELECTION_DATE;
import static org.electionprep.shared.process.InstanceFacts.REGION_CODE;
import static org.electionprep.shared.process.RegionalReadiness.COUNTIES;
import static org.electionprep.shared.process.RegionalReadiness.INVITED_SUMMARY;
import static org.electionprep.shared.process.RegionalReadiness.REGION_NAME;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.electionprep.division.CountyProcessDeployment;
import org.electionprep.engine.Messages;
import org.electionprep.engine.ProcessActions;
import org.electionprep.identity.OfficialsDirectory;
import org.electionprep.milestone.Milestones;
import org.electionprep.milestone.TaskDeadlines;
import org.electionprep.shared.Texts;
import org.electionprep.shared.process.Values;
import org.electionprep.shared.process.Var;
import org.springframework.stereotype.Component;

/** Registers the region started from Tasklist or REST: its counties, its election date, and its business key. */
@Component
public class RegisterRegionDelegate implements JavaDelegate {

    private final RegionService regions;
    private final OfficialsDirectory officials;
    private final CountyProcessDeployment deployment;
    private final ProcessActions actions;
    private final TaskDeadlines deadlines;
    private final Milestones milestones;

    public RegisterRegionDelegate(RegionService regions, OfficialsDirectory officials,
                                  CountyProcessDeployment deployment, ProcessActions actions, TaskDeadlines deadlines,
                                  Milestones milestones) {
        this.deadlines = deadlines;
        this.milestones = milestones;
        this.regions = regions;
        this.officials = officials;
        this.deployment = deployment;
        this.actions = actions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String code = REGION_CODE.from(execution);
        if (execution.getProcessBusinessKey() != null && !execution.getProcessBusinessKey().equals(code)) {
            code = execution.getProcessBusinessKey();
        }
        String region = code;
        List<String> counties = regions.register(region, REGION_NAME.from(execution),
                milestones.date(ELECTION_DATE.from(execution)), Values.codes(COUNTIES.from(execution)),
                execution.getProcessInstanceId(), actions.of(execution).actor());
        for (String county : counties) {
            if (!Messages.asEngine(() -> deployment.isDeployedFor(county))) {
                // Rolls the registration back with the start: nothing half-written.
                throw new FormFieldValidationException(COUNTIES.name(),
                        Texts.get("region.county-process-not-deployed", county));
            }
        }
        if (execution.getProcessBusinessKey() == null) {
            execution.setProcessBusinessKey(region);
        }
        REGION_CODE.set(execution, region);
        ELECTION_DATE.set(execution, regions.electionDate(region).toString());
        StringBuilder invited = new StringBuilder();
        for (String county : counties) {
            invited.append(Texts.get("region.invited-line", county, officials.of(county).size()));
        }
        INVITED_SUMMARY.set(execution, invited.toString());
        // Tasks opened before the region existed (a station imported early) now have an election to be due in.
        Messages.asEngine(() -> deadlines.refreshOpenTasks(counties));
        // The checklist's JSON is not needed once the region is in the registry.
        Var.remove(execution, COUNTIES);
    }
}
