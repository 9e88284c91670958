package org.electionprep.people;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The stations' staff by national code, the one writer of {@code staff}. */
@Repository
public class StaffRoster {

    /** A member of a station's staff, or a reserve of a district (no station). */
    public record Member(NationalCode nationalCode, PersonName firstName, PersonName lastName, MobileNumber mobile,
                         StaffRole role, String stationCode, String districtCode, String countyCode,
                         boolean certified) {
    }

    /** Which members to list: each criterion left null matches all. */
    public record Filter(List<String> counties, String district, String station, Boolean certified) {
    }

    private static final String COLUMNS = "national_code, first_name, last_name, mobile, role, station_code,"
            + " district_code, county_code, certified";

    private final JdbcTemplate jdbc;

    public StaffRoster(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The members of these national codes that the roster has, by code. */
    public Map<String, Member> byCodes(Collection<String> codes) {
        Map<String, Member> found = new HashMap<>();
        List<String> all = List.copyOf(codes);
        for (int from = 0; from < all.size(); from += 1000) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + 1000));
            String marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
            jdbc.query("SELECT " + COLUMNS + " FROM staff WHERE national_code IN (" + marks + ")", rs -> {
                Member member = member(rs);
                found.put(member.nationalCode().value(), member);
            }, chunk.toArray());
        }
        return found;
    }

    public List<Member> list(Filter filter) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM staff WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (filter.counties() != null) {
            if (filter.counties().isEmpty()) {
                return List.of();
            }
            sql.append(" AND county_code IN (").append(String.join(",", Collections.nCopies(filter.counties().size(),
                    "?"))).append(')');
            args.addAll(filter.counties());
        }
        if (filter.district() != null) {
            sql.append(" AND district_code = ?");
            args.add(filter.district());
        }
        if (filter.station() != null) {
            sql.append(" AND station_code = ?");
            args.add(filter.station());
        }
        if (filter.certified() != null) {
            sql.append(" AND certified = ?");
            args.add(filter.certified());
        }
        sql.append(" ORDER BY county_code, district_code, station_code NULLS LAST, role, last_name, first_name");
        return jdbc.query(sql.toString(), (rs, n) -> member(rs), args.toArray());
    }

    public void add(List<Member> members) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.batchUpdate("INSERT INTO staff (" + COLUMNS + ", updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                members.stream().map(m -> new Object[] {m.nationalCode().value(), m.firstName().value(),
                        m.lastName().value(), m.mobile() == null ? null : m.mobile().value(), m.role().code(),
                        m.stationCode(), m.districtCode(), m.countyCode(), m.certified(), now}).toList());
    }

    public void update(List<Member> members) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.batchUpdate("UPDATE staff SET first_name = ?, last_name = ?, mobile = ?, role = ?, station_code = ?,"
                        + " district_code = ?, county_code = ?, updated_at = ? WHERE national_code = ?",
                members.stream().map(m -> new Object[] {m.firstName().value(), m.lastName().value(),
                        m.mobile() == null ? null : m.mobile().value(), m.role().code(), m.stationCode(),
                        m.districtCode(), m.countyCode(), now, m.nationalCode().value()}).toList());
    }

    private static Member member(ResultSet rs) throws SQLException {
        String mobile = rs.getString("mobile");
        return new Member(new NationalCode(rs.getString("national_code")), new PersonName(rs.getString("first_name")),
                new PersonName(rs.getString("last_name")), mobile == null ? null : new MobileNumber(mobile),
                StaffRole.of(rs.getString("role")).orElseThrow(), rs.getString("station_code"),
                rs.getString("district_code"), rs.getString("county_code"), rs.getBoolean("certified"));
    }
}
