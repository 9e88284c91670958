package org.electionprep.division;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The districts (بخش) of the counties, the one writer of {@code district}. */
@Repository
public class Districts {

    /** A district: its code, its county and its name. */
    public record District(String code, String countyCode, String name) {
    }

    private final JdbcTemplate jdbc;

    public Districts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every district, by code, in county and code order. */
    public Map<String, District> all() {
        Map<String, District> districts = new LinkedHashMap<>();
        jdbc.query("SELECT code, county_code, name FROM district ORDER BY county_code, code", rs -> {
            districts.put(rs.getString(1), new District(rs.getString(1), rs.getString(2), rs.getString(3)));
        });
        return districts;
    }

    void add(District district) {
        jdbc.update("INSERT INTO district (code, county_code, name) VALUES (?, ?, ?)", district.code(),
                district.countyCode(), district.name());
    }

    void rename(String code, String name) {
        jdbc.update("UPDATE district SET name = ? WHERE code = ?", name, code);
    }

    void move(String code, String countyCode) {
        jdbc.update("UPDATE district SET county_code = ? WHERE code = ?", countyCode, code);
    }

    /** The county a district lies in; empty for a code that names no district. */
    public java.util.Optional<String> countyOf(String code) {
        return jdbc.queryForList("SELECT county_code FROM district WHERE code = ?", String.class, code).stream()
                .findFirst();
    }

    /** How many stations of the registry lie in each of these districts, by district code. */
    public Map<String, Integer> stationCounts(List<String> codes) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        if (codes.isEmpty()) {
            return counts;
        }
        jdbc.query("SELECT district_code, COUNT(*) FROM station WHERE district_code IN ("
                + String.join(", ", java.util.Collections.nCopies(codes.size(), "?")) + ") GROUP BY district_code",
                rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                }, codes.toArray());
        return counts;
    }
}
