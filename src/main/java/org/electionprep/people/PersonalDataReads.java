package org.electionprep.people;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The audit of personal data shown in full: who saw whose national code and mobile number, when, and through which
 * request. The one writer of {@code personal_data_read}.
 */
@Repository
public class PersonalDataReads {

    /** A read: who, whose national code, through what, when. */
    public record Read(String reader, String nationalCode, String readThrough, Instant readAt) {
    }

    private final JdbcTemplate jdbc;

    public PersonalDataReads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records that the reader was shown these people's national codes and mobile numbers in full. */
    public void record(String reader, Collection<NationalCode> shown, String readThrough) {
        if (shown.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.batchUpdate("INSERT INTO personal_data_read (reader, national_code, read_through, read_at)"
                + " VALUES (?, ?, ?, ?)", shown.stream().map(code -> new Object[] {reader, code.value(),
                readThrough.length() > 200 ? readThrough.substring(0, 200) : readThrough, now}).toList());
    }

    /** Who read a person's record in full, newest first. */
    public List<Read> of(NationalCode person) {
        return jdbc.query("SELECT reader, national_code, read_through, read_at FROM personal_data_read"
                        + " WHERE national_code = ? ORDER BY read_at DESC, id DESC", (rs, n) -> new Read(
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()),
                person.value());
    }
}
