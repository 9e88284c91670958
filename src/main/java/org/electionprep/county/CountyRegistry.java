package org.electionprep.county;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.electionprep.station.StationAction;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Counties in the registry: their region, their finalized station database, their figures and their audit trail. */
@Repository
public class CountyRegistry {

    /** Statuses of a station whose site is not verified yet. */
    public static final String UNVERIFIED = "('PROPOSED', 'RELOCATION_PENDING')";
    /** A station is settled when it is READY, REJECTED or authorised for a fallback. */
    public static final String UNSETTLED = "s.status NOT IN ('READY', 'REJECTED') AND s.fallback_mode IS NULL";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public CountyRegistry(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public boolean exists(String code) {
        return count("SELECT COUNT(*) FROM county WHERE code = ?", code) > 0;
    }

    /**
     * Locks the county's row until the transaction ends. Every step that changes where a county's stations stand
     * takes it first (before any station row), so the last station to arrive always sees all the others.
     */
    public void lock(String code) {
        jdbc.queryForList("SELECT code FROM county WHERE code = ? FOR UPDATE", String.class, code);
    }

    public String name(String code) {
        return jdbc.queryForList("SELECT name FROM county WHERE code = ?", String.class, code).stream().findFirst()
                .orElse(code);
    }

    /** The election day of the county's region, in one query (every new task asks, for its due date). */
    public Optional<java.time.LocalDate> electionDate(String code) {
        return jdbc.queryForList("SELECT r.election_date FROM county c JOIN region r ON r.code = c.region_code"
                + " WHERE c.code = ?", java.sql.Date.class, code).stream().findFirst().map(java.sql.Date::toLocalDate);
    }

    public Optional<String> regionOf(String code) {
        return jdbc.queryForList("SELECT region_code FROM county WHERE code = ? AND region_code IS NOT NULL",
                String.class, code).stream().findFirst();
    }

    public boolean isFinalized(String code) {
        return count("SELECT COUNT(*) FROM county WHERE code = ? AND finalized_at IS NOT NULL", code) > 0;
    }

    /** Adds a county to the registry unless it is there already (access.yml's counties, at every start). */
    public void ensure(String code, String name, String province) {
        if (count("SELECT COUNT(*) FROM county WHERE code = ?", code) == 0) {
            jdbc.update("INSERT INTO county (code, name, province) VALUES (?, ?, ?)", code, name, province);
        }
    }

    /**
     * Puts a county that has no region yet into one; false when it has one, so that two regions started at once
     * cannot both take it.
     */
    public boolean joinRegion(String county, String region) {
        return jdbc.update("UPDATE county SET region_code = ? WHERE code = ? AND region_code IS NULL", region, county) == 1;
    }

    public void markFinalized(String code, String actor) {
        jdbc.update("UPDATE county SET finalized_at = ?, finalized_by = ? WHERE code = ?",
                Timestamp.from(clock.instant()), actor, code);
    }

    public int unverified(String code) {
        return count("SELECT COUNT(*) FROM station s WHERE s.county_code = ? AND s.status IN " + UNVERIFIED, code);
    }

    public int unsettled(String code) {
        return count("SELECT COUNT(*) FROM station s WHERE s.county_code = ? AND " + UNSETTLED, code);
    }

    public List<String> stationsWithStatus(String county, String status) {
        return jdbc.queryForList("SELECT code FROM station WHERE county_code = ? AND status = ? ORDER BY code",
                String.class, county, status);
    }

    /** The county's stations counted by stage and side state, as reports and forms show them. */
    public CountyFigures figures(String code) {
        Map<String, Object> row = jdbc.queryForMap("""
                SELECT COUNT(*) AS total,
                       SUM(CASE WHEN s.status IN ('PROPOSED', 'RELOCATION_PENDING') THEN 1 ELSE 0 END) AS unverified,
                       SUM(CASE WHEN s.status = 'REJECTED' THEN 1 ELSE 0 END) AS rejected,
                       SUM(CASE WHEN s.status = 'READY' THEN 1 ELSE 0 END) AS ready,
                       SUM(CASE WHEN s.status <> 'READY' AND s.fallback_mode = 'BACKUP_ONLY' THEN 1 ELSE 0 END) AS backup_only,
                       SUM(CASE WHEN s.status <> 'READY' AND s.fallback_mode = 'PAPER' THEN 1 ELSE 0 END) AS paper,
                       SUM(CASE WHEN s.at_risk_milestone IS NOT NULL THEN 1 ELSE 0 END) AS at_risk
                FROM station s WHERE s.county_code = ?
                """, code);
        return new CountyFigures(num(row, "total"), num(row, "total") - num(row, "unverified") - num(row, "rejected"),
                num(row, "unverified"), num(row, "rejected"), num(row, "ready"), num(row, "backup_only"),
                num(row, "paper"), num(row, "at_risk"));
    }

    public void recordEvent(String county, String type, StationAction action, String details) {
        Instant now = clock.instant();
        jdbc.update("INSERT INTO county_event (county_code, occurred_at, event_type, actor, activity_id, task_id,"
                        + " process_instance_id, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                county, Timestamp.from(now), type, action.actor(), action.activityId(), action.taskId(),
                action.processInstanceId(), details == null || details.length() <= 4000 ? details : details.substring(0, 4000));
    }

    private int count(String sql, Object... args) {
        Integer n = jdbc.queryForObject(sql, Integer.class, args);
        return n == null ? 0 : n;
    }

    private static int num(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value == null ? 0 : ((Number) value).intValue();
    }
}
