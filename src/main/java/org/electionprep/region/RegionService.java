package org.electionprep.region;

import static org.electionprep.shared.process.InstanceFacts.ELECTION_DATE;
import static org.electionprep.shared.process.InstanceFacts.REGION_CODE;
import static org.electionprep.shared.process.RegionalReadiness.COUNTIES;
import static org.electionprep.shared.process.RegionalReadiness.REGION_NAME;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.electionprep.division.CountyRegistry;
import org.electionprep.milestone.Milestones;
import org.electionprep.shared.PersianText;
import org.electionprep.shared.Texts;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Regions of neighbouring counties and their election date. A county belongs to one region; the region's process
 * starts a county process for each. Read by the models as {@code ${regions.counties(regionCode)}}.
 */
@Service("regions")
@Transactional
public class RegionService {

    private final JdbcTemplate jdbc;
    private final Milestones milestones;
    private final Clock clock;
    private final CountyRegistry registry;

    public RegionService(JdbcTemplate jdbc, Milestones milestones, Clock clock,
                         CountyRegistry registry) {
        this.registry = registry;
        this.jdbc = jdbc;
        this.milestones = milestones;
        this.clock = clock;
    }

    /**
     * Registers a region: an unknown county, a county of another region, an election date not in the future or a
     * code in use is refused.
     */
    public List<String> register(String code, String name, LocalDate electionDate, List<String> counties,
                                 String processInstanceId, String actor) {
        if (code == null || !code.matches("[a-z0-9-]{2,40}")) {
            throw invalid(REGION_CODE.name(), Texts.get("region.code-invalid"));
        }
        if (name == null || name.isBlank()) {
            throw invalid(REGION_NAME.name(), Texts.get("region.name-required"));
        }
        if (!electionDate.isAfter(milestones.today(clock))) {
            throw invalid(ELECTION_DATE.name(), Texts.get("region.election-date-not-future"));
        }
        if (counties.isEmpty()) {
            throw invalid(COUNTIES.name(), Texts.get("region.counties-required"));
        }
        if (count("SELECT COUNT(*) FROM region WHERE code = ?", code) > 0) {
            throw invalid(REGION_CODE.name(), Texts.get("region.code-taken", code));
        }
        java.util.Set<Object> provinces = new java.util.TreeSet<>();
        for (String county : counties) {
            List<Map<String, Object>> rows = jdbc.queryForList("SELECT name, region_code, province FROM county"
                    + " WHERE code = ?", county);
            if (rows.isEmpty()) {
                throw invalid(COUNTIES.name(), Texts.get("region.county-unknown", county));
            }
            Map<String, Object> row = rows.get(0);
            Object region = row.get("region_code");
            Object countyName = row.get("name");
            if (region != null) {
                throw invalid(COUNTIES.name(),
                        Texts.get("region.county-in-other-region", countyName, county, region));
            }
            provinces.add(row.get("province"));
        }
        if (provinces.size() > 1) {
            throw invalid(COUNTIES.name(), Texts.get("region.counties-of-several-provinces", provinces.toString()));
        }
        try {
            jdbc.update("INSERT INTO region (code, name, province, election_date, process_instance_id, created_by)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", code, PersianText.normalize(name.strip()),
                    provinces.iterator().next(),
                    Date.valueOf(electionDate), processInstanceId, actor);
        } catch (DuplicateKeyException e) {
            throw invalid(REGION_CODE.name(), Texts.get("region.code-taken", code));
        }
        for (String county : counties) {
            // Only a county still without a region: two regions started at once cannot both take it.
            if (!registry.joinRegion(county, code)) {
                throw invalid(COUNTIES.name(), Texts.get("region.county-joined-meanwhile", county));
            }
        }
        return counties;
    }

    public List<String> counties(String regionCode) {
        return jdbc.queryForList("SELECT code FROM county WHERE region_code = ? ORDER BY code", String.class, regionCode);
    }

    public String name(String regionCode) {
        return jdbc.queryForList("SELECT name FROM region WHERE code = ?", String.class, regionCode).stream()
                .findFirst().orElse(regionCode);
    }

    public boolean exists(String regionCode) {
        return count("SELECT COUNT(*) FROM region WHERE code = ?", regionCode) > 0;
    }

    public LocalDate electionDate(String regionCode) {
        return jdbc.queryForObject("SELECT election_date FROM region WHERE code = ?", Date.class, regionCode).toLocalDate();
    }

    private int count(String sql, Object... args) {
        Integer n = jdbc.queryForObject(sql, Integer.class, args);
        return n == null ? 0 : n;
    }

    private static FormFieldValidationException invalid(String field, String message) {
        return new FormFieldValidationException(field, message);
    }
}
