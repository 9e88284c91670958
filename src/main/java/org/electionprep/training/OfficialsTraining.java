package org.electionprep.training;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.electionprep.identity.Official;
import org.electionprep.identity.OfficialsDirectory;
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
 * The officials' training of a county: invitations to the regional session or a make-up session, the trainer's
 * record of each official's attendance and practical exercise, and who is still untrained. An official counts as
 * trained after attending a session and passing its exercise.
 */
@Service("officialsTraining")
@Transactional
public class OfficialsTraining {

    public static final int PASS_SCORE = 50;

    private final JdbcTemplate jdbc;
    private final SimpleJdbcInsert sessions;
    private final OfficialsDirectory directory;
    private final Milestones milestones;
    private final Clock clock;

    public OfficialsTraining(JdbcTemplate jdbc, OfficialsDirectory directory, Milestones milestones, Clock clock) {
        this.jdbc = jdbc;
        this.sessions = new SimpleJdbcInsert(jdbc).withTableName("training_session").usingColumns("kind", "region_code", "county_code", "session_date", "venue", "trainers", "notes", "scheduled_by", "scheduled_at")
                .usingGeneratedKeyColumns("id").withoutTableColumnMetaDataAccess();
        this.directory = directory;
        this.milestones = milestones;
        this.clock = clock;
    }

    /** A session of the region (county null) or a county's make-up session; the date may not be in the past. */
    public long schedule(String kind, String regionCode, String countyCode, LocalDate date, String venue,
                         String trainers, String notes, String scheduledBy) {
        if (date.isBefore(milestones.today(clock))) {
            throw new RejectedSubmissionException(Texts.get("training.session-date-past"));
        }
        if (venue == null || venue.isBlank()) {
            throw new RejectedSubmissionException(Texts.get("training.venue-required"));
        }
        return sessions.executeAndReturnKey(new MapSqlParameterSource().addValue("kind", kind)
                .addValue("region_code", regionCode).addValue("county_code", countyCode)
                .addValue("session_date", Date.valueOf(date)).addValue("venue", venue.strip())
                .addValue("trainers", trainers == null ? null : trainers.strip())
                .addValue("notes", notes == null || notes.isBlank() ? null : notes.strip())
                .addValue("scheduled_by", scheduledBy).addValue("scheduled_at", Timestamp.from(clock.instant())))
                .longValue();
    }

    /** Invites the county's officials who are not trained yet; the number invited. */
    public int invite(long sessionId, String county) {
        List<Official> untrained = untrained(county);
        for (Official o : untrained) {
            Integer invited = jdbc.queryForObject("SELECT COUNT(*) FROM attendance WHERE session_id = ? AND official = ?",
                    Integer.class, sessionId, o.userId());
            if (invited == null || invited == 0) {
                jdbc.update("INSERT INTO attendance (session_id, official, official_name, role, county_code)"
                        + " VALUES (?, ?, ?, ?, ?)", sessionId, o.userId(), o.name(), o.role(), county);
            }
        }
        return untrained.size();
    }

    /**
     * The county's current session: the latest one its officials were invited to. Read from the registry rather than
     * from a process variable, which a task submission could change.
     */
    public long currentSession(String county) {
        Long session = jdbc.queryForObject("SELECT MAX(session_id) FROM attendance WHERE county_code = ?", Long.class,
                county);
        return session == null ? -1 : session;
    }

    /** The user ids of the county's officials invited to its current session whose result is not recorded yet. */
    public List<String> pending(String county) {
        return jdbc.queryForList("SELECT official FROM attendance WHERE session_id = ? AND county_code = ?"
                + " AND recorded_at IS NULL ORDER BY role, official", String.class, currentSession(county), county);
    }

    public String officialName(String county, String official) {
        return jdbc.queryForList("SELECT official_name FROM attendance WHERE session_id = ? AND official = ?",
                String.class, currentSession(county), official).stream().findFirst().orElse(official);
    }

    public String roleName(String county, String official) {
        return jdbc.queryForList("SELECT role FROM attendance WHERE session_id = ? AND official = ?",
                String.class, currentSession(county), official).stream().findFirst()
                .map(role -> OfficialsDirectory.ROLES.getOrDefault(role, role)).orElse("");
    }

    public String sessionLabel(long sessionId) {
        Map<String, Object> row = jdbc.queryForMap("SELECT kind, session_date, venue FROM training_session WHERE id = ?",
                sessionId);
        String date = PersianText.solarDate(((Date) row.get("session_date")).toLocalDate());
        return "REGIONAL".equals(row.get("kind")) ? Texts.get("training.session-label-regional", date, row.get("venue"))
                : Texts.get("training.session-label-make-up", date, row.get("venue"));
    }

    public String sessionDate(long sessionId) {
        return jdbc.queryForObject("SELECT session_date FROM training_session WHERE id = ?", Date.class, sessionId)
                .toLocalDate().toString();
    }

    /** The trainer's record of one official of the county at its current session. */
    public void record(String county, String official, boolean attended, Integer score, boolean passed, String notes,
                       AuditAction action) {
        if (passed && !attended) {
            throw new RejectedSubmissionException(Texts.get("training.drill-without-attendance"));
        }
        if (attended && score == null) {
            throw new RejectedSubmissionException(Texts.get("training.score-required"));
        }
        if (score != null && (score < 0 || score > 100)) {
            throw new RejectedSubmissionException(Texts.get("training.score-range"));
        }
        if (passed && score < PASS_SCORE) {
            throw new RejectedSubmissionException(Texts.get("training.score-below-pass", PASS_SCORE));
        }
        int updated = jdbc.update("UPDATE attendance SET attended = ?, score = ?, drill_passed = ?, notes = ?,"
                        + " recorded_by = ?, recorded_at = ? WHERE session_id = ? AND official = ? AND recorded_at IS NULL",
                attended, score, passed, notes == null || notes.isBlank() ? null : notes.strip(), action.actor(),
                Timestamp.from(clock.instant()), currentSession(county), official);
        if (updated != 1) {
            throw new RejectedSubmissionException(Texts.get("training.official-not-invited", official));
        }
    }

    /** The county's officials who have not yet attended a session and passed its exercise. */
    public List<Official> untrained(String county) {
        return untrained(county, directory.of(county));
    }

    private List<Official> untrained(String county, List<Official> officials) {
        Set<String> trained = Set.copyOf(jdbc.queryForList("SELECT DISTINCT official FROM attendance"
                + " WHERE county_code = ? AND attended = TRUE AND drill_passed = TRUE", String.class, county));
        return officials.stream().filter(o -> !trained.contains(o.userId())).collect(Collectors.toList());
    }

    /** Officials of the county and how many of them are trained. */
    /** The county's officials and how many of them are trained. */
    public int[] coverage(String county) {
        return total(coverageByRole(county));
    }

    public static int[] total(Map<String, int[]> byRole) {
        int[] total = new int[2];
        byRole.values().forEach(counts -> {
            total[0] += counts[0];
            total[1] += counts[1];
        });
        return total;
    }

    /** Per role (governor, deputy, district-head), in that order: the officials and how many of them are trained. */
    public Map<String, int[]> coverageByRole(String county) {
        List<Official> all = directory.of(county);
        Set<String> untrained = untrained(county, all).stream().map(Official::userId).collect(Collectors.toSet());
        Map<String, int[]> byRole = new LinkedHashMap<>();
        for (Official official : all) {
            int[] counts = byRole.computeIfAbsent(official.role(), r -> new int[2]);
            counts[0]++;
            counts[1] += untrained.contains(official.userId()) ? 0 : 1;
        }
        return byRole;
    }

    public static String describe(List<Official> officials) {
        return officials.stream().map(o -> "• " + o.name() + " (" + o.roleName() + ")").collect(Collectors.joining("\n"));
    }

}
