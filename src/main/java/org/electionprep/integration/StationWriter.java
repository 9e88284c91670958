package org.electionprep.integration;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.electionprep.station.PersianText;
import org.electionprep.station.StationAction;
import org.electionprep.station.StationRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Writes an imported row into the registry: a new station with its links, or the changed fields of one. */
@Component
public class StationWriter {

    private final JdbcTemplate jdbc;
    private final StationRegistry registry;
    private final Clock clock;

    public StationWriter(JdbcTemplate jdbc, StationRegistry registry, Clock clock) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.clock = clock;
    }

    /** A new station, marked for its pipeline to be started once the import has committed. */
    public void insert(ImportedStation s, StationAction action) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("INSERT INTO station (code, name, county_code, district_code, kind, area, building, address, latitude,"
                        + " longitude, expected_voters, capacity, pipeline_pending, created_at, updated_at, status_changed_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, TRUE, ?, ?, ?)",
                s.code(), s.name(), s.county(), s.district(), s.kind(), s.area(), s.building(), s.address(),
                s.latitude(), s.longitude(), s.expectedVoters(), s.capacity(), now, now, now);
        link(s.code(), "PRIMARY", s.primary());
        link(s.code(), "BACKUP", s.backup());
        registry.recordEvent(s.code(), "STATION_IMPORTED", null, null, action, "created");
    }

    /** New stations, as {@link #insert} writes one, in three batches: an import of a whole country is mostly new rows. */
    public void insertAll(List<ImportedStation> stations, StationAction action) {
        if (stations.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.batchUpdate("INSERT INTO station (code, name, county_code, district_code, kind, area, building, address,"
                        + " latitude, longitude, expected_voters, capacity, pipeline_pending, created_at, updated_at,"
                        + " status_changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, TRUE, ?, ?, ?)",
                stations.stream().map(s -> new Object[] {s.code(), s.name(), s.county(), s.district(), s.kind(), s.area(),
                        s.building(), s.address(), s.latitude(), s.longitude(), s.expectedVoters(), s.capacity(), now,
                        now, now}).toList());
        List<Object[]> links = new ArrayList<>();
        for (ImportedStation s : stations) {
            for (Object[] link : new Object[][] {{"PRIMARY", s.primary()}, {"BACKUP", s.backup()}}) {
                ImportedStation.Link l = (ImportedStation.Link) link[1];
                if (l != null) {
                    links.add(new Object[] {s.code(), link[0], l.medium(), l.provider(), l.circuitId(), l.endpoint()});
                }
            }
        }
        jdbc.batchUpdate("INSERT INTO network_link (station_code, role, medium, provider, circuit_id, endpoint)"
                + " VALUES (?, ?, ?, ?, ?, ?)", links);
        registry.recordEvents(stations.stream().map(ImportedStation::code).toList(), "STATION_IMPORTED", action,
                "created");
    }

    /** What the row would change in the station as it stands (field: old -> new); empty when nothing. */
    public List<String> differences(ImportedStation s, Map<String, Object> current) {
        List<String> changes = new ArrayList<>();
        compare(changes, "name", current.get("name"), s.name());
        compare(changes, "district", current.get("district"), s.district());
        compare(changes, "kind", current.get("kind"), s.kind());
        compare(changes, "area", current.get("area"), s.area());
        compare(changes, "building", current.get("building"), s.building());
        compare(changes, "address", current.get("address"), s.address());
        compare(changes, "latitude", current.get("latitude"), s.latitude());
        compare(changes, "longitude", current.get("longitude"), s.longitude());
        compare(changes, "expected_voters", current.get("expected_voters"), s.expectedVoters());
        compare(changes, "capacity", current.get("capacity"), s.capacity());
        compareLink(changes, "primary", current, s.primary());
        compareLink(changes, "backup", current, s.backup());
        return changes;
    }

    /** Brings the station to the row's values; the pipeline carries on from where it is. */
    public void update(ImportedStation s, Map<String, Object> current, List<String> changes, StationAction action) {
        jdbc.update("UPDATE station SET name = ?, district_code = ?, kind = ?, area = ?, building = ?, address = ?,"
                        + " latitude = ?, longitude = ?, expected_voters = ?, capacity = ?, updated_at = ? WHERE code = ?",
                s.name(), s.district(), s.kind(), s.area(), s.building(), s.address(), s.latitude(), s.longitude(),
                s.expectedVoters(), s.capacity(), Timestamp.from(clock.instant()), s.code());
        replaceLink(s.code(), "PRIMARY", current, s.primary());
        replaceLink(s.code(), "BACKUP", current, s.backup());
        registry.recordEvent(s.code(), "STATION_IMPORTED", null, null, action, "updated: " + String.join("; ", changes));
    }

    private void replaceLink(String code, String role, Map<String, Object> current, ImportedStation.Link link) {
        String prefix = role.toLowerCase();
        ImportedStation.Link old = current.get(prefix + "_circuit") == null ? null : new ImportedStation.Link(
                (String) current.get(prefix + "_medium"), (String) current.get(prefix + "_provider"),
                (String) current.get(prefix + "_circuit"), (String) current.get(prefix + "_endpoint"));
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
                link(code, role, link);
            }
        }
    }

    private void link(String code, String role, ImportedStation.Link link) {
        if (link != null) {
            jdbc.update("INSERT INTO network_link (station_code, role, medium, provider, circuit_id, endpoint)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", code, role, link.medium(), link.provider(), link.circuitId(),
                    link.endpoint());
        }
    }

    private static void compareLink(List<String> changes, String prefix, Map<String, Object> current,
                                    ImportedStation.Link link) {
        compare(changes, prefix + "_medium", current.get(prefix + "_medium"), link == null ? null : link.medium());
        compare(changes, prefix + "_provider", current.get(prefix + "_provider"), link == null ? null : link.provider());
        compare(changes, prefix + "_circuit", current.get(prefix + "_circuit"), link == null ? null : link.circuitId());
        compare(changes, prefix + "_endpoint", current.get(prefix + "_endpoint"), link == null ? null : link.endpoint());
    }

    private static void compare(List<String> changes, String field, Object old, Object now) {
        // Text is compared as the import would store it: a name kept with Persian digits is not a change.
        boolean same = old instanceof BigDecimal a && now instanceof BigDecimal b ? a.compareTo(b) == 0
                : old instanceof Number a && now instanceof Number b ? a.longValue() == b.longValue()
                : Objects.equals(old == null ? null : PersianText.normalize(old.toString()), now == null ? null
                        : PersianText.normalize(now.toString()));
        if (!same) {
            changes.add(field + ": " + (old == null ? "—" : old) + " -> " + (now == null ? "—" : now));
        }
    }
}
