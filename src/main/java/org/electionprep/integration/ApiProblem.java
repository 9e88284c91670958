package org.electionprep.integration;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A refusal of the integration API, answered as application/problem+json: a stable type (a slug under
 * {@link #TYPE_BASE}), a readable title, a detail a client can act on, and for imports every bad row.
 */
public class ApiProblem extends RuntimeException {

    public static final String TYPE_BASE = "https://electionprep.org/problems/";

    /** One bad value of an import: its line in the file, the station code if known, the field and why. */
    public record RowError(long line, String code, String field, String reason) {
    }

    private final HttpStatus status;
    private final String type;
    private final String title;
    private final transient List<RowError> errors;
    private final long errorCount;

    public ApiProblem(HttpStatus status, String type, String title, String detail) {
        this(status, type, title, detail, List.of(), 0);
    }

    public ApiProblem(HttpStatus status, String type, String title, String detail, List<RowError> errors,
                      long errorCount) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.errorCount = errorCount;
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<RowError> errors() {
        return errors;
    }

    public long errorCount() {
        return errorCount;
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", "Not allowed", detail);
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", detail);
    }

    public static ApiProblem badRequest(String type, String title, String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, type, title, detail);
    }
}
