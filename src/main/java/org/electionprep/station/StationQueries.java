package org.electionprep.station;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Reads the registry for the API: filtered pages of stations, and one station with its links, tests and trail. */
@Repository
public class StationQueries {

    /** The registry's columns in the import format's order and names (the API reads and writes these names). */
    static final String SELECT = """
            SELECT s.code, s.name, s.county_code AS county, s.district_code AS district, s.kind, s.area, s.building,
                   s.address, s.latitude, s.longitude, s.expected_voters, s.capacity, s.status,
                   s.at_risk_milestone, s.fallback_mode,
                   p.medium AS primary_medium, p.provider AS primary_provider, p.circuit_id AS primary_circuit,
                   p.endpoint AS primary_endpoint,
                   b.medium AS backup_medium, b.provider AS backup_provider, b.circuit_id AS backup_circuit,
                   b.endpoint AS backup_endpoint
            FROM station s
            LEFT JOIN network_link p ON p.id = (SELECT MIN(id) FROM network_link WHERE station_code = s.code
                                                AND role = 'PRIMARY' AND active = TRUE)
            LEFT JOIN network_link b ON b.id = (SELECT MIN(id) FROM network_link WHERE station_code = s.code
                                                AND role = 'BACKUP' AND active = TRUE)
            """;

    /**
     * Which stations: of these counties (null: every county) or these districts (a district head's), then narrowed
     * to a district, a status, at risk or not.
     */
    public record Filter(List<String> counties, List<String> headedDistricts, String district, String status,
                         Boolean atRisk) {
    }

    private final JdbcTemplate jdbc;
    /** Fetches in chunks: inside a transaction, PostgreSQL then streams a result instead of sending it whole. */
    private final JdbcTemplate streaming;

    public StationQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(jdbc.getDataSource());
        this.streaming.setFetchSize(500);
    }

    public long count(Filter filter) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM station s" + where, Long.class, args.toArray());
        return n == null ? 0 : n;
    }

    public List<Map<String, Object>> page(Filter filter, int page, int size) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        args.add(size);
        args.add((long) page * size);
        return rows(jdbc.queryForList(SELECT + where + " ORDER BY s.code LIMIT ? OFFSET ?", args.toArray()));
    }

    /** Every matching station, one row at a time in code order, for the CSV export. */
    @Transactional(readOnly = true)
    public void each(Filter filter, java.util.function.Consumer<Map<String, Object>> row) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        streaming.query(SELECT + where + " ORDER BY s.code", rs -> {
            Map<String, Object> values = new LinkedHashMap<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                values.put(rs.getMetaData().getColumnLabel(i).toLowerCase(), rs.getObject(i));
            }
            row.accept(values);
        }, args.toArray());
    }

    public Map<String, Object> station(String code) {
        List<Map<String, Object>> found = rows(jdbc.queryForList(SELECT + " WHERE s.code = ?", code));
        return found.isEmpty() ? null : found.get(0);
    }

    /** The stations of these codes that exist, by code, each as {@link #station} reads it. */
    public Map<String, Map<String, Object>> stations(java.util.Collection<String> codes) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        if (!codes.isEmpty()) {
            rows(jdbc.queryForList(SELECT + " WHERE s.code IN (" + String.join(", ", codes.stream().map(c -> "?")
                    .toList()) + ")", codes.toArray())).forEach(row -> found.put((String) row.get("code"), row));
        }
        return found;
    }

    public List<Map<String, Object>> links(String code) {
        return rows(jdbc.queryForList("""
                SELECT l.role, l.medium, l.provider, l.circuit_id, l.endpoint, l.active,
                       t.tested_at AS last_tested_at, t.result AS last_result, t.latency_ms AS last_latency_ms,
                       t.loss_percent AS last_loss_percent
                FROM network_link l
                LEFT JOIN link_test t ON t.id = (SELECT MAX(id) FROM link_test WHERE link_id = l.id)
                WHERE l.station_code = ? ORDER BY l.role DESC, l.id
                """, code));
    }

    public List<Map<String, Object>> tests(String code, int limit) {
        return rows(jdbc.queryForList("SELECT t.tested_at, l.circuit_id, t.endpoint, t.samples, t.successes,"
                + " t.loss_percent, t.latency_ms, t.result, t.tested_by, t.checked_on FROM link_test t"
                + " JOIN network_link l ON l.id = t.link_id WHERE t.station_code = ?"
                + " ORDER BY t.tested_at DESC, t.id DESC LIMIT ?", code, limit));
    }

    /** The station of this code, in any case; empty when the registry has none. */
    public Optional<Map<String, Object>> find(String code) {
        return Optional.ofNullable(station(code.toUpperCase(Locale.ROOT)));
    }

    /** Every district's county, by district code. */
    public Map<String, String> districtCounties() {
        Map<String, String> counties = new HashMap<>();
        jdbc.query("SELECT code, county_code FROM district", rs -> {
            counties.put(rs.getString(1), rs.getString(2));
        });
        return counties;
    }

    /** The county of each of these codes that is a station, by station code. */
    public Map<String, String> countiesOf(List<String> codes) {
        Map<String, String> counties = new HashMap<>();
        if (!codes.isEmpty()) {
            jdbc.query("SELECT code, county_code FROM station WHERE code IN (" + marks(codes.size()) + ")",
                    rs -> { counties.put(rs.getString(1), rs.getString(2)); }, codes.toArray());
        }
        return counties;
    }

    /** The station each of these circuits belongs to (in any role, active or not), by circuit id. */
    public Map<String, String> circuitOwners(List<String> circuitIds) {
        Map<String, String> owners = new HashMap<>();
        if (!circuitIds.isEmpty()) {
            jdbc.query("SELECT circuit_id, station_code FROM network_link WHERE circuit_id IN ("
                    + marks(circuitIds.size()) + ")", rs -> { owners.put(rs.getString(1), rs.getString(2)); },
                    circuitIds.toArray());
        }
        return owners;
    }

    /** Which of these codes are stations already. */
    public List<String> existingCodes(List<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        return jdbc.queryForList("SELECT code FROM station WHERE code IN ("
                + String.join(", ", codes.stream().map(c -> "?").toList()) + ")", String.class, codes.toArray());
    }

    public List<Map<String, Object>> timeline(String code) {
        return rows(jdbc.queryForList("SELECT occurred_at, event_type, from_status, to_status, actor, activity_id,"
                + " task_id, process_instance_id, details FROM station_event WHERE station_code = ? ORDER BY occurred_at, id", code));
    }

    private static String where(Filter filter, List<Object> args) {
        List<String> conditions = new ArrayList<>();
        if (filter.counties() != null) {
            List<String> scope = new ArrayList<>();
            if (!filter.counties().isEmpty()) {
                scope.add("s.county_code IN (" + String.join(", ", filter.counties().stream().map(c -> "?").toList())
                        + ")");
                args.addAll(filter.counties());
            }
            if (!filter.headedDistricts().isEmpty()) {
                scope.add("s.district_code IN (" + String.join(", ", filter.headedDistricts().stream().map(c -> "?")
                        .toList()) + ")");
                args.addAll(filter.headedDistricts());
            }
            conditions.add(scope.isEmpty() ? "1 = 0" : "(" + String.join(" OR ", scope) + ")");
        }
        if (filter.district() != null) {
            conditions.add("s.district_code = ?");
            args.add(filter.district());
        }
        if (filter.status() != null) {
            conditions.add("s.status = ?");
            args.add(filter.status());
        }
        if (filter.atRisk() != null) {
            conditions.add(filter.atRisk() ? "s.at_risk_milestone IS NOT NULL" : "s.at_risk_milestone IS NULL");
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /** Column names in lower case, whatever the database answers. */
    private static List<Map<String, Object>> rows(List<Map<String, Object>> rows) {
        List<Map<String, Object>> out = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            Map<String, Object> lower = new LinkedHashMap<>();
            row.forEach((k, v) -> lower.put(k.toLowerCase(), v));
            out.add(lower);
        }
        return out;
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }
}
