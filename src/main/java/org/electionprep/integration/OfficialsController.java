package org.electionprep.integration;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.swagger.v3.oas.annotations.Operation;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.electionprep.people.OfficialImport;
import org.electionprep.people.OfficialRoster;
import org.electionprep.people.PersonalDataReads;
import org.electionprep.people.RejectedRows;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The officials over /api: the import of an officials file by an administrator, and the roster as JSON or as CSV that
 * imports unchanged. National codes and mobile numbers are personal data: for now only administrators read them, and
 * each read is audited.
 */
@RestController
@RequestMapping("/api/officials")
public class OfficialsController {

    /** A country's 10,000 officials need about a megabyte. */
    static final int MAX_BYTES = 8 * 1024 * 1024;
    static final List<String> COLUMNS = List.of("national_code", "first_name", "last_name", "mobile", "email", "role",
            "place", "status");
    private static final SmallFile FORMAT = new SmallFile(COLUMNS,
            Set.of("national_code", "first_name", "last_name", "role", "place"), "officials");

    /** An official as the API shows them. */
    public record Official(String nationalCode, String userId, String firstName, String lastName, String mobile,
                           String email, String role, String place, String status) {
    }

    private final OfficialImport imports;
    private final OfficialRoster roster;
    private final ApiCaller caller;
    private final PersonalDataReads audit;

    public OfficialsController(OfficialImport imports, OfficialRoster roster, ApiCaller caller,
                               PersonalDataReads audit) {
        this.imports = imports;
        this.roster = roster;
        this.caller = caller;
        this.audit = audit;
    }

    @Operation(summary = "Import officials (CSV with a header line national_code,first_name,last_name,mobile,email,"
            + "role,place,status, or a JSON array): each gets or keeps an account in the group of their role and"
            + " place, without a password; status=left takes them out of their groups; all or nothing")
    @PostMapping(path = "/import", consumes = {StationsController.CSV, MediaType.APPLICATION_JSON_VALUE},
            produces = MediaType.APPLICATION_JSON_VALUE)
    public OfficialImport.Result importOfficials(HttpServletRequest request) throws IOException {
        mustBeAdmin();
        boolean csv = SmallFile.isCsv(request);
        List<OfficialImport.Row> rows = FORMAT.read(SmallFile.body(request.getInputStream(), MAX_BYTES, "officials"), csv).stream()
                .map(row -> new OfficialImport.Row(row.line(), row.get("national_code"), row.get("first_name"),
                        row.get("last_name"), row.get("mobile"), row.get("email"), row.get("role"), row.get("place"),
                        row.get("status"))).toList();
        try {
            return imports.importRows(rows);
        } catch (DataIntegrityViolationException e) {
            throw new ApiProblem(HttpStatus.CONFLICT, "concurrent-change", "Changed meanwhile", "Another officials"
                    + " import changed the roster while this one was checked; nothing was imported, send it again");
        } catch (RejectedRows rejected) {
            throw SmallFile.invalidRows(rejected.problems().stream()
                    .map(p -> new ApiProblem.RowError(p.line(), null, p.field(), p.reason())).toList());
        }
    }

    @Operation(summary = "The officials: national code, names, mobile, email, role, place, account and status")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public List<Official> list() {
        mustBeAdmin();
        java.util.Collection<OfficialRoster.Official> all = roster.all().values();
        audit.record(caller.user(), all.stream().map(OfficialRoster.Official::nationalCode).toList(),
                "GET /api/officials");
        return all.stream().map(o -> new Official(o.nationalCode().value(), o.userId(),
                o.firstName().value(), o.lastName().value(), o.mobile() == null ? null : o.mobile().value(),
                o.email(), o.role(), o.place(), o.active() ? "active" : "left")).toList();
    }

    @Operation(summary = "The same officials as CSV, which imports unchanged")
    @GetMapping(produces = StationsController.CSV)
    public void csv(HttpServletResponse response) throws IOException {
        List<Official> officials = list();
        response.setContentType(StationsController.CSV + ";charset=UTF-8");
        CSVPrinter csv = new CSVPrinter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new)).get());
        for (Official o : officials) {
            csv.printRecord(java.util.stream.Stream.of(o.nationalCode(), o.firstName(), o.lastName(), o.mobile(),
                    o.email(), o.role(), o.place(), o.status()).map(v -> v == null ? "" : SpreadsheetCells.neutral(v))
                    .toList());
        }
        csv.flush();
    }

    private void mustBeAdmin() {
        if (!caller.isAdmin()) {
            throw ApiProblem.forbidden("Only administrators import and read the officials' roster");
        }
    }
}
