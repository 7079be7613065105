package org.carevoice.anonymisation;

import java.util.List;
import org.carevoice.system.PlainText;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code POST /api/v1/anonymisation/scan}: the personal identifiers in a text and the suggested
 * redacted text. Staff only (HTTP Basic) unless the demo opens it. The text is never stored or
 * logged.
 */
@RestController
@RequestMapping("/api/v1/anonymisation")
class AnonymisationController {

  static final int MAX_TEXT = 20_000;

  record ScanRequest(String text) {}

  record ScanResponse(List<Finding> findings, String redactedText) {}

  private final IdentifierScanner scanner;

  AnonymisationController(IdentifierScanner scanner) {
    this.scanner = scanner;
  }

  @PostMapping("/scan")
  ScanResponse scan(@RequestBody(required = false) ScanRequest request) {
    if (request == null || request.text() == null || request.text().isBlank()) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Send the text to scan as {\"text\": \"...\"}.");
    }
    if (request.text().length() > MAX_TEXT) {
      throw new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE,
          "The text is " + request.text().length() + " characters long; the limit is " + MAX_TEXT + ".");
    }
    ScanResult result = scanner.scan(request.text());
    return new ScanResponse(result.findings(), result.redactedText());
  }

  @ExceptionHandler(ResponseStatusException.class)
  ProblemDetail refused(ResponseStatusException e) {
    return ProblemDetail.forStatusAndDetail(e.getStatusCode(), e.getReason());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    if (e.getMostSpecificCause() instanceof PlainText.RefusedInJson) {
      return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
          "The text must not contain control characters (U+0000 to U+001F) other than tab, line feed and carriage return.");
    }
    return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "The request body is not valid JSON of the form {\"text\": \"...\"}.");
  }
}
