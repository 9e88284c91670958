package org.electionprep.people;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The audit of personal data shown in full: who saw whose national code and mobile number, when, and through which
 * request. The one writer of {@code personal_data_read}.
 */
@Repository
public class PersonalDataReads {

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
}
