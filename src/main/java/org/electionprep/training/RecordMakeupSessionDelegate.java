package org.electionprep.training;

import org.electionprep.milestone.Milestones;
import static org.electionprep.shared.process.CountyReadiness.MAKEUP_DATE;
import static org.electionprep.shared.process.CountyReadiness.MAKEUP_VENUE;
import static org.electionprep.shared.process.CountyReadiness.SESSION_LABEL;
import static org.electionprep.shared.process.CountyReadiness.TRAINING_SESSION_DATE;
import static org.electionprep.shared.process.CountyReadiness.TRAINING_SESSION_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.electionprep.division.CountyRegistry;
import org.electionprep.engine.ProcessActions;
import org.electionprep.engine.Submissions;
import org.electionprep.shared.process.Var;
import org.springframework.stereotype.Component;

/** Schedules the county trainer's make-up session and invites the officials still untrained. */
@Component
public class RecordMakeupSessionDelegate implements JavaDelegate {

    private final OfficialsTraining training;
    private final CountyRegistry counties;
    private final ProcessActions actions;
    private final Milestones milestones;

    public RecordMakeupSessionDelegate(OfficialsTraining training, CountyRegistry counties, ProcessActions actions,
                                       Milestones milestones) {
        this.training = training;
        this.milestones = milestones;
        this.counties = counties;
        this.actions = actions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String county = execution.getProcessBusinessKey();
        long session = Submissions.call(() -> training.schedule("MAKEUP", counties.regionOf(county).orElseThrow(),
                county, milestones.date(MAKEUP_DATE.from(execution)), MAKEUP_VENUE.from(execution), null, null,
                actions.of(execution).actor()));
        training.invite(session, county);
        TRAINING_SESSION_ID.set(execution, session);
        TRAINING_SESSION_DATE.set(execution, training.sessionDate(session));
        SESSION_LABEL.set(execution, training.sessionLabel(session));
        Var.remove(execution, MAKEUP_DATE, MAKEUP_VENUE);
    }
}
