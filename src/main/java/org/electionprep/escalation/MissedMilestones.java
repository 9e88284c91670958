package org.electionprep.escalation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.electionprep.division.CountyEventType;
import org.electionprep.division.CountyRegistry;
import org.electionprep.milestone.Milestone;
import org.electionprep.readiness.Declarations;
import org.electionprep.shared.AuditAction;
import org.electionprep.shared.Texts;
import org.electionprep.station.CountyStations;
import org.electionprep.station.StationRegistry;
import org.electionprep.training.OfficialsTraining;
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

    private final CountyStations stations;
    private final StationRegistry registry;
    private final CountyRegistry counties;
    private final OfficialsTraining training;
    private final Declarations declarations;

    public MissedMilestones(CountyStations stations, StationRegistry registry, CountyRegistry counties,
                            OfficialsTraining training, Declarations declarations) {
        this.declarations = declarations;
        this.stations = stations;
        this.registry = registry;
        this.counties = counties;
        this.training = training;
    }

    public Miss record(String county, Milestone milestone, AuditAction action) {
        // The county before any station row, as every county-wide step does; and a station that became READY a moment
        // ago is seen as READY, not marked at risk again.
        counties.lock(county);
        List<String> lines = new ArrayList<>();
        List<CountyStations.LateStation> late = switch (milestone) {
            case OFFICIALS_TRAINED -> {
                training.untrained(county).forEach(o -> lines.add(o.name() + " (" + o.roleName() + ")"));
                yield List.of();
            }
            case DATABASE_FINALIZED -> {
                if (counties.isFinalized(county)) {
                    yield List.of();
                }
                lines.add(Texts.get("escalation.database-not-finalized"));
                yield stations.lateFor(county, milestone);
            }
            case READINESS_DECLARED -> {
                if (declarations.isDeclared(county)) {
                    yield List.of();
                }
                lines.add(Texts.get("escalation.readiness-not-declared"));
                yield stations.lateFor(county, milestone);
            }
            default -> stations.lateFor(county, milestone);
        };
        Map<String, String> statusByCode = new LinkedHashMap<>();
        late.forEach(s -> statusByCode.put(s.code(), s.status().name()));
        registry.markAtRisk(statusByCode, milestone.name(), action);
        late.forEach(s -> lines.add(s.code() + " — " + s.name() + " (" + s.status().name() + ")"));
        int count = lines.size();
        if (count > 0) {
            counties.recordEvent(county, CountyEventType.MILESTONE_MISSED, action, milestone.name() + ": " + count
                    + " late, escalated to " + milestone.escalationGroup(county,
                    counties.provinceOf(county).orElseThrow()));
        }
        return new Miss(count, list(lines));
    }

    static String list(List<String> lines) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            if (text.length() + lines.get(i).length() + 1 > LIST_LIMIT_CHARS) {
                return text + Texts.get("escalation.list-more", lines.size() - i);
            }
            text.append(lines.get(i)).append('\n');
        }
        return text.toString().stripTrailing();
    }
}
