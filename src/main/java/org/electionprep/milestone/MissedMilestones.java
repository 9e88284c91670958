package org.electionprep.milestone;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.electionprep.county.CountyRegistry;
import org.electionprep.readiness.Declarations;
import org.electionprep.station.StationAction;
import org.electionprep.station.StationRegistry;
import org.electionprep.training.OfficialsTraining;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a missed milestone leaves behind: the county's late stations marked AT_RISK in the registry (beside their
 * stage, with the milestone and since when), one audit row each, one county event, and the list the next level up
 * reads in its escalation task.
 */
@Service
@Transactional
public class MissedMilestones {

    /** Longest list written into a task (a process variable holds 4,000 characters); the registry keeps them all. */
    static final int LIST_LIMIT_CHARS = 3800;

    public record Miss(int count, String list) {
    }

    private final JdbcTemplate jdbc;
    private final StationRegistry stations;
    private final CountyRegistry counties;
    private final OfficialsTraining training;
    private final Declarations declarations;

    public MissedMilestones(JdbcTemplate jdbc, StationRegistry stations, CountyRegistry counties, OfficialsTraining training,
                            Declarations declarations) {
        this.declarations = declarations;
        this.stations = stations;
        this.jdbc = jdbc;
        this.counties = counties;
        this.training = training;
    }

    public Miss record(String county, Milestone milestone, StationAction action) {
        // The county before any station row, as every county-wide step does; and a station that became READY a moment
        // ago is seen as READY, not marked at risk again.
        counties.lock(county);
        List<String> lines = new ArrayList<>();
        List<Map<String, Object>> late = List.of();
        switch (milestone) {
            case OFFICIALS_TRAINED -> training.untrained(county)
                    .forEach(o -> lines.add(o.name() + " (" + o.roleName() + ")"));
            case DATABASE_FINALIZED -> {
                if (!counties.isFinalized(county)) {
                    lines.add("بانک اطلاعاتی شعب شهرستان هنوز نهایی نشده است");
                    late = lateStations(county, "s.status IN ('PROPOSED', 'RELOCATION_PENDING', 'VERIFIED')");
                }
            }
            case READINESS_DECLARED -> {
                if (!declarations.isDeclared(county)) {
                    lines.add("آمادگی شهرستان هنوز اعلام نشده است");
                    late = lateStations(county, CountyRegistry.UNSETTLED);
                }
            }
            case STATIONS_VERIFIED -> late = lateStations(county, "s.status IN " + CountyRegistry.UNVERIFIED);
            case PRIMARY_LINK_TESTED -> late = lateStations(county,
                    "s.status IN ('PROPOSED', 'RELOCATION_PENDING', 'VERIFIED', 'FINALIZED') AND s.fallback_mode IS NULL");
            case BACKUP_LINK_TESTED -> late = lateStations(county, """
                    s.status <> 'REJECTED' AND s.fallback_mode IS NULL
                    AND EXISTS (SELECT 1 FROM network_link l WHERE l.station_code = s.code AND l.role = 'BACKUP')
                    AND NOT EXISTS (SELECT 1 FROM link_test t JOIN network_link l ON l.id = t.link_id
                                    WHERE t.station_code = s.code AND l.role = 'BACKUP' AND t.result = 'OK')""");
            case DRILL_PASSED -> late = lateStations(county,
                    "s.status NOT IN ('TRAINED', 'READY', 'REJECTED') AND s.fallback_mode IS NULL");
        }
        markAtRisk(late, milestone, action);
        late.forEach(s -> lines.add(s.get("code") + " — " + s.get("name") + " (" + s.get("status") + ")"));
        int count = lines.size();
        if (count > 0) {
            counties.recordEvent(county, "MILESTONE_MISSED", action, milestone.name() + ": " + count
                    + " late, escalated to " + milestone.escalationGroup(county));
        }
        return new Miss(count, list(lines));
    }

    private List<Map<String, Object>> lateStations(String county, String condition) {
        return jdbc.queryForList("SELECT s.code AS code, s.name AS name, s.status AS status FROM station s"
                + " WHERE s.county_code = ? AND " + condition + " ORDER BY s.code", county);
    }

    private void markAtRisk(List<Map<String, Object>> late, Milestone milestone, StationAction action) {
        Map<String, String> statusByCode = new LinkedHashMap<>();
        late.forEach(s -> statusByCode.put((String) s.get("code"), (String) s.get("status")));
        stations.markAtRisk(statusByCode, milestone.name(), action);
    }

    static String list(List<String> lines) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            if (text.length() + lines.get(i).length() + 1 > LIST_LIMIT_CHARS) {
                return text + "… و " + (lines.size() - i) + " مورد دیگر (فهرست کامل در بانک اطلاعاتی)";
            }
            text.append(lines.get(i)).append('\n');
        }
        return text.toString().stripTrailing();
    }
}
