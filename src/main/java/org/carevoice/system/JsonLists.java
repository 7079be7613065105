package org.carevoice.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * Lists of strings in Camunda Forms: a checklist submits a JSON array (a Spin JSON value), and
 * is pre-filled from one.
 */
public final class JsonLists {

  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonLists() {}

  /** The strings in a variable value: a JSON array (Spin, text) or a Java collection; empty when absent. */
  public static List<String> strings(Object value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof Collection<?> collection) {
      return collection.stream().map(String::valueOf).toList();
    }
    try {
      JsonNode node = JSON.readTree(value.toString());
      List<String> strings = new ArrayList<>();
      if (node != null && node.isArray()) {
        node.forEach(item -> strings.add(item.isValueNode() ? item.asText() : item.path("value").asText()));
      }
      return strings;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Expected a JSON list", e);
    }
  }

  /** A JSON variable holding the given value (a list of strings, or of {label, value} options). */
  public static TypedValue json(Object value) {
    try {
      return SpinValues.jsonValue(JSON.writeValueAsString(value)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Not serialisable as JSON", e);
    }
  }
}
