package org.electionprep.station;

import java.util.List;

import org.electionprep.milestone.Milestone;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The rules over a county's stations, as named queries: which are not verified yet, which are not settled, which are
 * late for a milestone. The one place these conditions are written; the county and escalation steps ask here.
 */
@Repository
public class CountyStations {

    /** Statuses of a station whose site is not verified yet. */
    private static final String UNVERIFIED = "s.status IN ('PROPOSED', 'RELOCATION_PENDING')";
    /** A station is settled when it is READY, REJECTED or authorised for a fallback. */
    private static final String UNSETTLED = "s.status NOT IN ('READY', 'REJECTED') AND s.fallback_mode IS NULL";

    /** A station that a missed milestone leaves behind: its code, name and stage. */
    public record LateStation(String code, String name, StationStatus status) {
    }

    private final JdbcTemplate jdbc;

    public CountyStations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public int unverified(String county) {
        return count(UNVERIFIED, county);
    }

    public int unsettled(String county) {
        return count(UNSETTLED, county);
    }

    public List<String> withStatus(String county, StationStatus status) {
        return jdbc.queryForList("SELECT code FROM station WHERE county_code = ? AND status = ? ORDER BY code",
                String.class, county, status.name());
    }

    /**
     * The county's stations that have not done what the milestone asks of them, in code order. The county-level part
     * of a milestone (the database finalized, the declaration made) is the caller's to judge; this names the
     * stations that hold it up.
     */
    public List<LateStation> lateFor(String county, Milestone milestone) {
        String condition = switch (milestone) {
            case STATIONS_VERIFIED -> UNVERIFIED;
            case DATABASE_FINALIZED -> "s.status IN ('PROPOSED', 'RELOCATION_PENDING', 'VERIFIED')";
            case PRIMARY_LINK_TESTED ->
                    "s.status IN ('PROPOSED', 'RELOCATION_PENDING', 'VERIFIED', 'FINALIZED') AND s.fallback_mode IS NULL";
            case BACKUP_LINK_TESTED -> """
                    s.status <> 'REJECTED' AND s.fallback_mode IS NULL
                    AND EXISTS (SELECT 1 FROM network_link l WHERE l.station_code = s.code AND l.role = 'BACKUP')
                    AND NOT EXISTS (SELECT 1 FROM link_test t JOIN network_link l ON l.id = t.link_id
                                    WHERE t.station_code = s.code AND l.role = 'BACKUP' AND t.result = 'OK')""";
            case DRILL_PASSED -> "s.status NOT IN ('TRAINED', 'READY', 'REJECTED') AND s.fallback_mode IS NULL";
            case READINESS_DECLARED -> UNSETTLED;
            case OFFICIALS_TRAINED -> "FALSE";
        };
        return jdbc.query("SELECT s.code, s.name, s.status FROM station s WHERE s.county_code = ? AND " + condition
                + " ORDER BY s.code", (rs, n) -> new LateStation(rs.getString(1), rs.getString(2),
                StationStatus.valueOf(rs.getString(3))), county);
    }

    private int count(String condition, String county) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM station s WHERE s.county_code = ? AND " + condition,
                Integer.class, county);
        return n == null ? 0 : n;
    }
}
