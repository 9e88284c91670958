package org.electionprep.people;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The officials by national code, the one writer of {@code official}. */
@Repository
public class OfficialRoster {

    /** An official: who, how to reach them, their role at a place, their account, and whether they still serve. */
    public record Official(NationalCode nationalCode, String userId, PersonName firstName, PersonName lastName,
                           MobileNumber mobile, String email, String role, String place, boolean active) {
    }

    private static final String COLUMNS = "national_code, user_id, first_name, last_name, mobile, email, role, place,"
            + " active";

    private final JdbcTemplate jdbc;

    public OfficialRoster(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every official, by national code. */
    public Map<String, Official> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM official ORDER BY place, role, last_name, first_name",
                (rs, n) -> official(rs)).stream().collect(Collectors.toMap(o -> o.nationalCode().value(),
                        Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
    }

    /** The engine accounts the roster has given, whoever holds them. */
    public List<String> userIds() {
        return jdbc.queryForList("SELECT user_id FROM official", String.class);
    }

    public void add(Official official) {
        jdbc.update("INSERT INTO official (" + COLUMNS + ", updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                official.nationalCode().value(), official.userId(), official.firstName().value(),
                official.lastName().value(), official.mobile() == null ? null : official.mobile().value(),
                official.email(), official.role(), official.place(), official.active(), Timestamp.from(Instant.now()));
    }

    public void update(Official official) {
        jdbc.update("UPDATE official SET first_name = ?, last_name = ?, mobile = ?, email = ?, role = ?, place = ?,"
                        + " active = ?, updated_at = ? WHERE national_code = ?", official.firstName().value(),
                official.lastName().value(), official.mobile() == null ? null : official.mobile().value(),
                official.email(), official.role(), official.place(), official.active(), Timestamp.from(Instant.now()),
                official.nationalCode().value());
    }

    private static Official official(ResultSet rs) throws SQLException {
        String mobile = rs.getString("mobile");
        return new Official(new NationalCode(rs.getString("national_code")), rs.getString("user_id"),
                new PersonName(rs.getString("first_name")), new PersonName(rs.getString("last_name")),
                mobile == null ? null : new MobileNumber(mobile), rs.getString("email"), rs.getString("role"),
                rs.getString("place"), rs.getBoolean("active"));
    }
}
