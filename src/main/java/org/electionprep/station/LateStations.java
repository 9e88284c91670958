package org.electionprep.station;

import org.electionprep.division.CountyRegistry;
import org.electionprep.shared.AuditAction;
import org.electionprep.shared.RejectedSubmissionException;
import org.electionprep.shared.Texts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A station added or changed after its county was finalized joins the frozen database only with the governor's approval. */
@Service
@Transactional
public class LateStations {

    private final CountyRegistry counties;
    private final StationRegistry stations;
    private final CountyProgress progress;

    public LateStations(CountyRegistry counties, StationRegistry stations, CountyProgress progress) {
        this.counties = counties;
        this.stations = stations;
        this.progress = progress;
    }

    public String summary(String stationCode) {
        Station s = stations.get(stationCode);
        return Texts.get("station.late-summary", s.address() == null ? "—" : s.address(),
                s.expectedVoters() == null ? "—" : s.expectedVoters(), s.capacity() == null ? "—" : s.capacity());
    }

    /** Records the governor's decision; true when the station joins the finalized database. */
    public boolean decide(String stationCode, String decision, String reason, AuditAction action) {
        if (!"approve".equals(decision) && !"reject".equals(decision)) {
            throw new RejectedSubmissionException(Texts.get("station.decision-required"));
        }
        if (reason == null || reason.isBlank()) {
            throw new RejectedSubmissionException(Texts.get("station.decision-reason-required"));
        }
        String county = stations.get(stationCode).countyCode();
        counties.lock(county);
        boolean approved = "approve".equals(decision);
        stations.changeStatus(stationCode, approved ? StationStatus.FINALIZED : StationStatus.REJECTED, action,
                (approved ? "late change approved by the governor: " : "late change rejected by the governor: ")
                        + reason.strip());
        progress.stationSettled(county);
        return approved;
    }
}
