package org.electionprep.readiness;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.electionprep.division.CountyEventType;
import org.electionprep.division.CountyRegistry;
import org.electionprep.region.RegionService;
import org.electionprep.shared.AuditAction;
import org.electionprep.shared.RejectedSubmissionException;
import org.electionprep.shared.Texts;
import org.electionprep.station.CountyStations;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Readiness records: a governor's signed declaration for a county, and the regional report that lists every county's
 * state (declared or not, stations ready, fallbacks, at risk, officials trained) once the region is done or its
 * deadline has passed.
 */
@Service
@Transactional
public class Declarations {

    private final JdbcTemplate jdbc;
    private final CountyRegistry counties;
    private final CountyStations stations;
    private final ReadinessFigures figures;
    private final RegionService regions;
    private final Clock clock;

    public Declarations(JdbcTemplate jdbc, CountyRegistry counties, CountyStations stations, ReadinessFigures figures,
                        RegionService regions, Clock clock) {
        this.jdbc = jdbc;
        this.counties = counties;
        this.stations = stations;
        this.figures = figures;
        this.regions = regions;
        this.clock = clock;
    }

    /** What the governor signs: the county's stations and officials as they stand. */
    public String summary(String county) {
        CountyFigures f = figures.county(county);
        return Texts.get("readiness.declaration-summary", f.total(), f.ready(), f.fallbackBackup(), f.fallbackPaper(),
                f.rejected(), f.atRisk(), f.officialsTrained(), f.officials());
    }

    public void declareCounty(String county, boolean confirmed, String note, AuditAction action) {
        if (!confirmed) {
            throw new RejectedSubmissionException(Texts.get("readiness.governor-confirmation-required"));
        }
        counties.lock(county);
        int unsettled = stations.unsettled(county);
        if (unsettled > 0) {
            throw new RejectedSubmissionException(Texts.get("readiness.stations-unsettled", unsettled));
        }
        insert("DECLARATION", "COUNTY", county, counties.regionOf(county).orElse(null), action, true,
                figures.county(county), note);
        counties.recordEvent(county, CountyEventType.READINESS_DECLARED, action, note);
    }

    public boolean isDeclared(String county) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM readiness_declaration WHERE kind = 'DECLARATION'"
                + " AND level = 'COUNTY' AND scope_code = ?", Integer.class, county);
        return n != null && n > 0;
    }

    /** Writes the regional report (a row per county and one for the region) and answers it for the process. */
    public RegionalReport compileRegionalReport(String region, AuditAction action) {
        List<RegionalReport.CountyLine> lines = new ArrayList<>();
        int[] sums = new int[9];
        List<String> regionCounties = regions.counties(region);
        Map<String, CountyFigures> counted = figures.counties(regionCounties);
        for (String county : regionCounties) {
            CountyFigures f = counted.get(county);
            boolean declared = isDeclared(county);
            insert("REPORT", "COUNTY", county, region, action, declared, f, null);
            lines.add(new RegionalReport.CountyLine(county, counties.name(county), declared, f.total(), f.ready(),
                    f.fallbackBackup(), f.fallbackPaper(), f.atRisk(), f.rejected(), f.officials(),
                    f.officialsTrained()));
            int[] add = {declared ? 1 : 0, f.total(), f.ready(), f.fallbackBackup(), f.fallbackPaper(), f.atRisk(),
                    f.rejected(), f.officials(), f.officialsTrained()};
            for (int i = 0; i < sums.length; i++) {
                sums[i] += add[i];
            }
        }
        boolean allDeclared = sums[0] == lines.size();
        // The report comes either when every county has declared or when the regional deadline fires.
        boolean deadlinePassed = !allDeclared;
        insert("REPORT", "REGION", region, region, action, allDeclared,
                new CountyFigures(sums[1], 0, 0, sums[6], sums[2], sums[3], sums[4], sums[5], sums[7], sums[8]),
                deadlinePassed ? "deadline passed" : "all counties declared");
        return new RegionalReport(region, regions.name(region), regions.electionDate(region).toString(),
                deadlinePassed, allDeclared, lines);
    }

    private void insert(String kind, String level, String scope, String region, AuditAction action, boolean declared,
                        CountyFigures f, String note) {
        jdbc.update("INSERT INTO readiness_declaration (kind, level, scope_code, region_code, declared_by, declared_at,"
                        + " county_declared, stations_total, stations_ready, fallback_backup, fallback_paper,"
                        + " stations_at_risk, stations_rejected, officials_total, officials_trained, note,"
                        + " process_instance_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                kind, level, scope, region, action.actor(), Timestamp.from(clock.instant()), declared, f.total(),
                f.ready(), f.fallbackBackup(), f.fallbackPaper(), f.atRisk(), f.rejected(), f.officials(), f.officialsTrained(),
                note == null || note.isBlank() ? null : note.strip(), action.processInstanceId());
    }

    public void recordReview(String region, String comments, AuditAction action) {
        jdbc.update("UPDATE readiness_declaration SET reviewed_by = ?, reviewed_at = ?, review_note = ?"
                        + " WHERE kind = 'REPORT' AND level = 'REGION' AND scope_code = ? AND reviewed_at IS NULL",
                action.actor(), Timestamp.from(clock.instant()), comments == null || comments.isBlank() ? null
                        : comments.strip(), region);
    }

}
