package org.electionprep.engine;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Puts the app's own task listeners in front of the model's on every user task of every deployed model: the
 * station's identity refreshed when a task is created, assignment only to candidates, and the audit on completion.
 */
class RecordTaskCompletions extends AbstractBpmnParseListener {

    private final TaskCompletionRecorder recorder;
    private final UserTaskHooks hooks;
    private final AssigneeMustBeCandidate assignment = new AssigneeMustBeCandidate();

    RecordTaskCompletions(TaskCompletionRecorder recorder, UserTaskHooks hooks) {
        this.recorder = recorder;
        this.hooks = hooks;
    }

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, hooks::created);
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, assignment);
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, recorder);
    }
}
