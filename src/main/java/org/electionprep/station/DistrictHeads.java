package org.electionprep.station;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The group that verifies a station's site and corrects its record: its district's head (district-head-ahvaz-central).
 * A station registered before districts were required, without one, goes to its county's district-head group, which a
 * database of that time has. Read by the model as {@code ${districtHeads.of(execution.processBusinessKey)}}.
 */
@Component("districtHeads")
public class DistrictHeads {

    static final String ROLE = "district-head-";

    private final JdbcTemplate jdbc;

    public DistrictHeads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public String of(String stationCode) {
        return jdbc.query("SELECT district_code, county_code FROM station WHERE code = ?",
                        (rs, n) -> ROLE + (rs.getString(1) != null ? rs.getString(1) : rs.getString(2)), stationCode)
                .stream().findFirst()
                .orElseThrow(() -> new UnknownStationException(stationCode));
    }
}
