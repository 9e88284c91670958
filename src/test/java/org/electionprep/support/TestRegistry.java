package org.electionprep.support;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/** Puts stations into the registry the way an import would, for tests. Counties come from access.yml seeding. */
public final class TestRegistry {

    private final JdbcTemplate jdbc;

    public TestRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void district(String code, String county, String name) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM district WHERE code = ?", Integer.class, code);
        if (n == null || n == 0) {
            jdbc.update("INSERT INTO district (code, county_code, name) VALUES (?, ?, ?)", code, county, name);
        }
    }

    public void station(String code, String county, String district, int expectedVoters, int capacity, String endpoint) {
        district(district, county, "مرکزی");
        jdbc.update("INSERT INTO station (code, name, county_code, district_code, address, expected_voters, capacity)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                code, "شعبه آزمایشی " + code, county, district, "خیابان آزمایش، پلاک ۱", expectedVoters, capacity);
        link(code, "PRIMARY", code + "-P", endpoint);
    }

    public void link(String station, String role, String circuit, String endpoint) {
        jdbc.update("INSERT INTO network_link (station_code, role, medium, provider, circuit_id, endpoint)"
                + " VALUES (?, ?, 'FIBRE', 'test', ?, ?)", station, role, circuit, endpoint);
    }

    /** What the county's finalization does to a verified station (CountyFinalization). */
    public void finalizeVerified(String code) {
        jdbc.update("UPDATE station SET status = 'FINALIZED' WHERE code = ? AND status = 'VERIFIED'", code);
    }

    public String status(String code) {
        return jdbc.queryForObject("SELECT status FROM station WHERE code = ?", String.class, code);
    }

    public Map<String, Object> station(String code) {
        return jdbc.queryForMap("SELECT * FROM station WHERE code = ?", code);
    }

    public List<Map<String, Object>> events(String code) {
        return jdbc.queryForList("SELECT * FROM station_event WHERE station_code = ? ORDER BY id", code);
    }

    public List<String> eventTypes(String code) {
        return jdbc.queryForList("SELECT event_type FROM station_event WHERE station_code = ? ORDER BY id", String.class, code);
    }

    public List<Map<String, Object>> linkTests(String code) {
        return jdbc.queryForList("SELECT * FROM link_test WHERE station_code = ? ORDER BY id", code);
    }
}
