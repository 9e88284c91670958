package org.electionprep.station;

import static org.electionprep.shared.process.InstanceFacts.STATION_CODE;
import static org.electionprep.shared.process.StationChangeApproval.STATION_CHANGE_ID;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.electionprep.division.CountyRegistry;
import org.electionprep.engine.Messages;
import org.electionprep.shared.AuditAction;
import org.electionprep.shared.RejectedSubmissionException;
import org.electionprep.shared.Texts;
import org.electionprep.shared.process.StationChangeApproval;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A change to a station of a finalized county does not change the registry silently: it is held, and the governor
 * approves or rejects it as a task of its own (process station-change-approval). Approving applies it then.
 */
@Service
@Transactional
public class StationChanges {


    private final JdbcTemplate jdbc;
    private final SimpleJdbcInsert changes;
    private final StationQueries queries;
    private final StationWriter writer;
    private final CountyRegistry counties;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final ObjectMapper json;
    private final Clock clock;
    private final StationRegistry registry;

    public StationChanges(JdbcTemplate jdbc, StationQueries queries, StationWriter writer, CountyRegistry counties,
                          RuntimeService runtime, IdentityService identity, ObjectMapper json, Clock clock,
                          StationRegistry registry) {
        this.identity = identity;
        this.registry = registry;
        this.jdbc = jdbc;
        this.changes = new SimpleJdbcInsert(jdbc).withTableName("station_change").usingColumns("station_code", "proposed", "summary", "requested_by", "requested_at", "status")
                .usingGeneratedKeyColumns("id").withoutTableColumnMetaDataAccess();
        this.queries = queries;
        this.writer = writer;
        this.counties = counties;
        this.runtime = runtime;
        this.json = json;
        this.clock = clock;
    }

    /** Holds the change for approval; false when the very same change is already waiting. */
    public boolean hold(ImportedStation station, List<String> differences, AuditAction action) {
        String proposed = write(station);
        // The same change waiting, or the same change the governor last rejected, is not asked for again.
        List<Map<String, Object>> latest = jdbc.queryForList("SELECT status, proposed FROM station_change"
                + " WHERE station_code = ? AND status IN ('PENDING', 'APPROVED', 'REJECTED') ORDER BY id DESC"
                + " FETCH FIRST 1 ROWS ONLY", station.code());
        if (!latest.isEmpty() && proposed.equals(latest.get(0).get("proposed"))
                && List.of("PENDING", "REJECTED").contains(latest.get(0).get("status"))) {
            return false;
        }
        // A newer change replaces one still waiting: the governor decides on the latest master data only.
        jdbc.update("UPDATE station_change SET status = 'SUPERSEDED' WHERE station_code = ? AND status = 'PENDING'",
                station.code());
        String summary = String.join("\n", differences);
        long id = changes.executeAndReturnKey(new MapSqlParameterSource().addValue("station_code", station.code())
                .addValue("proposed", proposed)
                .addValue("summary", summary.length() > 2000 ? summary.substring(0, 2000) : summary)
                .addValue("requested_by", action.actor()).addValue("requested_at", Timestamp.from(clock.instant()))
                .addValue("status", "PENDING")).longValue();
        registry.recordEvent(station.code(), StationEventType.CHANGE_HELD, null, null, action,
                "change " + id + " waits for the governor: " + summary);
        Messages.asApp(identity, () -> runtime.startProcessInstanceByKey(StationChangeApproval.KEY, station.code(),
                Map.ofEntries(STATION_CODE.with(station.code()), STATION_CHANGE_ID.with(id))));
        return true;
    }

    /** The master list went back to the registry's values: a change still waiting is no longer wanted. */
    public void withdraw(String stationCode) {
        jdbc.update("UPDATE station_change SET status = 'SUPERSEDED' WHERE station_code = ? AND status = 'PENDING'",
                stationCode);
    }

    public String summary(long changeId) {
        return jdbc.queryForObject("SELECT summary FROM station_change WHERE id = ?", String.class, changeId);
    }

    /** The governor's decision on a held change of a station of this county; approving applies it. */
    public void decide(String county, long changeId, String decision, String reason, AuditAction action) {
        if (!"approve".equals(decision) && !"reject".equals(decision)) {
            throw new RejectedSubmissionException(Texts.get("station.decision-required"));
        }
        if (reason == null || reason.isBlank()) {
            throw new RejectedSubmissionException(Texts.get("station.decision-reason-required"));
        }
        Map<String, Object> change = jdbc.queryForMap("SELECT station_code, proposed, status FROM station_change"
                + " WHERE id = ?", changeId);
        String code = (String) change.get("station_code");
        Map<String, Object> current = queries.station(code);
        if (current == null || !county.equals(current.get("county"))) {
            throw new RejectedSubmissionException(Texts.get("station.change-not-decidable"));
        }
        if (!"PENDING".equals(change.get("status"))) {
            return; // replaced by a newer change from the master list: this task only closes
        }
        counties.lock(county);
        boolean approve = "approve".equals(decision);
        if (approve) {
            ImportedStation proposed = read((String) change.get("proposed"));
            List<String> differences = writer.differences(proposed, current);
            if (!differences.isEmpty()) {
                try {
                    writer.update(proposed, current, differences, action);
                } catch (DataIntegrityViolationException e) {
                    throw new RejectedSubmissionException(Texts.get("station.change-conflicts"));
                }
            }
        }
        jdbc.update("UPDATE station_change SET status = ?, decided_by = ?, decided_at = ?, reason = ? WHERE id = ?",
                approve ? "APPROVED" : "REJECTED", action.actor(), Timestamp.from(clock.instant()), reason.strip(),
                changeId);
        registry.recordEvent(code, approve ? StationEventType.CHANGE_APPROVED : StationEventType.CHANGE_REJECTED,
                null, null, action,
                "change " + changeId + ": " + reason.strip());
    }

    private String write(ImportedStation station) {
        try {
            return json.writeValueAsString(new ImportedStation(0, station.code(), station.name(), station.county(),
                    station.district(), station.kind(), station.area(), station.building(), station.address(),
                    station.latitude(), station.longitude(), station.expectedVoters(), station.capacity(),
                    station.primary(), station.backup()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ImportedStation read(String proposed) {
        try {
            return json.readValue(proposed, ImportedStation.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
