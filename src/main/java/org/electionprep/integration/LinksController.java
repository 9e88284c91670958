package org.electionprep.integration;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.electionprep.connectivity.LinkRepairs;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Telecom providers report repaired links here instead of waiting for county IT to close the fix task. */
@RestController
@RequestMapping("/api/links")
@Tag(name = "links", description = "Repairs reported by telecom providers")
public class LinksController {

    static final Set<String> FIELDS = Set.of("repairedAt", "action", "reference");
    static final java.time.Duration REPAIR_CLOCK_SKEW = java.time.Duration.ofMinutes(10);
    static final java.time.Duration REPAIR_AGE = java.time.Duration.ofDays(365);

    private final LinkRepairs repairs;
    private final ApiCaller caller;

    public LinksController(LinkRepairs repairs, ApiCaller caller) {
        this.repairs = repairs;
        this.caller = caller;
    }

    @Operation(summary = "Report a link repaired: recorded once per reference; the waiting station is checked at once")
    @PostMapping(path = "/{circuitId}/repairs", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<LinkRepairs.Answer> repaired(@PathVariable String circuitId,
                                                       @RequestBody Map<String, Object> body) {
        LinkRepairs.Circuit circuit = repairs.circuit(circuitId)
                .orElseThrow(() -> ApiProblem.notFound("No link with circuit id '" + circuitId + "'"));
        String county = circuit.county();
        if (!caller.isIntegration() || !caller.mayImport(county)) {
            throw ApiProblem.forbidden("This account may not report repairs of county '" + county + "'");
        }
        LinkRepairs.Report report = report(body);
        LinkRepairs.Answer answer;
        try {
            answer = repairs.report(circuit, report, caller.user());
        } catch (DataIntegrityViolationException e) {
            // The same callback twice at once: the other one recorded it.
            answer = repairs.recorded(circuitId, report.reference()).orElseThrow(() -> e);
        }
        return ResponseEntity.status(answer.duplicate() ? HttpStatus.OK : HttpStatus.ACCEPTED).body(answer);
    }

    private static LinkRepairs.Report report(Map<String, Object> body) {
        for (String field : body.keySet()) {
            if (!FIELDS.contains(field)) {
                throw invalid("Unknown field '" + field + "'; the fields are " + FIELDS);
            }
        }
        String action = text(body, "action", 1000);
        String reference = text(body, "reference", 100);
        Instant repairedAt = Instant.now();
        Object when = body.get("repairedAt");
        if (when != null) {
            if (!(when instanceof String s)) {
                throw invalid("repairedAt must be an ISO-8601 instant, e.g. 2026-11-28T08:30:00Z");
            }
            try {
                repairedAt = Instant.parse(s);
            } catch (DateTimeParseException e) {
                throw invalid("repairedAt '" + s + "' is not an ISO-8601 instant, e.g. 2026-11-28T08:30:00Z");
            }
            Instant now = Instant.now();
            // A clock a little ahead is forgiven; a repair in the future or over a year ago is a typing error.
            if (repairedAt.isAfter(now.plus(REPAIR_CLOCK_SKEW)) || repairedAt.isBefore(now.minus(REPAIR_AGE))) {
                throw invalid("repairedAt '" + s + "' must lie within the past year and not in the future");
            }
        }
        return new LinkRepairs.Report(repairedAt, action, reference);
    }

    private static String text(Map<String, Object> body, String field, int max) {
        Object value = body.get(field);
        if (!(value instanceof String s) || s.isBlank()) {
            throw invalid("'" + field + "' is required (text)");
        }
        if (s.length() > max) {
            throw invalid("'" + field + "' is longer than " + max + " characters");
        }
        return s.strip();
    }

    private static ApiProblem invalid(String detail) {
        return ApiProblem.badRequest("invalid-repair", "Invalid repair report", detail);
    }
}
