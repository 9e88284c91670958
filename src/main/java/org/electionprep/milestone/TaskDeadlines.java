package org.electionprep.milestone;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.electionprep.division.CountyRegistry;
import org.springframework.stereotype.Component;

/**
 * A task's due date is the milestone its work counts toward in its county's election
 * ({@code camunda:dueDate="${taskDeadlines.due(execution, 'stations-verified')}"}), so that Tasklist's "overdue"
 * filter shows what a milestone escalation will soon be about. The county is the instance's tenant. A county in no
 * region yet has no election date: its tasks get their due dates when its region is registered.
 */
@Component
public class TaskDeadlines {

    private static final Pattern MILESTONE_IN_EXPRESSION = Pattern.compile("taskDeadlines\\.due\\([^,]+,\\s*'([a-z-]+)'");

    private final CountyRegistry counties;
    private final Milestones milestones;
    private final TaskService tasks;
    private final RepositoryService repository;

    public TaskDeadlines(CountyRegistry counties, Milestones milestones, TaskService tasks,
                         RepositoryService repository) {
        this.counties = counties;
        this.milestones = milestones;
        this.tasks = tasks;
        this.repository = repository;
    }

    public Date due(DelegateExecution execution, String milestoneKey) {
        return due(execution.getTenantId(), milestoneKey);
    }

    private Date due(String county, String milestoneKey) {
        if (county == null) {
            return null;
        }
        return counties.electionDate(county).map(day -> milestones.due(day, milestoneKey)).orElse(null);
    }

    /**
     * Gives the open tasks of these counties the due date their model asks for, now that the counties' election date
     * is known (their region was registered). The model is read, not a second list of tasks and milestones.
     */
    public int refreshOpenTasks(List<String> countyCodes) {
        Map<String, Optional<String>> milestoneOf = new HashMap<>();
        int changed = 0;
        for (String county : countyCodes) {
            for (Task task : tasks.createTaskQuery().tenantIdIn(county).active().list()) {
                if (task.getProcessDefinitionId() == null) {
                    continue;
                }
                Optional<String> milestone = milestoneOf.computeIfAbsent(
                        task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey(), k -> milestoneOf(task));
                Date due = milestone.map(key -> due(county, key)).orElse(null);
                if (due != null && !Objects.equals(due, task.getDueDate())) {
                    tasks.setDueDate(task.getId(), due);
                    changed++;
                }
            }
        }
        return changed;
    }

    private Optional<String> milestoneOf(Task task) {
        UserTask element = repository.getBpmnModelInstance(task.getProcessDefinitionId())
                .getModelElementById(task.getTaskDefinitionKey());
        String expression = element == null ? null : element.getCamundaDueDate();
        Matcher key = expression == null ? null : MILESTONE_IN_EXPRESSION.matcher(expression);
        return key != null && key.find() ? Optional.of(key.group(1)) : Optional.empty();
    }
}
