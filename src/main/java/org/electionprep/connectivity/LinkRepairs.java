package org.electionprep.connectivity;

import static org.electionprep.shared.process.StationReadiness.LINK_REPAIRED_MESSAGE;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.electionprep.engine.Messages;
import org.electionprep.shared.AuditAction;
import org.electionprep.station.StationEventType;
import org.electionprep.station.StationRegistry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A telecom provider's report that a link is repaired: recorded once per provider reference, and the station's
 * pipeline, if it is waiting for the link to be fixed, checks the link again at once (message linkRepaired).
 */
@Service
@Transactional
public class LinkRepairs {


    public record Report(Instant repairedAt, String action, String reference) {
    }

    private final JdbcTemplate jdbc;
    private final SimpleJdbcInsert repairs;
    private final StationRegistry stations;
    private final ConnectivityService connectivity;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public LinkRepairs(JdbcTemplate jdbc, StationRegistry stations, ConnectivityService connectivity,
                       RuntimeService runtime, IdentityService identity,
                       ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.repairs = new SimpleJdbcInsert(jdbc).withTableName("link_repair").usingColumns("link_id", "station_code", "repaired_at", "action", "reference", "reported_by", "reported_at", "check_triggered")
                .usingGeneratedKeyColumns("id").withoutTableColumnMetaDataAccess();
        this.stations = stations;
        this.connectivity = connectivity;
        this.runtime = runtime;
        this.identity = identity;
        this.events = events;
        this.clock = clock;
    }

    /** A circuit's link: its id, station and county, and whether it is the link in use. */
    public record Circuit(String circuitId, long linkId, String stationCode, String county, boolean active) {
    }

    /** What a repair report is answered with; a reference reported again is a duplicate, answered as the first. */
    public record Answer(String circuitId, String stationCode, long repairId, boolean duplicate,
                         boolean checkTriggered) {
    }

    public Optional<Circuit> circuit(String circuitId) {
        return jdbc.query("SELECT l.id, l.station_code, s.county_code, l.active FROM network_link l JOIN station s"
                + " ON s.code = l.station_code WHERE l.circuit_id = ?", (rs, n) -> new Circuit(circuitId,
                rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)), circuitId).stream().findFirst();
    }

    /** A repair already recorded under this reference, answered as it was then; null when none. */
    public Optional<Answer> recorded(String circuitId, String reference) {
        return jdbc.query("SELECT r.id, r.station_code, r.check_triggered FROM link_repair r"
                + " JOIN network_link l ON l.id = r.link_id WHERE l.circuit_id = ? AND r.reference = ?",
                (rs, n) -> new Answer(circuitId, rs.getString(2), rs.getLong(1), true, rs.getBoolean(3)), circuitId,
                reference).stream().findFirst();
    }

    /** Records the repair and wakes the station's pipeline; a reference already recorded is answered as it was. */
    public Answer report(Circuit circuit, Report report, String reporter) {
        String circuitId = circuit.circuitId();
        long linkId = circuit.linkId();
        String station = circuit.stationCode();
        Optional<Answer> earlier = recorded(circuitId, report.reference());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        // Only a repair of the link the station is being fixed on (its active link) ends the fix and re-checks.
        boolean underTest = circuit.active()
                && circuitId.equals(connectivity.linkToProbe(station).circuitId());
        int woken = !underTest ? 0 : Messages.asApp(identity,
                () -> runtime.createMessageCorrelation(LINK_REPAIRED_MESSAGE.name())
                .processInstanceBusinessKey(station).correlateAllWithResult().size());
        long repairId = repairs.executeAndReturnKey(new MapSqlParameterSource().addValue("link_id", linkId)
                .addValue("station_code", station).addValue("repaired_at", Timestamp.from(report.repairedAt()))
                .addValue("action", report.action()).addValue("reference", report.reference())
                .addValue("reported_by", reporter).addValue("reported_at", Timestamp.from(clock.instant()))
                .addValue("check_triggered", woken > 0)).longValue();
        stations.recordEvent(station, StationEventType.LINK_REPAIRED, null, null,
                new AuditAction(reporter, null, null, null),
                circuitId + " repaired at " + report.repairedAt() + ": " + report.action() + " (ref " + report.reference()
                        + ")" + (woken > 0 ? "; connectivity check triggered" : ""));
        events.publishEvent(new LinkRepaired(station, circuitId, null));
        return new Answer(circuitId, station, repairId, false, woken > 0);
    }
}
