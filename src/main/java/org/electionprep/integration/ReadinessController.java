package org.electionprep.integration;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.electionprep.division.CountyRegistry;
import org.electionprep.readiness.BlockingWork;
import org.electionprep.readiness.ReadinessFigures;
import org.electionprep.region.RegionService;
import org.electionprep.station.StationStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Readiness figures for reporting tools and managers: per county and district, as JSON or CSV. */
@RestController
@RequestMapping("/api/readiness")
@Tag(name = "readiness", description = "Readiness figures per county and district")
public class ReadinessController {

    private final ReadinessFigures figures;
    private final BlockingWork blocking;
    private final RegionService regions;
    private final ApiCaller caller;
    private final CountyRegistry counties;

    public ReadinessController(ReadinessFigures figures, RegionService regions, ApiCaller caller,
                               CountyRegistry counties, BlockingWork blocking) {
        this.blocking = blocking;
        this.figures = figures;
        this.regions = regions;
        this.caller = caller;
        this.counties = counties;
    }

    @Operation(summary = "Stations per stage, link and training coverage, at risk and fallbacks, per county and district")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> readiness(@RequestParam(required = false) String region,
                                         @RequestParam(required = false) String county) {
        List<ReadinessFigures.Figures> counties = visible(figures.of(counties(region, county)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("region", region);
        body.put("county", county);
        body.put("counties", counties);
        return body;
    }

    @Operation(summary = "What holds the counties back: stations whose primary link failed its last test, overdue"
            + " tasks and open incidents, each with a link to act on it (lists capped at 100, totals exact); for the"
            + " counties' governors and deputies and the province's directorates")
    @GetMapping(path = "/blocking", produces = MediaType.APPLICATION_JSON_VALUE)
    public BlockingWork.Blocking blocking(@RequestParam(required = false) String region,
                                          @RequestParam(required = false) String county) {
        List<String> counties = counties(region, county);
        for (String c : counties) {
            if (!caller.mayOversee(c)) {
                throw ApiProblem.forbidden("What holds county '" + c + "' back is for its governor and deputy and the"
                        + " province's directorates");
            }
        }
        return blocking.of(counties, caller.isProvinceManager());
    }

    @Operation(summary = "The same figures as CSV: a row per county, then a row per district")
    @GetMapping(produces = StationsController.CSV)
    public void readinessCsv(@RequestParam(required = false) String region,
                             @RequestParam(required = false) String county,
                             HttpServletResponse response) throws IOException {
        List<ReadinessFigures.Figures> counties = visible(figures.of(counties(region, county)));
        List<String> header = new ArrayList<>(List.of("level", "county", "district", "stations"));
        for (StationStatus status : StationStatus.values()) {
            header.add("status_" + status.name().toLowerCase());
        }
        header.addAll(List.of("ready", "fallback_backup", "fallback_paper", "at_risk", "rejected", "primary_link_ok",
                "backup_links", "backup_link_ok", "drills_held", "drills_passed", "officials", "officials_trained"));
        response.setContentType(StationsController.CSV + ";charset=UTF-8");
        CSVPrinter csv = new CSVPrinter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get());
        for (ReadinessFigures.Figures c : counties) {
            csv.printRecord(row("county", c).stream().map(SpreadsheetCells::neutral).toList());
            for (ReadinessFigures.Figures d : c.districts) {
                csv.printRecord(row("district", d).stream().map(SpreadsheetCells::neutral).toList());
            }
        }
        csv.flush();
    }

    private static List<Object> row(String level, ReadinessFigures.Figures f) {
        List<Object> row = new ArrayList<>(List.of(level, f.county, f.district == null ? "" : f.district, f.stations));
        row.addAll(f.byStatus.values());
        row.addAll(List.of(f.ready, f.fallbackBackup, f.fallbackPaper, f.atRisk, f.rejected, f.primaryLinkOk,
                f.backupLinks, f.backupLinkOk, f.drillsHeld, f.drillsPassed));
        row.add(f.officials == null ? "" : f.officials);
        row.add(f.officialsTrained == null ? "" : f.officialsTrained);
        return row;
    }

    /** The counties asked for that the caller may read: a county, a region's, or all of the caller's. */
    /** A district head sees, of a county where that is all they are, their districts only. */
    private List<ReadinessFigures.Figures> visible(List<ReadinessFigures.Figures> counted) {
        ApiCaller.StationScope scope = caller.stationScope();
        return counted.stream().map(f -> scope.counties() == null || scope.counties().contains(f.county) ? f
                : f.narrowedTo(scope.districtsIn(f.county))).toList();
    }

    private List<String> counties(String region, String county) {
        List<String> asked;
        if (county != null) {
            asked = List.of(county);
        } else if (region != null) {
            if (!regions.exists(region)) {
                throw ApiProblem.notFound("No region '" + region + "'");
            }
            asked = regions.counties(region);
        } else {
            asked = counties.codes().stream().filter(caller::mayRead).toList();
        }
        for (String c : asked) {
            if (!caller.mayRead(c)) {
                throw ApiProblem.forbidden("This account may not read the figures of county '" + c + "'");
            }
        }
        return asked;
    }
}
