package org.electionprep.identity;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * The engine REST API answers a refused process start (for example an unknown station code) with 500, because its
 * start resource wraps every engine error alike. A client sent bad input, so it gets 400 with the same message;
 * every other error keeps the engine's own answer.
 */
@Component
public class EngineRestErrors implements ResourceConfigCustomizer {

    @Override
    public void customize(org.glassfish.jersey.server.ResourceConfig config) {
        config.register(BadInputMapper.class);
    }

    @Priority(1)
    public static class BadInputMapper implements ExceptionMapper<RestException> {

        private final RestExceptionHandler engineDefault = new RestExceptionHandler();

        @Override
        public Response toResponse(RestException exception) {
            if (exception.getStatus() == Response.Status.INTERNAL_SERVER_ERROR && causedByBadInput(exception)) {
                return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(ExceptionDto.fromException(exception)).build();
            }
            return engineDefault.toResponse(exception);
        }

        private static boolean causedByBadInput(Throwable error) {
            for (Throwable t = error.getCause(); t != null; t = t.getCause()) {
                if (t instanceof FormFieldValidationException || t instanceof BadUserRequestException) {
                    return true;
                }
            }
            return false;
        }
    }
}
