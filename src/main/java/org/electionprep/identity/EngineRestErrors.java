package org.electionprep.identity;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * The engine REST API answers some client errors with 500, because its resources wrap engine errors alike: a refused
 * process start (an unknown station code) is bad input, so 400; a refusal raised inside a task listener (assigning a
 * task to someone who is not among its candidates) is forbidden, so 403. Every other error keeps the engine's own
 * answer, with the engine's JSON body, except the engine errors that are the client's ({@link #clientError}).
 */
@Component
public class EngineRestErrors implements ResourceConfigCustomizer {

    @Override
    public void customize(org.glassfish.jersey.server.ResourceConfig config) {
        config.register(RestErrorMapper.class);
        config.register(RefusalMapper.class);
    }

    @Priority(1)
    public static class RestErrorMapper implements ExceptionMapper<RestException> {

        private final RestExceptionHandler engineDefault = new RestExceptionHandler();

        @Override
        public Response toResponse(RestException exception) {
            Response.Status client = clientError(exception);
            if (client != null) {
                return client == Response.Status.NOT_FOUND ? unseen() : answer(client, exception);
            }
            if (causedBy(exception, AuthorizationException.class)) {
                return answer(Response.Status.FORBIDDEN, exception);
            }
            if (exception.getStatus() == Response.Status.INTERNAL_SERVER_ERROR
                    && (causedBy(exception, FormFieldValidationException.class)
                        || causedBy(exception, BadUserRequestException.class))) {
                return answer(Response.Status.BAD_REQUEST, exception);
            }
            return engineDefault.toResponse(exception);
        }
    }

    /** A refusal raised inside a task listener reaches REST wrapped in an engine error; it is still a 403. */
    @Priority(1)
    public static class RefusalMapper implements ExceptionMapper<ProcessEngineException> {

        private final ProcessEngineExceptionHandler engineDefault = new ProcessEngineExceptionHandler();

        @Override
        public Response toResponse(ProcessEngineException exception) {
            Response.Status client = clientError(exception);
            if (client != null) {
                return client == Response.Status.NOT_FOUND ? unseen() : answer(client, exception);
            }
            if (!(exception instanceof AuthorizationException) && causedBy(exception, AuthorizationException.class)) {
                return answer(Response.Status.FORBIDDEN, exception);
            }
            return engineDefault.toResponse(exception);
        }
    }

    /**
     * Engine errors that are the client's, which the engine raises as plain engine exceptions (a 500): a password the
     * policy refuses, a Java-serialised variable (the format is prohibited), a task saved with another tenant, and a
     * tenant refusal, which is answered as an unknown id (see {@link UnseenIdsNotFound}). Null for any other error.
     */
    static Response.Status clientError(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage();
            if (message.startsWith("ENGINE-13034")) {
                return Response.Status.NOT_FOUND;
            }
            if (message.equals("Password does not match policy") || message.startsWith("ENGINE-17007")
                    || message.startsWith("ENGINE-03072")) {
                return Response.Status.BAD_REQUEST;
            }
        }
        return null;
    }

    /** Another tenant's resource, named by a query parameter or a body: as if there were none, without its id. */
    static Response unseen() {
        return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON_TYPE)
                .entity("{\"type\":\"NotFound\",\"message\":\"Nothing with this id that you may see\"}").build();
    }

    static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error.getCause(); t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    static Response answer(Response.Status status, Exception exception) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(ExceptionDto.fromException(exception))
                .build();
    }
}
