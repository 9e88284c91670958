package org.electionprep.readiness;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.electionprep.division.CountyRegistry;
import org.electionprep.shared.AuditAction;
import org.electionprep.shared.RejectedSubmissionException;
import org.electionprep.shared.Texts;
import org.electionprep.station.CountyProgress;
import org.electionprep.station.Station;
import org.electionprep.station.StationEventType;
import org.electionprep.station.StationRegistry;
import org.electionprep.station.StationStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Near the election, a finalized station that still has no working link can be authorised by the governor to vote
 * on its backup link only or on paper. The station then counts as ready-with-fallback; its link fix may go on.
 */
@Service("fallbacks")
@Transactional
public class Fallbacks {

    public static final List<String> DECISIONS = List.of("BACKUP_ONLY", "PAPER", "NONE");

    private final JdbcTemplate jdbc;
    private final StationRegistry stations;
    private final CountyRegistry counties;
    private final CountyProgress progress;

    public Fallbacks(JdbcTemplate jdbc, StationRegistry stations, CountyRegistry counties, CountyProgress progress) {
        this.jdbc = jdbc;
        this.stations = stations;
        this.counties = counties;
        this.progress = progress;
    }

    /** Finalized stations of the county without a link tested OK and without a fallback yet. */
    public List<String> candidates(String county) {
        return jdbc.queryForList("SELECT code FROM station WHERE county_code = ? AND status = 'FINALIZED'"
                + " AND fallback_mode IS NULL ORDER BY code", String.class, county);
    }

    public String stationName(String code) {
        return stations.get(code).name();
    }

    /** The station's links and their latest tests, for the governor's decision. */
    public String linkSummary(String code) {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT l.role AS role, l.medium AS medium, l.circuit_id AS circuit,
                       (SELECT t.result FROM link_test t WHERE t.link_id = l.id ORDER BY t.tested_at DESC, t.id DESC
                        FETCH FIRST 1 ROWS ONLY) AS result
                FROM network_link l WHERE l.station_code = ? ORDER BY l.role DESC, l.id
                """, code);
        if (rows.isEmpty()) {
            return Texts.get("readiness.no-links");
        }
        return rows.stream().map(r -> Texts.get("readiness.link-line",
                        "PRIMARY".equals(r.get("role")) ? Texts.get("readiness.link-primary")
                                : Texts.get("readiness.link-backup"),
                        r.get("medium"), r.get("circuit"),
                        r.get("result") == null ? Texts.get("readiness.link-not-tested") : r.get("result")))
                .collect(Collectors.joining("\n"));
    }

    /** Records the governor's decision for a station of the given county (the county process's own). */
    public void decide(String county, String code, String decision, String reason, AuditAction action) {
        if (decision == null || !DECISIONS.contains(decision)) {
            throw new RejectedSubmissionException(Texts.get("readiness.decision-required"));
        }
        if (reason == null || reason.isBlank()) {
            throw new RejectedSubmissionException(Texts.get("readiness.reason-required"));
        }
        Station station = stations.get(code);
        if (!station.countyCode().equals(county)) {
            throw new RejectedSubmissionException(Texts.get("readiness.station-not-in-county", code));
        }
        counties.lock(county);
        station = stations.get(code);
        if (station.status() != StationStatus.FINALIZED || station.status() == StationStatus.REJECTED) {
            // The link was fixed (or the station rejected) while the decision was pending: nothing to authorise.
            stations.recordEvent(code, StationEventType.FALLBACK_NOT_NEEDED, station.status(), station.status(), action,
                    decision + " not applied: the station is " + station.status() + "; " + reason.strip());
            return;
        }
        if ("NONE".equals(decision)) {
            stations.recordEvent(code, StationEventType.FALLBACK_DENIED, station.status(), station.status(), action,
                    reason.strip());
            return;
        }
        if ("BACKUP_ONLY".equals(decision) && stations.links(code).stream().noneMatch(l -> !l.isPrimary())) {
            throw new RejectedSubmissionException(Texts.get("readiness.no-backup-link"));
        }
        stations.authoriseFallback(code, decision, reason.strip(), action.actor());
        stations.recordEvent(code, StationEventType.FALLBACK_AUTHORISED, station.status(), station.status(), action,
                decision + ": " + reason.strip());
        progress.stationSettled(station.countyCode());
    }
}
