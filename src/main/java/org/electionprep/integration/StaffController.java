package org.electionprep.integration;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import org.electionprep.people.PersonalDataReads;
import org.electionprep.people.StaffImport;
import org.electionprep.people.RejectedRows;
import org.electionprep.people.StaffRoster;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The stations' staff over /api: the import of a staff file by a county's or province's system (or an administrator),
 * and the staff of the counties (a district head: the districts) the caller reads. National codes and mobile numbers
 * show in full only to the county's governor and trainers, the province's elections directorate and administrators;
 * everyone else sees them masked.
 */
@RestController
@RequestMapping("/api/staff")
public class StaffController {

    /** A few megabytes hold a large county's staff; a country's comes county by county or in parts. */
    static final int MAX_BYTES = 16 * 1024 * 1024;
    static final List<String> COLUMNS = List.of("national_code", "first_name", "last_name", "mobile", "role",
            "station", "district");
    private static final SmallFile FORMAT = new SmallFile(COLUMNS,
            Set.of("national_code", "first_name", "last_name", "role"), "staff");

    private final StaffImport imports;
    private final StaffRoster roster;
    private final ApiCaller caller;
    private final PersonalDataReads audit;

    public StaffController(StaffImport imports, StaffRoster roster, ApiCaller caller, PersonalDataReads audit) {
        this.imports = imports;
        this.roster = roster;
        this.caller = caller;
        this.audit = audit;
    }

    @Operation(summary = "Import station staff (CSV with a header line national_code,first_name,last_name,mobile,role,"
            + "station,district, or a JSON array): roles head, secretary, authentication-operator, ballot-box-operator"
            + " at a station, reserve in a district; a person staffs one station; all or nothing")
    @PostMapping(path = "/import", consumes = {StationsController.CSV, MediaType.APPLICATION_JSON_VALUE},
            produces = MediaType.APPLICATION_JSON_VALUE)
    public StaffImport.Result importStaff(HttpServletRequest request) throws IOException {
        List<StaffImport.Row> rows = FORMAT.read(SmallFile.body(request.getInputStream(), MAX_BYTES, "staff"),
                SmallFile.isCsv(request)).stream().map(row -> new StaffImport.Row(row.line(), row.get("national_code"),
                row.get("first_name"), row.get("last_name"), row.get("mobile"), row.get("role"), row.get("station"),
                row.get("district"))).toList();
        try {
            return imports.importRows(rows, caller::mayImport);
        } catch (DataIntegrityViolationException e) {
            throw new ApiProblem(HttpStatus.CONFLICT, "concurrent-change", "Changed meanwhile", "Another staff import"
                    + " changed the roster while this one was checked; nothing was imported, send it again");
        } catch (RejectedRows rejected) {
            throw SmallFile.invalidRows(rejected.problems().stream()
                    .map(p -> new ApiProblem.RowError(p.line(), null, p.field(), p.reason())).toList());
        }
    }

    @Operation(summary = "The staff of the counties the caller reads (a district head: their districts), filtered by"
            + " county, district, station and certified; national codes and mobiles masked unless the caller is the"
            + " county's governor or trainer, the province's elections directorate or an administrator")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public List<StaffMember> list(@RequestParam(required = false) String county,
                                  @RequestParam(required = false) String district,
                                  @RequestParam(required = false) String station,
                                  @RequestParam(required = false) Boolean certified) {
        if (county != null && !caller.mayRead(county)) {
            throw ApiProblem.forbidden("Not a county of yours: " + county);
        }
        ApiCaller.StationScope scope = caller.stationScope();
        List<String> counties = county != null ? List.of(county) : caller.isAdmin() ? null : caller.tenants();
        List<StaffRoster.Member> members = roster.list(new StaffRoster.Filter(counties, district, station,
                certified)).stream().filter(m -> scope.covers(m.countyCode(), m.districtCode())).toList();
        return StaffMember.shown(members, caller::maySeePersonalData, caller.user(), "GET /api/staff", audit);
    }
}
