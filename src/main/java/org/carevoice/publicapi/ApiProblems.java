package org.carevoice.publicapi;

import org.carevoice.system.RateLimitExceededException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The API's errors as RFC 9457 problem details ({@code application/problem+json}) whose
 * {@code detail} says in plain words what to change, as the identifier-scan API does.
 */
@RestControllerAdvice(basePackageClasses = ApiProblems.class)
class ApiProblems {

  private final ApiMessages messages;

  ApiProblems(ApiMessages messages) {
    this.messages = messages;
  }

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ProblemDetail> refused(ApiException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.detail());
    if (!e.errors().isEmpty()) {
      problem.setProperty("errors", e.errors());
    }
    return ResponseEntity.status(e.status()).body(problem);
  }

  @ExceptionHandler(RateLimitExceededException.class)
  ResponseEntity<ProblemDetail> tooMany(RateLimitExceededException e) {
    return tooManyRequests(messages, e);
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ProblemDetail> notJson(HttpMediaTypeNotSupportedException e) {
    return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
        .body(ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE, messages.get("api.json.contentType")));
  }

  /** A mistyped parameter is refused by the web binding for every controller (system.RequestBinding). */
  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ProblemDetail> badParameter(Exception e) {
    return ResponseEntity.badRequest()
        .body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, messages.get("api.parameter.invalid")));
  }

  /** 429 with Retry-After, for the rate-limit filter and for the staff submission's email limit. */
  static ResponseEntity<ProblemDetail> tooManyRequests(ApiMessages messages, RateLimitExceededException e) {
    long seconds = e.retryAfterSeconds();
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
        messages.get("api.rateLimit", seconds));
    return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
        .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)).body(problem);
  }
}
