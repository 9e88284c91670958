package org.electionprep.assistance;

import static org.electionprep.shared.process.CountyReadiness.ANSWERED_REQUEST_ID;
import static org.electionprep.shared.process.CountyReadiness.ASSISTANCE_ANSWERED_MESSAGE;
import static org.electionprep.shared.process.CountyReadiness.ASSISTANCE_REQUESTED_MESSAGE;
import static org.electionprep.shared.process.CountyReadiness.ASSISTANCE_REQUEST_ID;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

import org.electionprep.division.CountyEventType;
import org.electionprep.division.CountyRegistry;
import org.electionprep.engine.Messages;
import org.electionprep.milestone.Milestones;
import org.electionprep.shared.AuditAction;
import org.electionprep.shared.PersianText;
import org.electionprep.shared.RejectedSubmissionException;
import org.electionprep.shared.Texts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Help between neighbouring counties: a county short of IT staff or trainers asks a county of its region; the request
 * reaches the neighbour's county process as a message, and the answer goes back to the asking county's process.
 */
@Service
@Transactional
public class AssistanceService {


    public record Request(long id, String requestingCounty, String neighbourCounty, String kind, String details,
                          String status, String helper, String helpDate, String declineReason) {

        public String kindName() {
            return "IT".equals(kind) ? Texts.get("assistance.kind-it") : Texts.get("assistance.kind-training");
        }

        /** The neighbour's group that answers: its IT staff or its trainers. */
        public String helperGroup() {
            return ("IT".equals(kind) ? "it-" : "trainer-") + neighbourCounty;
        }
    }

    private final JdbcTemplate jdbc;
    private final SimpleJdbcInsert requests;
    private final CountyRegistry counties;
    private final Messages messages;
    private final Milestones milestones;
    private final Clock clock;

    public AssistanceService(JdbcTemplate jdbc, CountyRegistry counties, Messages messages, Milestones milestones,
                             Clock clock) {
        this.jdbc = jdbc;
        this.requests = new SimpleJdbcInsert(jdbc).withTableName("assistance_request").usingColumns("requesting_county", "neighbour_county", "kind", "details", "requested_by", "requested_at", "status")
                .usingGeneratedKeyColumns("id").withoutTableColumnMetaDataAccess();
        this.counties = counties;
        this.messages = messages;
        this.milestones = milestones;
        this.clock = clock;
    }

    public long request(String county, String neighbour, String kind, String details, AuditAction action) {
        if (neighbour == null || !counties.exists(neighbour)) {
            throw new RejectedSubmissionException(Texts.get("assistance.neighbour-required"));
        }
        if (neighbour.equals(county)) {
            throw new RejectedSubmissionException(Texts.get("assistance.neighbour-is-self"));
        }
        if (!Objects.equals(counties.regionOf(county).orElse(null), counties.regionOf(neighbour).orElse(null))) {
            throw new RejectedSubmissionException(
                    Texts.get("assistance.neighbour-other-region", counties.name(neighbour)));
        }
        if (!"IT".equals(kind) && !"TRAINING".equals(kind)) {
            throw new RejectedSubmissionException(Texts.get("assistance.kind-required"));
        }
        if (details == null || details.isBlank()) {
            throw new RejectedSubmissionException(Texts.get("assistance.details-required"));
        }
        long id = requests.executeAndReturnKey(new MapSqlParameterSource().addValue("requesting_county", county)
                .addValue("neighbour_county", neighbour).addValue("kind", kind).addValue("details", details.strip())
                .addValue("requested_by", action.actor()).addValue("requested_at", Timestamp.from(clock.instant()))
                .addValue("status", "OPEN")).longValue();
        if (messages.send(ASSISTANCE_REQUESTED_MESSAGE, neighbour, neighbour, ASSISTANCE_REQUEST_ID.with(id)) == 0) {
            throw new RejectedSubmissionException(
                    Texts.get("assistance.neighbour-not-running", counties.name(neighbour)));
        }
        counties.recordEvent(county, CountyEventType.ASSISTANCE_REQUESTED, action,
                "#" + id + " to " + neighbour + ": " + kind);
        return id;
    }

    public Request get(long id) {
        List<Request> found = jdbc.query("SELECT * FROM assistance_request WHERE id = ?", (rs, i) -> new Request(
                rs.getLong("id"), rs.getString("requesting_county"), rs.getString("neighbour_county"),
                rs.getString("kind"), rs.getString("details"), rs.getString("status"), rs.getString("helper"),
                rs.getDate("help_date") == null ? null : rs.getDate("help_date").toLocalDate().toString(),
                rs.getString("decline_reason")), id);
        if (found.isEmpty()) {
            throw new RejectedSubmissionException(Texts.get("assistance.request-not-found", id));
        }
        return found.get(0);
    }

    /** The neighbour's answer, from the neighbour county's process. */
    public void answer(String county, long requestId, String answer, String helper, Object helpDate,
                       String declineReason, AuditAction action) {
        Request request = get(requestId);
        if (!request.neighbourCounty().equals(county)) {
            throw new RejectedSubmissionException(Texts.get("assistance.request-other-county"));
        }
        if (!"OPEN".equals(request.status())) {
            throw new RejectedSubmissionException(Texts.get("assistance.request-already-answered"));
        }
        boolean accept = "accept".equals(answer);
        if (!accept && !"decline".equals(answer)) {
            throw new RejectedSubmissionException(Texts.get("assistance.answer-required"));
        }
        if (accept && (helper == null || helper.isBlank() || helpDate == null || helpDate.toString().isBlank())) {
            throw new RejectedSubmissionException(Texts.get("assistance.helper-required"));
        }
        if (!accept && (declineReason == null || declineReason.isBlank())) {
            throw new RejectedSubmissionException(Texts.get("assistance.decline-reason-required"));
        }
        jdbc.update("UPDATE assistance_request SET status = ?, helper = ?, help_date = ?, decline_reason = ?,"
                        + " answered_by = ?, answered_at = ? WHERE id = ?",
                accept ? "ACCEPTED" : "DECLINED", accept ? helper.strip() : null,
                accept ? Date.valueOf(milestones.date(helpDate)) : null, accept ? null : declineReason.strip(),
                action.actor(), Timestamp.from(clock.instant()), request.id());
        counties.recordEvent(request.neighbourCounty(),
                accept ? CountyEventType.ASSISTANCE_ACCEPTED : CountyEventType.ASSISTANCE_DECLINED, action,
                "#" + request.id() + " from " + request.requestingCounty());
        messages.send(ASSISTANCE_ANSWERED_MESSAGE, request.requestingCounty(), request.requestingCounty(),
                ANSWERED_REQUEST_ID.with(request.id()));
    }

    public String answerSummary(long requestId) {
        Request r = get(requestId);
        String head = Texts.get("assistance.summary-head", r.kindName(), r.details());
        return switch (r.status()) {
            case "ACCEPTED" -> head + Texts.get("assistance.summary-accepted", r.helper(),
                    PersianText.solarDate(java.time.LocalDate.parse(r.helpDate())));
            case "DECLINED" -> head + Texts.get("assistance.summary-declined", r.declineReason());
            default -> head + Texts.get("assistance.summary-pending");
        };
    }

    public void acknowledge(String county, long requestId, String note, AuditAction action) {
        Request r = get(requestId);
        if (!r.requestingCounty().equals(county)) {
            throw new RejectedSubmissionException(Texts.get("assistance.answer-other-county"));
        }
        jdbc.update("UPDATE assistance_request SET acknowledged_by = ?, acknowledged_at = ? WHERE id = ?",
                action.actor(), Timestamp.from(clock.instant()), r.id());
        counties.recordEvent(r.requestingCounty(), CountyEventType.ASSISTANCE_ANSWER_SEEN, action, "#" + r.id()
                + (note == null || note.isBlank() ? "" : ": " + note.strip()));
    }

    public String countyName(String code) {
        return counties.name(code);
    }

}
