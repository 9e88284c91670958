package org.electionprep.region;

import static org.electionprep.engine.Submissions.text;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.electionprep.division.CountyProcessDeployment;
import org.electionprep.engine.Messages;
import org.electionprep.engine.ProcessActions;
import org.electionprep.engine.Submissions;
import org.electionprep.identity.OfficialsDirectory;
import org.electionprep.milestone.TaskDeadlines;
import org.springframework.stereotype.Component;

/** Registers the region started from Tasklist or REST: its counties, its election date, and its business key. */
@Component
public class RegisterRegionDelegate implements JavaDelegate {

    private final RegionService regions;
    private final OfficialsDirectory officials;
    private final CountyProcessDeployment deployment;
    private final ProcessActions actions;
    private final TaskDeadlines deadlines;

    public RegisterRegionDelegate(RegionService regions, OfficialsDirectory officials,
                                  CountyProcessDeployment deployment, ProcessActions actions, TaskDeadlines deadlines) {
        this.deadlines = deadlines;
        this.regions = regions;
        this.officials = officials;
        this.deployment = deployment;
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
        for (String county : counties) {
            if (!Messages.asEngine(() -> deployment.isDeployedFor(county))) {
                // Rolls the registration back with the start: nothing half-written.
                throw new FormFieldValidationException("counties", "فرایند آمادگی شهرستان «" + county + "» برای آن"
                        + " مستقر نشده است؛ شهرستان باید در access.yml باشد و برنامه پس از افزودن آن دوباره راه‌اندازی شود");
            }
        }
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
        // Tasks opened before the region existed (a station imported early) now have an election to be due in.
        Messages.asEngine(() -> deadlines.refreshOpenTasks(counties));
        // The checklist's JSON is not needed once the region is in the registry.
        execution.removeVariable("counties");
    }
}
