package org.carevoice.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.carevoice.response.Response;
import org.carevoice.story.Story;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every text a person can type into a Camunda Form has the limit of the column it is saved to, so
 * that Tasklist stops a text that is too long in the browser, with the same number the server
 * checks (the entity's constant). A new text field without a limit fails here.
 */
class FormTextLimitsTest {

  /** form id -> field key -> the column's limit, as the listeners check it. */
  static final Map<String, Map<String, Integer>> LIMITS = Map.of(
      "moderate-story", Map.of("privateTitle", Story.TITLE_MAX, "privateText", Story.BODY_MAX,
          "privateMessageToAuthor", Story.MODERATOR_MESSAGE_MAX),
      "confirm-anonymisation", Map.of("privateTitle", Story.TITLE_MAX, "privateText", Story.BODY_MAX),
      "moderate-response", Map.of("privateNote", Response.MODERATOR_NOTE_MAX),
      "respond-to-story", Map.of("privateResponse", Response.BODY_MAX,
          "privateResponderName", Response.RESPONDER_NAME_MAX, "privateResponderRole", Response.RESPONDER_ROLE_MAX,
          "privateChangeDescription", Response.CHANGE_DESCRIPTION_MAX));

  @Test
  void everyEditableTextField_hasItsColumnsLimitAsMaxLength() throws Exception {
    Map<String, Map<String, Integer>> found = new LinkedHashMap<>();
    for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
      JsonNode form;
      try (InputStream in = resource.getInputStream()) {
        form = new ObjectMapper().readTree(in);
      }
      for (JsonNode component : form.path("components")) {
        String type = component.path("type").asText();
        boolean editableText = (type.equals("textfield") || type.equals("textarea"))
            && !component.path("disabled").asBoolean(false) && !component.path("readonly").asBoolean(false);
        if (editableText) {
          found.computeIfAbsent(form.path("id").asText(), id -> new LinkedHashMap<>())
              .put(component.path("key").asText(), component.path("validate").path("maxLength").asInt(-1));
        }
      }
    }
    assertThat(found).isEqualTo(LIMITS);
  }
}
