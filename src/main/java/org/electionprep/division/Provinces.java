package org.electionprep.division;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The provinces (استان), the one writer of {@code province}. */
@Repository
public class Provinces {

    /** A province: its code and name. */
    public record Province(String code, String name) {
    }

    private final JdbcTemplate jdbc;

    public Provinces(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every province, by code, in code order. */
    public Map<String, Province> all() {
        Map<String, Province> provinces = new LinkedHashMap<>();
        jdbc.query("SELECT code, name FROM province ORDER BY code",
                rs -> {
                    provinces.put(rs.getString(1), new Province(rs.getString(1), rs.getString(2)));
                });
        return provinces;
    }

    public void add(Province province) {
        jdbc.update("INSERT INTO province (code, name) VALUES (?, ?)", province.code(), province.name());
    }

    public void rename(String code, String name) {
        jdbc.update("UPDATE province SET name = ? WHERE code = ?", name, code);
    }

    /** The provinces that counties name but that have no row: a database seeded before provinces were data. */
    public List<String> namedByCountiesOnly() {
        return jdbc.queryForList("SELECT DISTINCT province FROM county"
                + " WHERE province NOT IN (SELECT code FROM province) ORDER BY province", String.class);
    }
}
