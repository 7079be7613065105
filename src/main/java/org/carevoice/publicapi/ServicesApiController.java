package org.carevoice.publicapi;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.carevoice.publicapi.ApiJson.OrganisationNode;
import org.carevoice.publicapi.ApiJson.ServiceDetail;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/services}: the organisation tree, whose slugs the story filters take. */
@RestController
@RequestMapping("/api/v1/services")
@Tag(name = "Services", description = "Organisations, their sites and their services")
class ServicesApiController {

  private final PublicApiReader reader;
  private final ApiMessages messages;

  ServicesApiController(PublicApiReader reader, ApiMessages messages) {
    this.reader = reader;
    this.messages = messages;
  }

  @GetMapping
  @Operation(summary = "Every organisation with its sites and their services, by name")
  List<OrganisationNode> tree() {
    return reader.servicesTree();
  }

  @GetMapping("/{slug}")
  @Operation(summary = "One service with its site and organisation")
  @ApiResponse(responseCode = "200", description = "The service")
  @ApiResponse(responseCode = "404", description = "No service has this slug",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  ServiceDetail one(@Parameter(description = "The service's slug", example = "hairmyres-emergency-department")
      @PathVariable String slug) {
    return reader.service(slug).orElseThrow(() -> ApiException.notFound(messages.get("api.service.notFound", slug)));
  }
}
