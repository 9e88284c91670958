package org.electionprep.station;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The stations' network links, the one writer of {@code network_link}: a link added, its endpoint moved, a primary
 * retired for a replacement or a backup, and the master list's link in a role replaced. A retired link stays (its
 * tests refer to it), inactive.
 */
@Repository
public class NetworkLinks {

    private static final String INSERT = "INSERT INTO network_link (station_code, role, medium, provider, circuit_id,"
            + " endpoint) VALUES (?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;

    public NetworkLinks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The links of new stations, in one batch. */
    public void addAll(List<ImportedStation> stations) {
        List<Object[]> rows = new ArrayList<>();
        for (ImportedStation s : stations) {
            addRow(rows, s.code(), "PRIMARY", s.primary());
            addRow(rows, s.code(), "BACKUP", s.backup());
        }
        jdbc.batchUpdate(INSERT, rows);
    }

    /**
     * Brings the station's link in this role to what the master list gives (null: none), from the link it had: the
     * same circuit keeps its row (and its tests), another circuit retires the old one.
     */
    public void replace(String code, String role, ImportedStation.Link old, ImportedStation.Link link) {
        if (Objects.equals(old, link)) {
            return;
        }
        if (old != null && link != null && old.circuitId().equals(link.circuitId())) {
            jdbc.update("UPDATE network_link SET medium = ?, provider = ?, endpoint = ? WHERE circuit_id = ?",
                    link.medium(), link.provider(), link.endpoint(), link.circuitId());
            return;
        }
        if (link != null) {
            // Free the circuit from its other role first, so that the other role's pass does not retire it again.
            jdbc.update("UPDATE network_link SET active = FALSE WHERE circuit_id = ? AND station_code = ? AND role <> ?",
                    link.circuitId(), code, role);
        }
        jdbc.update("UPDATE network_link SET active = FALSE WHERE station_code = ? AND role = ?", code, role);
        if (link != null) {
            // A circuit the station had before (in either role) comes back in the role the row gives it.
            int reused = jdbc.update("UPDATE network_link SET role = ?, medium = ?, provider = ?, endpoint = ?,"
                    + " active = TRUE WHERE circuit_id = ? AND station_code = ?", role, link.medium(), link.provider(),
                    link.endpoint(), link.circuitId(), code);
            if (reused == 0) {
                jdbc.update(INSERT, code, role, link.medium(), link.provider(), link.circuitId(), link.endpoint());
            }
        }
    }

    /** Sets the endpoint of the station's active primary link, or adds a primary link when it has none. */
    public void setPrimaryEndpoint(String code, String endpoint) {
        int moved = jdbc.update("UPDATE network_link SET endpoint = ? WHERE station_code = ? AND role = 'PRIMARY'"
                + " AND active = TRUE", endpoint, code);
        if (moved == 0) {
            Integer links = jdbc.queryForObject("SELECT COUNT(*) FROM network_link WHERE station_code = ?",
                    Integer.class, code);
            int count = links == null ? 0 : links;
            replacePrimary(code, "FIBRE", null, count == 0 ? code + "-P" : code + "-P-" + (count + 1), endpoint);
        }
    }

    /** Retires the station's primary link(s) and makes the given link the one to use. */
    public void switchTo(String code, long linkId) {
        jdbc.update("UPDATE network_link SET active = FALSE WHERE station_code = ? AND role = 'PRIMARY'", code);
        jdbc.update("UPDATE network_link SET active = TRUE WHERE id = ?", linkId);
    }

    /** Retires the station's primary link(s) and adds a new active primary link. */
    public void replacePrimary(String code, String medium, String provider, String circuitId, String endpoint) {
        jdbc.update("UPDATE network_link SET active = FALSE WHERE station_code = ? AND role = 'PRIMARY'", code);
        jdbc.update(INSERT, code, "PRIMARY", medium, provider, circuitId, endpoint);
    }

    private static void addRow(List<Object[]> rows, String code, String role, ImportedStation.Link link) {
        if (link != null) {
            rows.add(new Object[] {code, role, link.medium(), link.provider(), link.circuitId(), link.endpoint()});
        }
    }
}
