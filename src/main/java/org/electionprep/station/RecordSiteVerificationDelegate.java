package org.electionprep.station;

import static org.electionprep.shared.process.StationReadiness.ACCESSIBLE;
import static org.electionprep.shared.process.StationReadiness.CAPACITY_CONFIRMED;
import static org.electionprep.shared.process.StationReadiness.COUNTY_FINALIZED;
import static org.electionprep.shared.process.StationReadiness.LATE_STATION_SUMMARY;
import static org.electionprep.shared.process.StationReadiness.NEW_ADDRESS;
import static org.electionprep.shared.process.StationReadiness.POWER_AVAILABLE;
import static org.electionprep.shared.process.StationReadiness.SECURE;
import static org.electionprep.shared.process.StationReadiness.SITE_NOTES;
import static org.electionprep.shared.process.StationReadiness.SITE_OUTCOME;

import java.util.Locale;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.electionprep.engine.ProcessActions;
import org.electionprep.engine.Submissions;
import org.electionprep.shared.Texts;
import org.electionprep.shared.process.Var;
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
        String outcome = SITE_OUTCOME.from(execution);
        if (outcome == null || !outcome.matches("approve|relocate|reject")) {
            throw new FormFieldValidationException(SITE_OUTCOME.name(), Texts.get("station.site-outcome-required"));
        }
        SiteVerification verification = new SiteVerification(
                SiteVerification.Outcome.valueOf(outcome.toUpperCase(Locale.ROOT)),
                ACCESSIBLE.from(execution), POWER_AVAILABLE.from(execution),
                SECURE.from(execution), CAPACITY_CONFIRMED.from(execution),
                NEW_ADDRESS.from(execution), SITE_NOTES.from(execution));
        boolean countyFinalized = Submissions.call(() -> stations.recordSiteVerification(
                ProcessActions.stationCode(execution), verification, actions.of(execution)));
        COUNTY_FINALIZED.set(execution, countyFinalized);
        if (countyFinalized && verification.outcome() == SiteVerification.Outcome.APPROVE) {
            LATE_STATION_SUMMARY.set(execution, lateStations.summary(ProcessActions.stationCode(execution)));
        }
        // A later visit (after a relocation) starts from a blank form, not from this visit's answers.
        Var.remove(execution, ACCESSIBLE, POWER_AVAILABLE, SECURE, CAPACITY_CONFIRMED, NEW_ADDRESS, SITE_NOTES);
    }
}
