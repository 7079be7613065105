package org.carevoice.system;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP 400 with the listener's own message when a task listener refused a completion. The engine
 * REST API's task resources (complete, submit-form, resolve) wrap any engine exception in a
 * {@code RestException} with status 500 and the message "Cannot submit task form ...: ...";
 * this mapper answers instead, for that case only, in the API's usual JSON
 * ({@code {"type": ..., "message": ...}}), which Tasklist shows to the moderator. Camunda's own
 * mapper for {@code RestException} keeps every other case: a higher priority (a lower number)
 * and {@link #isMappable} make Jersey choose this one only here.
 */
@Priority(Priorities.USER - 100)
public class TaskInputExceptionMapper implements ExtendedExceptionMapper<RestException> {

  private static final Logger LOG = LoggerFactory.getLogger(TaskInputExceptionMapper.class);

  @Override
  public boolean isMappable(RestException exception) {
    return TaskInputException.in(exception).isPresent();
  }

  @Override
  public Response toResponse(RestException exception) {
    TaskInputException refusal = TaskInputException.in(exception).orElseThrow();
    // The message names a field and a limit, never what was typed: safe to log.
    LOG.debug("Task input refused: {}", refusal.getMessage());
    return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(ExceptionDto.fromException(refusal)).build();
  }
}
