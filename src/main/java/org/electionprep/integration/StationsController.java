package org.electionprep.integration;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.electionprep.engine.Messages;
import org.electionprep.people.PersonalDataReads;
import org.electionprep.people.StaffRoster;
import org.electionprep.shared.process.StationReadiness;
import org.electionprep.station.StationQueries;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The station registry for other systems: import, query and export, each scoped to the caller's counties. */
@RestController
@RequestMapping("/api/stations")
@Tag(name = "stations", description = "Import, query and export the station registry")
public class StationsController {

    static final String CSV = "text/csv";
    static final Charset WINDOWS_1256 = Charset.forName("windows-1256");

    private final StationQueries queries;
    private final StationImport imports;
    private final ApiCaller caller;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final long maxImportBytes;
    private final ImportSlots slots;

    private final StaffRoster staff;
    private final PersonalDataReads personalDataReads;

    public StationsController(StationQueries queries, StationImport imports, ApiCaller caller, RuntimeService runtime,
                              IdentityService identity, @Value("${election-prep.api.max-import-bytes:67108864}") long maxImportBytes,
                              ImportSlots slots, StaffRoster staff,
                              PersonalDataReads personalDataReads) {
        this.slots = slots;
        this.staff = staff;
        this.personalDataReads = personalDataReads;
        this.queries = queries;
        this.imports = imports;
        this.caller = caller;
        this.runtime = runtime;
        this.identity = identity;
        this.maxImportBytes = maxImportBytes;
    }

    @Operation(summary = "Import stations (CSV with a header line, or a JSON array), all or nothing, upsert by code")
    @PostMapping(path = "/import", consumes = {CSV, MediaType.APPLICATION_JSON_VALUE},
            produces = MediaType.APPLICATION_JSON_VALUE)
    public StationImport.Result importStations(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (!caller.isIntegration()) {
            throw ApiProblem.forbidden("Only integration accounts import stations");
        }
        if (!slots.tryTake()) {
            response.setHeader("Retry-After", "30");
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "imports-busy", "Imports busy",
                    "Other station files are being imported on this node; send this one again in a little while");
        }
        try {
            return readAndImport(request);
        } finally {
            slots.give();
        }
    }

    private StationImport.Result readAndImport(HttpServletRequest request) throws IOException {
        MediaType type = MediaType.parseMediaType(request.getContentType());
        Charset declared = type.getCharset();
        if (declared != null && !StandardCharsets.UTF_8.equals(declared) && !WINDOWS_1256.equals(declared)) {
            throw new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-charset", "Unsupported charset",
                    "Station files are read as UTF-8 (or Windows-1256 when declared so); this one says " + declared
                            + ". Save it as UTF-8");
        }
        ImportFile.Format format = type.getSubtype().toLowerCase(Locale.ROOT).equals("csv")
                ? ImportFile.Format.CSV : ImportFile.Format.JSON;
        Path upload = Files.createTempFile("station-import-", format == ImportFile.Format.CSV ? ".csv" : ".json");
        try {
            long size = WINDOWS_1256.equals(declared) ? transcode(request.getInputStream(), upload)
                    : copy(request.getInputStream(), upload);
            if (size == 0) {
                throw ImportFile.empty();
            }
            return imports.importFile(upload, format, caller);
        } finally {
            Files.deleteIfExists(upload);
        }
    }

    @Operation(summary = "A page of stations, filtered by county, district, status and at-risk")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> list(@RequestParam(required = false) String county,
                                    @RequestParam(required = false) String district,
                                    @RequestParam(required = false) String status,
                                    @RequestParam(required = false) Boolean atRisk,
                                    @RequestParam(defaultValue = "0") int page,
                                    @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > 1000) {
            throw ApiProblem.badRequest("invalid-parameter", "Invalid parameter",
                    "page must be 0 or more and size between 1 and 1000");
        }
        StationQueries.Filter filter = filter(county, district, status, atRisk);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("page", page);
        body.put("size", size);
        body.put("total", queries.count(filter));
        body.put("items", queries.page(filter, page, size));
        return body;
    }

    @Operation(summary = "The stations as CSV in exactly the import format (re-importing it changes nothing)")
    @GetMapping(produces = CSV)
    public void export(@RequestParam(required = false) String county, @RequestParam(required = false) String district,
                       @RequestParam(required = false) String status, @RequestParam(required = false) Boolean atRisk,
                       HttpServletResponse response) throws IOException {
        StationQueries.Filter filter = filter(county, district, status, atRisk);
        response.setContentType(CSV + ";charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"stations.csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader(StationColumns.COLUMNS.toArray(String[]::new)).get());
        queries.each(filter, row -> {
            try {
                csv.printRecord(StationColumns.COLUMNS.stream().map(column -> SpreadsheetCells.neutral(row.get(column)))
                        .toList());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        csv.flush();
    }

    @Operation(summary = "One station with its links, latest link tests, the process's current step, its staff (national"
            + " codes and mobiles masked unless the caller may see them) and, for auditors, its timeline")
    @GetMapping(path = "/{code}", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> one(@PathVariable String code) {
        Map<String, Object> station = queries.find(code)
                .orElseThrow(() -> ApiProblem.notFound("No station with code '" + code + "'"));
        if (!caller.stationScope().covers((String) station.get("county"), (String) station.get("district"))) {
            throw ApiProblem.forbidden("Station '" + code + "' belongs to a county or district this account may not"
                    + " read");
        }
        String stationCode = (String) station.get("code");
        Map<String, Object> body = new LinkedHashMap<>(station);
        body.put("links", queries.links(stationCode));
        body.put("linkTests", queries.tests(stationCode, 20));
        if (caller.mayAudit((String) station.get("county"))) {
            body.put("timeline", queries.timeline(stationCode));
        }
        body.put("currentSteps", currentSteps(stationCode));
        body.put("staff", StaffMember.shown(staff.list(new StaffRoster.Filter(null, null, stationCode, null)),
                caller::maySeePersonalData, caller.user(), "GET /api/stations/" + stationCode, personalDataReads));
        return body;
    }

    private List<String> currentSteps(String code) {
        return Messages.asApp(identity, () -> {
            ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey(StationReadiness.KEY)
                    .processInstanceBusinessKey(code).singleResult();
            return instance == null ? List.<String>of() : runtime.getActiveActivityIds(instance.getId());
        });
    }

    private StationQueries.Filter filter(String county, String district, String status, Boolean atRisk) {
        ApiCaller.StationScope scope = caller.stationScope();
        List<String> counties = scope.counties();
        List<String> headed = scope.districts();
        if (county != null) {
            if (!caller.mayRead(county)) {
                throw ApiProblem.forbidden("This account may not read the stations of county '" + county + "'");
            }
            counties = counties == null || counties.contains(county) ? List.of(county) : List.of();
            headed = scope.districtsIn(county);
        }
        return new StationQueries.Filter(counties, headed, district,
                status == null ? null : status.toUpperCase(Locale.ROOT), atRisk);
    }

    /** Copies the upload to disk, refusing it once it passes the limit. */
    private long copy(InputStream in, Path target) throws IOException {
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(target)) {
            int n;
            while ((n = in.read(buffer)) != -1) {
                total += n;
                if (total > maxImportBytes) {
                    // Read on (to twice the limit) and drop it: an unread body would close the connection under a
                    // client still sending, which would then see a reset instead of this answer.
                    while (total <= 2 * maxImportBytes && (n = in.read(buffer)) != -1) {
                        total += n;
                    }
                    throw new ApiProblem(HttpStatus.PAYLOAD_TOO_LARGE, "file-too-large", "File too large",
                            "An import may be at most " + maxImportBytes + " bytes; split the file by county");
                }
                out.write(buffer, 0, n);
            }
        }
        return total;
    }

    /** A file declared as Windows-1256 (Persian Excel's "CSV"), stored as UTF-8 for the import to read. */
    private long transcode(InputStream in, Path target) throws IOException {
        Path raw = Files.createTempFile("station-import-1256-", ".csv");
        try {
            long size = copy(in, raw);
            // Every byte is a character in Windows-1256: a file declared so is read as such, whatever it holds.
            try (Reader reader = new InputStreamReader(Files.newInputStream(raw), WINDOWS_1256);
                 Writer out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
                reader.transferTo(out);
            }
            return size;
        } finally {
            Files.deleteIfExists(raw);
        }
    }
}
