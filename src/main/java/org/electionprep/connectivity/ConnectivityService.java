package org.electionprep.connectivity;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.electionprep.operations.NodeName;
import org.electionprep.shared.AuditAction;
import org.electionprep.shared.PersianText;
import org.electionprep.shared.RejectedSubmissionException;
import org.electionprep.shared.Texts;
import org.electionprep.shared.process.ConnectivityClassification;
import org.electionprep.station.EndpointPolicy;
import org.electionprep.station.NetworkLink;
import org.electionprep.station.NetworkLinks;
import org.electionprep.station.StationEventType;
import org.electionprep.station.StationRegistry;
import org.electionprep.station.StationStatus;
import org.electionprep.station.StationValidator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Checks a station's link for real, keeps every test in link_test, and records the fixes of IT staff. */
@Service
@Transactional
public class ConnectivityService {

    private final StationRegistry registry;
    private final NetworkLinks links;
    private final LinkProber prober;
    private final ConnectivityClassifier classifier;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final NodeName node;
    private final EndpointPolicy endpoints;

    public ConnectivityService(StationRegistry registry, NetworkLinks links, LinkProber prober,
                               ConnectivityClassifier classifier, JdbcTemplate jdbc, Clock clock,
                               ApplicationEventPublisher events, NodeName node, EndpointPolicy endpoints) {
        this.endpoints = endpoints;
        this.links = links;
        this.registry = registry;
        this.prober = prober;
        this.classifier = classifier;
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
        this.node = node;
    }

    /** The link a check probes: the active primary, or the active backup once IT switched to it. */
    public NetworkLink linkToProbe(String stationCode) {
        return activeLink(stationCode, registry.links(stationCode));
    }

    private static NetworkLink activeLink(String stationCode, List<NetworkLink> links) {
        return links.stream().filter(NetworkLink::active).findFirst()
                .orElseThrow(() -> new IllegalStateException("Station " + stationCode + " has no active link to probe"));
    }

    public LinkTestOutcome check(String stationCode, AuditAction action) {
        NetworkLink link = linkToProbe(stationCode);
        if (!StationValidator.isProbeable(link.endpoint())) {
            throw new IllegalStateException("Link " + link.circuitId() + " of station " + stationCode
                    + " has no probeable endpoint: '" + link.endpoint() + "'");
        }
        ProbeResult figures = prober.probe(link.endpoint());
        ConnectivityClassification.Result classification = classifier.classify(figures);
        long id = insertLinkTest(link, stationCode, figures, classification, action.actor());
        // What the probe met (a refused connection, an HTTP status) stays in link_test for operators; officials and
        // clients see the classification and the figures of the samples that succeeded.
        registry.recordEvent(stationCode, StationEventType.LINK_TESTED, null, null, action,
                link.circuitId() + " " + classification
                + ": loss " + figures.lossPercent() + "%, latency " + figures.latencyMs() + " ms");
        if (classification.isPass()) {
            registry.changeStatus(stationCode, StationStatus.CONNECTED, action,
                    "link " + link.circuitId() + " tested OK (link_test " + id + ")");
            testBackups(stationCode, link, action);
        }
        return new LinkTestOutcome(id, link.circuitId(), classification, figures);
    }

    /**
     * Once the station is connected, its backup links are tested too, for the record: the backup-link milestone and
     * the governor's fallback decisions read these results; they do not hold the station back.
     */
    private void testBackups(String stationCode, NetworkLink tested, AuditAction action) {
        for (NetworkLink backup : registry.links(stationCode)) {
            if (backup.isPrimary() || backup.id() == tested.id() || !StationValidator.isProbeable(backup.endpoint())) {
                continue;
            }
            ProbeResult figures = prober.probe(backup.endpoint());
            ConnectivityClassification.Result classification = classifier.classify(figures);
            insertLinkTest(backup, stationCode, figures, classification, action.actor());
            registry.recordEvent(stationCode, StationEventType.LINK_TESTED, null, null, action,
                    backup.circuitId() + " (backup) "
                    + classification + ": loss " + figures.lossPercent() + "%, latency " + figures.latencyMs() + " ms");
        }
    }

    public void recordFix(String stationCode, ConnectivityFix fix, AuditAction action) {
        if (fix.ticketNumber() == null || fix.ticketNumber().isBlank()) {
            throw new RejectedSubmissionException(Texts.get("connectivity.ticket-number-missing"));
        }
        List<NetworkLink> stationLinks = registry.links(stationCode);
        NetworkLink current = activeLink(stationCode, stationLinks);
        switch (fix.action()) {
            case FIBER_REPAIR -> {
                // The same link is probed again; the repair itself happened in the field.
            }
            case SWITCH_TO_BACKUP -> {
                NetworkLink backup = stationLinks.stream().filter(l -> !l.isPrimary()).findFirst()
                        .orElseThrow(() -> new RejectedSubmissionException(
                                Texts.get("connectivity.no-backup-link")));
                if (!StationValidator.isProbeable(backup.endpoint())) {
                    throw new RejectedSubmissionException(Texts.get("connectivity.backup-endpoint-invalid"));
                }
                links.switchTo(stationCode, backup.id());
            }
            case NEW_LINK -> {
                String endpoint = fix.newEndpoint() == null ? null : PersianText.normalize(fix.newEndpoint());
                if (!StationValidator.isProbeable(endpoint)) {
                    throw new RejectedSubmissionException(Texts.get("connectivity.new-endpoint-missing"));
                }
                if (endpoints.refusal(endpoint).isPresent()) {
                    throw new RejectedSubmissionException(Texts.get("connectivity.new-endpoint-not-allowed",
                            StationValidator.NOT_ALLOWED));
                }
                links.replacePrimary(stationCode, current.medium(), current.provider(),
                        current.circuitId() + "-R" + (stationLinks.size() + 1), endpoint);
            }
        }
        registry.recordEvent(stationCode, StationEventType.LINK_FIX_RECORDED, null, null, action,
                "cause=" + fix.cause() + ", action=" + fix.action() + ", ticket=" + fix.ticketNumber()
                        + (fix.notes() == null || fix.notes().isBlank() ? "" : "; notes: " + fix.notes()));
        events.publishEvent(new LinkRepaired(stationCode, current.circuitId(), fix.action()));
    }

    private long insertLinkTest(NetworkLink link, String stationCode, ProbeResult figures,
                                ConnectivityClassification.Result classification,
                                String testedBy) {
        Instant now = clock.instant();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("INSERT INTO link_test (link_id, station_code, tested_at,"
                    + " endpoint, samples, successes, loss_percent, latency_ms, result, detail, tested_by, checked_on)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            ps.setLong(1, link.id());
            ps.setString(2, stationCode);
            ps.setTimestamp(3, Timestamp.from(now));
            ps.setString(4, figures.endpoint());
            ps.setInt(5, figures.samples());
            ps.setInt(6, figures.successes());
            ps.setDouble(7, figures.lossPercent());
            ps.setObject(8, figures.latencyMs());
            ps.setString(9, classification.name());
            ps.setString(10, figures.detail() == null ? null : figures.detail().substring(0, Math.min(1000, figures.detail().length())));
            ps.setString(11, testedBy);
            ps.setString(12, node.get());
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }
}
