package org.electionprep.integration;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.swagger.v3.oas.annotations.Operation;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.electionprep.division.CountyRegistry;
import org.electionprep.division.Districts;
import org.electionprep.division.DivisionImport;
import org.electionprep.division.Provinces;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The country's divisions over /api: the tree of provinces, counties and districts, and the import of a divisions
 * file by an administrator. Officials read the part of the tree their counties are in.
 */
@RestController
@RequestMapping("/api/divisions")
public class DivisionsController {

    /** A country's divisions (about 1,600 rows) need a few hundred kilobytes. */
    static final int MAX_BYTES = 2 * 1024 * 1024;

    /** A county of the tree with its districts. */
    public record County(String code, String name, List<District> districts) {
    }

    /** A district of the tree. */
    public record District(String code, String name) {
    }

    /** A province of the tree with its counties. */
    public record Province(String code, String name, List<County> counties) {
    }

    private final DivisionImport imports;
    private final CountyRegistry counties;
    private final Districts districts;
    private final Provinces provinces;
    private final ApiCaller caller;

    public DivisionsController(DivisionImport imports, Provinces provinces, CountyRegistry counties,
                               Districts districts, ApiCaller caller) {
        this.imports = imports;
        this.provinces = provinces;
        this.counties = counties;
        this.districts = districts;
        this.caller = caller;
    }

    @Operation(summary = "Import divisions (CSV with a header line level,code,name,parent, or a JSON array):"
            + " provinces, counties and districts added or renamed, districts moved, all or nothing; a new province or"
            + " county gets its tenant, groups, grants, filters and models at once")
    @PostMapping(path = "/import", consumes = {StationsController.CSV, MediaType.APPLICATION_JSON_VALUE},
            produces = MediaType.APPLICATION_JSON_VALUE)
    public DivisionImport.Result importDivisions(HttpServletRequest request) throws IOException {
        if (!caller.isAdmin()) {
            throw ApiProblem.forbidden("Only administrators import divisions");
        }
        boolean csv = SmallFile.isCsv(request);
        List<DivisionImport.Row> rows = DivisionFile.read(SmallFile.body(request.getInputStream(), MAX_BYTES, "divisions"), csv);
        try {
            return imports.importRows(rows);
        } catch (DataIntegrityViolationException e) {
            // Another import added the same district between this one's check and its write.
            throw new ApiProblem(HttpStatus.CONFLICT, "concurrent-change", "Changed meanwhile", "Another divisions"
                    + " import changed the registry while this one was checked; nothing was imported, send it again");
        } catch (DivisionImport.SetUpFailed failed) {
            throw new ApiProblem(HttpStatus.INTERNAL_SERVER_ERROR, "place-setup-failed", "Place set-up failed",
                    failed.getMessage());
        } catch (DivisionImport.RejectedFile rejected) {
            throw SmallFile.invalidRows(rejected.problems().stream()
                    .map(p -> new ApiProblem.RowError(p.line(), p.code(), p.field(), p.reason())).toList());
        }
    }

    @Operation(summary = "The divisions as a tree: provinces, their counties, their districts (an official: the"
            + " counties they work in)")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public List<Province> tree() {
        Map<String, List<District>> byCounty = districts.all().values().stream().collect(Collectors.groupingBy(
                Districts.District::countyCode, Collectors.mapping(d -> new District(d.code(), d.name()),
                        Collectors.toList())));
        Map<String, List<County>> visibleByProvince = new java.util.HashMap<>();
        for (CountyRegistry.County county : counties.all()) {
            if (caller.mayRead(county.code())) {
                visibleByProvince.computeIfAbsent(county.province(), p -> new ArrayList<>()).add(new County(
                        county.code(), county.name(), byCounty.getOrDefault(county.code(), List.of())));
            }
        }
        List<Province> tree = new ArrayList<>();
        for (Provinces.Province province : provinces.all().values()) {
            List<County> visible = visibleByProvince.getOrDefault(province.code(), List.of());
            if (!visible.isEmpty() || caller.mayRead(province.code())) {
                tree.add(new Province(province.code(), province.name(), visible));
            }
        }
        return tree;
    }

    @Operation(summary = "The same divisions as CSV (level,code,name,parent), which imports unchanged")
    @GetMapping(produces = StationsController.CSV)
    public void csv(HttpServletResponse response) throws IOException {
        response.setContentType(StationsController.CSV + ";charset=UTF-8");
        CSVPrinter csv = new CSVPrinter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setHeader(DivisionFile.COLUMNS.toArray(String[]::new)).get());
        for (Province province : tree()) {
            csv.printRecord(cells("province", province.code(), province.name(), ""));
            for (County county : province.counties()) {
                csv.printRecord(cells("county", county.code(), county.name(), province.code()));
            }
            for (County county : province.counties()) {
                for (District district : county.districts()) {
                    csv.printRecord(cells("district", district.code(), district.name(), county.code()));
                }
            }
        }
        csv.flush();
    }

    private static List<Object> cells(Object... values) {
        return java.util.Arrays.stream(values).map(SpreadsheetCells::neutral).toList();
    }
}
