package org.electionprep.station;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.electionprep.shared.AuditAction;
import org.electionprep.shared.PersianText;
import org.springframework.stereotype.Component;

/**
 * Writes master-list rows into the registry: new stations with their links, or the changed fields of one, each with
 * its audit row.
 */
@Component
public class StationWriter {

    private final StationRegistry registry;
    private final NetworkLinks links;

    public StationWriter(StationRegistry registry, NetworkLinks links) {
        this.registry = registry;
        this.links = links;
    }

    /** New stations, their pipelines to be started once the import has committed. */
    public void insertAll(List<ImportedStation> stations, AuditAction action) {
        insertAll(stations, action, true);
    }

    /**
     * New stations with their links and audit rows, in three batches (an import of a whole country is mostly new
     * rows); without a pending pipeline when the caller starts the pipelines itself.
     */
    public void insertAll(List<ImportedStation> stations, AuditAction action, boolean pipelinePending) {
        if (stations.isEmpty()) {
            return;
        }
        registry.addAll(stations, pipelinePending);
        links.addAll(stations);
        registry.recordEvents(stations.stream().map(ImportedStation::code).toList(),
                StationEventType.STATION_IMPORTED, action,
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
    public void update(ImportedStation s, Map<String, Object> current, List<String> changes, AuditAction action) {
        registry.update(s);
        links.replace(s.code(), "PRIMARY", link(current, "primary"), s.primary());
        links.replace(s.code(), "BACKUP", link(current, "backup"), s.backup());
        registry.recordEvent(s.code(), StationEventType.STATION_IMPORTED, null, null, action,
                "updated: " + String.join("; ", changes));
    }

    private static ImportedStation.Link link(Map<String, Object> current, String prefix) {
        return current.get(prefix + "_circuit") == null ? null : new ImportedStation.Link(
                (String) current.get(prefix + "_medium"), (String) current.get(prefix + "_provider"),
                (String) current.get(prefix + "_circuit"), (String) current.get(prefix + "_endpoint"));
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
