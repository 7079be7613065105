package org.carevoice.publicapi;

import java.util.List;
import org.springframework.http.HttpStatus;

/** A request the API refuses, with a plain explanation for the client ({@code detail}). */
class ApiException extends RuntimeException {

  private final HttpStatus status;
  private final String detail;
  private final List<ApiJson.FieldProblem> errors;

  ApiException(HttpStatus status, String detail) {
    this(status, detail, List.of());
  }

  ApiException(HttpStatus status, String detail, List<ApiJson.FieldProblem> errors) {
    super(status.value() + " " + status.getReasonPhrase());
    this.status = status;
    this.detail = detail;
    this.errors = List.copyOf(errors);
  }

  static ApiException badRequest(String detail) {
    return new ApiException(HttpStatus.BAD_REQUEST, detail);
  }

  static ApiException notFound(String detail) {
    return new ApiException(HttpStatus.NOT_FOUND, detail);
  }

  HttpStatus status() {
    return status;
  }

  String detail() {
    return detail;
  }

  List<ApiJson.FieldProblem> errors() {
    return errors;
  }
}
