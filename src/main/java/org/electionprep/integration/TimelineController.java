package org.electionprep.integration;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import io.swagger.v3.oas.annotations.Operation;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.electionprep.station.StationQueries;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A station's audit trail for auditors (the province's elections directorate, the county's governor): every registry
 * change, decision and check, with who, when, from which task and process instance, and the outcome. Read-only by
 * design: no endpoint changes or deletes an audit row.
 */
@RestController
@RequestMapping("/api/stations/{code}/timeline")
public class TimelineController {

    static final List<String> COLUMNS = List.of("occurred_at", "event_type", "from_status", "to_status", "actor",
            "activity_id", "task_id", "process_instance_id", "details");

    private final StationQueries queries;
    private final ApiCaller caller;

    public TimelineController(StationQueries queries, ApiCaller caller) {
        this.queries = queries;
        this.caller = caller;
    }

    @Operation(summary = "A station's full audit timeline, oldest first")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> timeline(@PathVariable String code) {
        String station = readableStation(code);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("station", station);
        body.put("events", queries.timeline(station));
        return body;
    }

    @Operation(summary = "The same timeline as CSV, for archiving or a spreadsheet")
    @GetMapping(produces = StationsController.CSV)
    public void export(@PathVariable String code, HttpServletResponse response) throws IOException {
        String station = readableStation(code);
        List<Map<String, Object>> events = queries.timeline(station);
        response.setContentType(StationsController.CSV + ";charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"timeline-" + station + ".csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write('\uFEFF'); // spreadsheets read the file as UTF-8 (Persian text) only with the byte-order mark
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new))
                .get());
        for (Map<String, Object> event : events) {
            csv.printRecord(COLUMNS.stream().map(column -> cell(event.get(column))).toList());
        }
        csv.flush();
    }

    /**
     * Times as ISO-8601 instants, the same in every time zone an export is read in. Text that a spreadsheet would take
     * for a formula (officials' notes and references are free text) is quoted with a leading apostrophe.
     */
    static Object cell(Object value) {
        if (value instanceof java.sql.Timestamp time) {
            return time.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime time) {
            return time.toInstant();
        }
        return SpreadsheetCells.neutral(value);
    }

    private String readableStation(String code) {
        Map<String, Object> station = queries.find(code)
                .orElseThrow(() -> ApiProblem.notFound("No station with code '" + code + "'"));
        if (!caller.mayAudit((String) station.get("county"))) {
            throw ApiProblem.forbidden("Station '" + code + "''s audit trail is for the province's auditor and the"
                    + " county's governor");
        }
        return (String) station.get("code");
    }
}
