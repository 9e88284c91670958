package org.electionprep.integration;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every refusal of the integration API as problem+json, with a stable type a client can switch on. Global, because
 * a wrong content type or method is refused before any controller is chosen (the webapps and /engine-rest are not
 * Spring MVC and keep their own errors).
 */
@RestControllerAdvice
public class ApiProblems {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    @ExceptionHandler(ApiProblem.class)
    ProblemDetail problem(ApiProblem problem) {
        ProblemDetail body = of(problem.status(), problem.type(), problem.title(), problem.getMessage());
        if (!problem.errors().isEmpty()) {
            body.setProperty("errorCount", problem.errorCount());
            body.setProperty("errors", problem.errors());
        }
        return body;
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail contentType(HttpMediaTypeNotSupportedException e) {
        return of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-content-type", "Unsupported content type",
                "Content-Type " + e.getContentType() + " is not accepted here; send " + e.getSupportedMediaTypes());
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ProblemDetail accept(HttpMediaTypeNotAcceptableException e) {
        return of(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "Not acceptable",
                "This resource answers " + e.getSupportedMediaTypes());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail parameter(MethodArgumentTypeMismatchException e) {
        return of(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter",
                "Parameter '" + e.getName() + "' has an invalid value '" + e.getValue() + "'");
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return of(HttpStatus.BAD_REQUEST, "unreadable-body", "Unreadable request body",
                e.getMostSpecificCause().getMessage());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ProblemDetail method(HttpRequestMethodNotSupportedException e) {
        return of(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed", e.getMessage());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ProblemDetail noResource(NoResourceFoundException e) {
        return of(HttpStatus.NOT_FOUND, "not-found", "Not found", "No resource at /" + e.getResourcePath());
    }

    /** Anything else under /api still answers problem+json; elsewhere the error is not this API's to shape. */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e, HttpServletRequest request) throws Exception {
        if (!request.getRequestURI().startsWith("/api/")) {
            throw e;
        }
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "The request could not be completed; nothing of it was written. Try again, or report the time of the"
                        + " request to the operators");
    }

    static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create(ApiProblem.TYPE_BASE + type));
        body.setTitle(title);
        return body;
    }
}
