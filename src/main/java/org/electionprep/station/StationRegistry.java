package org.electionprep.station;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.electionprep.shared.AuditAction;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads and writes stations, their links and their audit trail. Every status change leaves an event row. */
@Repository
public class StationRegistry {

    private static final String STATION_COLUMNS = """
            s.code, s.name, s.county_code, s.district_code, d.county_code AS district_county_code, s.kind, s.area,
            s.building, s.address, s.expected_voters, s.capacity, s.status
            """;

    private static final String INSERT_EVENT = "INSERT INTO station_event (station_code, occurred_at, event_type,"
            + " from_status, to_status, actor, activity_id, task_id, process_instance_id, details)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public StationRegistry(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<Station> find(String code) {
        return jdbc.query("SELECT " + STATION_COLUMNS + " FROM station s LEFT JOIN district d ON d.code = s.district_code"
                + " WHERE s.code = ?", this::station, code).stream().findFirst();
    }

    public Station get(String code) {
        return find(code).orElseThrow(() -> new UnknownStationException(code));
    }

    /** Locks the station's row until the transaction ends; false when there is no such station. */
    public boolean lock(String code) {
        return !jdbc.queryForList("SELECT code FROM station WHERE code = ? FOR UPDATE", String.class, code).isEmpty();
    }

    /** Where a station lies: its county and district. */
    public record StationPlace(String code, String countyCode, String districtCode) {
    }

    /** The county and district of each of these stations that the registry has, by code. */
    public Map<String, StationPlace> placesOf(java.util.Collection<String> codes) {
        Map<String, StationPlace> places = new java.util.HashMap<>();
        List<String> all = List.copyOf(codes);
        // In chunks: a country's staff file names some 60,000 stations.
        for (int from = 0; from < all.size(); from += 1000) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + 1000));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            jdbc.query("SELECT code, county_code, district_code FROM station WHERE code IN (" + marks + ")",
                    rs -> {
                        places.put(rs.getString(1), new StationPlace(rs.getString(1), rs.getString(2),
                                rs.getString(3)));
                    }, chunk.toArray());
        }
        return places;
    }

    public Optional<String> countyOf(String code) {
        return jdbc.queryForList("SELECT county_code FROM station WHERE code = ?", String.class, code).stream().findFirst();
    }

    /** The county's name as the registry has it now (a divisions import may rename it while the app runs). */
    public String countyName(String countyCode) {
        return jdbc.queryForList("SELECT name FROM county WHERE code = ?", String.class, countyCode).stream()
                .findFirst().orElse(countyCode);
    }

    public List<NetworkLink> links(String stationCode) {
        return jdbc.query("SELECT id, station_code, role, medium, provider, circuit_id, endpoint, active"
                + " FROM network_link WHERE station_code = ? ORDER BY CASE role WHEN 'PRIMARY' THEN 0 ELSE 1 END, id",
                (rs, i) -> new NetworkLink(rs.getLong("id"), rs.getString("station_code"), rs.getString("role"),
                        rs.getString("medium"), rs.getString("provider"), rs.getString("circuit_id"),
                        rs.getString("endpoint"), rs.getBoolean("active")),
                stationCode);
    }

    public boolean districtExists(String districtCode) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM district WHERE code = ?", Integer.class, districtCode);
        return n != null && n > 0;
    }

    /**
     * Moves the station to a new status and records who did it; a repeated call with the same status writes nothing. A
     * status the station cannot reach from where it stands is refused (see {@link StationStatus#comesFrom()}).
     */
    public void changeStatus(String code, StationStatus to, AuditAction action, String details) {
        Station station = get(code);
        if (station.status() == to) {
            return;
        }
        if (!to.comesFrom().contains(station.status())) {
            throw new StepOutOfOrderException(code, station.status(), to);
        }
        Instant now = clock.instant();
        jdbc.update("UPDATE station SET status = ?, status_changed_at = ?, updated_at = ?,"
                        + " ready_at = CASE WHEN ? = 'READY' THEN ? ELSE ready_at END WHERE code = ?",
                to.name(), Timestamp.from(now), Timestamp.from(now), to.name(), Timestamp.from(now), code);
        recordEvent(code, StationEventType.STATUS_CHANGED, station.status(), to, action, details);
    }

    /**
     * New stations from a master list, in one batch; pending ones are marked for their pipeline to be started once
     * the import has committed.
     */
    public void addAll(List<ImportedStation> stations, boolean pipelinePending) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.batchUpdate("INSERT INTO station (code, name, county_code, district_code, kind, area, building, address,"
                        + " latitude, longitude, expected_voters, capacity, pipeline_pending, created_at, updated_at,"
                        + " status_changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                stations.stream().map(s -> new Object[] {s.code(), s.name(), s.county(), s.district(), s.kind(), s.area(),
                        s.building(), s.address(), s.latitude(), s.longitude(), s.expectedVoters(), s.capacity(),
                        pipelinePending, now, now, now}).toList());
    }

    /** Brings the station's record to the master list's values; its stage and pipeline are left as they are. */
    public void update(ImportedStation s) {
        jdbc.update("UPDATE station SET name = ?, district_code = ?, kind = ?, area = ?, building = ?, address = ?,"
                        + " latitude = ?, longitude = ?, expected_voters = ?, capacity = ?, updated_at = ? WHERE code = ?",
                s.name(), s.district(), s.kind(), s.area(), s.building(), s.address(), s.latitude(), s.longitude(),
                s.expectedVoters(), s.capacity(), Timestamp.from(clock.instant()), s.code());
    }

    public void updateRecord(String code, String name, String address, String districtCode, Integer expectedVoters,
                             Integer capacity) {
        jdbc.update("UPDATE station SET name = ?, address = ?, district_code = ?, expected_voters = ?, capacity = ?,"
                        + " updated_at = ? WHERE code = ?",
                name, address, districtCode, expectedVoters, capacity, Timestamp.from(clock.instant()), code);
    }

    public void updateAddress(String code, String address) {
        jdbc.update("UPDATE station SET address = ?, updated_at = ? WHERE code = ?",
                address, Timestamp.from(clock.instant()), code);
    }

    public void updateSiteFacts(String code, boolean accessible, boolean powerAvailable) {
        jdbc.update("UPDATE station SET accessible = ?, power_available = ?, updated_at = ? WHERE code = ?",
                accessible, powerAvailable, Timestamp.from(clock.instant()), code);
    }

    /**
     * Marks stations at risk of a missed milestone (beside their stage, keeping the first time they became at risk),
     * each with its audit row, in two batches: a milestone can reach every station of a large county at once.
     */
    public void markAtRisk(Map<String, String> statusByCode, String milestone, AuditAction action) {
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> marks = new ArrayList<>();
        List<Object[]> events = new ArrayList<>();
        statusByCode.forEach((code, status) -> {
            marks.add(new Object[] {milestone, now, code});
            events.add(new Object[] {code, now, StationEventType.AT_RISK.name(), status, status, action.actor(),
                    action.activityId(),
                    action.taskId(), action.processInstanceId(), "milestone missed: " + milestone});
        });
        jdbc.batchUpdate("UPDATE station SET at_risk_milestone = ?, at_risk_since = COALESCE(at_risk_since, ?)"
                + " WHERE code = ?", marks);
        jdbc.batchUpdate(INSERT_EVENT, events);
    }

    /** The same audit row for many stations, in one batch. */
    public void recordEvents(List<String> codes, StationEventType type, AuditAction action, String details) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.batchUpdate(INSERT_EVENT, codes.stream().map(code -> new Object[] {code, now, type.name(), null, null,
                action.actor(), action.activityId(), action.taskId(), action.processInstanceId(), details}).toList());
    }

    /** The governor's fallback for a station without a working link; it is no longer at risk. */
    public void authoriseFallback(String code, String mode, String reason, String actor) {
        jdbc.update("UPDATE station SET fallback_mode = ?, fallback_reason = ?, fallback_by = ?, fallback_at = ?,"
                        + " at_risk_milestone = NULL, at_risk_since = NULL WHERE code = ?",
                mode, reason, actor, Timestamp.from(clock.instant()), code);
    }

    /**
     * Of the given stations, those whose pipeline an import left to be started, now locked and unmarked: whoever
     * clears a mark starts that pipeline, and a concurrent starter waits for the lock and then finds it cleared.
     */
    public List<String> takePendingPipelines(List<String> codes) {
        String in = String.join(", ", codes.stream().map(c -> "?").toList());
        List<String> marked = jdbc.queryForList("SELECT code FROM station WHERE code IN (" + in + ")"
                + " AND pipeline_pending = TRUE ORDER BY code FOR UPDATE", String.class, codes.toArray());
        if (!marked.isEmpty()) {
            jdbc.update("UPDATE station SET pipeline_pending = FALSE WHERE code IN ("
                    + String.join(", ", marked.stream().map(c -> "?").toList()) + ")", marked.toArray());
        }
        return marked;
    }

    public void clearAtRisk(String code) {
        jdbc.update("UPDATE station SET at_risk_milestone = NULL, at_risk_since = NULL WHERE code = ?", code);
    }

    public void recordEvent(String code, StationEventType type, StationStatus from, StationStatus to,
                            AuditAction action, String details) {
        jdbc.update(INSERT_EVENT, code, Timestamp.from(clock.instant()), type.name(), from == null ? null : from.name(),
                to == null ? null : to.name(), action.actor(), action.activityId(), action.taskId(),
                action.processInstanceId(), truncate(details, 2000));
    }

    public List<StationEvent> events(String code) {
        return jdbc.query("SELECT occurred_at, event_type, from_status, to_status, actor, activity_id, task_id, details"
                        + " FROM station_event WHERE station_code = ? ORDER BY occurred_at, id",
                (rs, i) -> new StationEvent(rs.getTimestamp("occurred_at").toInstant(), rs.getString("event_type"),
                        rs.getString("from_status"), rs.getString("to_status"), rs.getString("actor"),
                        rs.getString("activity_id"), rs.getString("task_id"), rs.getString("details")),
                code);
    }

    static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private Station station(ResultSet rs, int row) throws SQLException {
        return new Station(rs.getString("code"), rs.getString("name"), rs.getString("county_code"),
                rs.getString("district_code"), rs.getString("district_county_code"), rs.getString("kind"),
                rs.getString("area"), rs.getString("building"), rs.getString("address"),
                (Integer) rs.getObject("expected_voters", Integer.class), (Integer) rs.getObject("capacity", Integer.class),
                StationStatus.valueOf(rs.getString("status")));
    }
}
