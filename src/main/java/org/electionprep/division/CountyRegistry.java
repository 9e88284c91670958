package org.electionprep.division;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.electionprep.shared.AuditAction;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Counties in the registry: their region, their finalized station database and their audit trail. */
@Repository
public class CountyRegistry {


    private final JdbcTemplate jdbc;
    private final Clock clock;

    public CountyRegistry(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A county as the registry has it: its code, name and province. */
    public record County(String code, String name, String province) {
    }

    /** Every county, in code order. */
    public List<County> all() {
        return jdbc.query("SELECT code, name, province FROM county ORDER BY code",
                (rs, n) -> new County(rs.getString(1), rs.getString(2), rs.getString(3)));
    }

    /** Every county's code, in code order. */
    public List<String> codes() {
        return jdbc.queryForList("SELECT code FROM county ORDER BY code", String.class);
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

    /** A new county; {@link PlaceSetup} alone adds one, with its tenant and groups. */
    void add(String code, String name, String province) {
        jdbc.update("INSERT INTO county (code, name, province) VALUES (?, ?, ?)", code, name, province);
    }

    void rename(String code, String name) {
        jdbc.update("UPDATE county SET name = ? WHERE code = ?", name, code);
    }

    /** The province a county lies in. */
    public Optional<String> provinceOf(String code) {
        return jdbc.queryForList("SELECT province FROM county WHERE code = ?", String.class, code).stream().findFirst();
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

    public void recordEvent(String county, CountyEventType type, AuditAction action, String details) {
        Instant now = clock.instant();
        jdbc.update("INSERT INTO county_event (county_code, occurred_at, event_type, actor, activity_id, task_id,"
                        + " process_instance_id, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                county, Timestamp.from(now), type.name(), action.actor(), action.activityId(), action.taskId(),
                action.processInstanceId(), details == null || details.length() <= 4000 ? details : details.substring(0, 4000));
    }

    private int count(String sql, Object... args) {
        Integer n = jdbc.queryForObject(sql, Integer.class, args);
        return n == null ? 0 : n;
    }

}
