package org.electionprep.station;

import static org.electionprep.engine.Submissions.flag;
import static org.electionprep.engine.Submissions.text;

import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.electionprep.engine.ProcessActions;
import org.electionprep.engine.Submissions;
import org.springframework.stereotype.Component;

/** Records the district head's site visit: approved (VERIFIED), relocated (new address) or rejected. */
@Component
public class RecordSiteVerificationDelegate implements JavaDelegate {

    private final StationService stations;
    private final LateStations lateStations;
    private final ProcessActions actions;

    public RecordSiteVerificationDelegate(StationService stations, LateStations lateStations, ProcessActions actions) {
        this.stations = stations;
        this.lateStations = lateStations;
        this.actions = actions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String outcome = text(execution.getVariable("siteOutcome"));
        if (outcome == null || !outcome.matches("approve|relocate|reject")) {
            throw new FormFieldValidationException("siteOutcome", "نتیجه بازدید را انتخاب کنید: تأیید، جابجایی یا رد");
        }
        SiteVerification verification = new SiteVerification(
                SiteVerification.Outcome.valueOf(outcome.toUpperCase(Locale.ROOT)),
                flag(execution.getVariable("accessible")), flag(execution.getVariable("powerAvailable")),
                flag(execution.getVariable("secure")), flag(execution.getVariable("capacityConfirmed")),
                text(execution.getVariable("newAddress")), text(execution.getVariable("siteNotes")));
        boolean countyFinalized = Submissions.call(() -> stations.recordSiteVerification(
                ProcessActions.stationCode(execution), verification, actions.of(execution)));
        execution.setVariable("countyFinalized", countyFinalized);
        if (countyFinalized && verification.outcome() == SiteVerification.Outcome.APPROVE) {
            execution.setVariable("lateStationSummary", lateStations.summary(ProcessActions.stationCode(execution)));
        }
        // A later visit (after a relocation) starts from a blank form, not from this visit's answers.
        execution.removeVariables(List.of("accessible", "powerAvailable", "secure", "capacityConfirmed", "newAddress",
                "siteNotes"));
    }
}
