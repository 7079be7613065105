package org.carevoice.system;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * What an attacker may send gets a 4xx with a plain message, never a 500 (docs/security.md,
 * "Hostile input"): malformed requests refused up front, every JSON string held to
 * {@link PlainText}, and Spring Security's firewall refusals answered like our own. The web binding
 * of our controllers is {@link RequestBinding}.
 */
@Configuration(proxyBeanMethods = false)
class HostileInputConfiguration {

  /** After the API's rate limit (so refused requests count too), before Spring Security. */
  @Bean
  FilterRegistrationBean<MalformedRequestFilter> malformedRequestFilter(BadRequests badRequests) {
    FilterRegistrationBean<MalformedRequestFilter> registration =
        new FilterRegistrationBean<>(new MalformedRequestFilter(badRequests));
    registration.setName("carevoice-malformed-request");
    registration.addUrlPatterns("/*");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 5);
    return registration;
  }

  /** The firewall's refusals ("//", "..", an encoded "/" or "%", control characters in names): 400 in our style. */
  @Bean
  RequestRejectedHandler requestRejectedHandler(BadRequests badRequests) {
    return (request, response, rejected) ->
        badRequests.refuse(request, response, HttpStatus.BAD_REQUEST, "api.request.rejected");
  }

  /** Every JSON string read by Spring's ObjectMapper (the API's bodies) follows {@link PlainText}. */
  @Bean
  Module plainTextJsonStrings() {
    SimpleModule module = new SimpleModule("carevoice-plain-text");
    module.addDeserializer(String.class, new PlainStringDeserializer());
    return module;
  }

  private static final class PlainStringDeserializer extends StdScalarDeserializer<String> {

    private static final long serialVersionUID = 1L;

    PlainStringDeserializer() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      String value = StringDeserializer.instance.deserialize(parser, context);
      if (!PlainText.isPlain(value)) {
        throw new PlainText.RefusedInJson(parser);
      }
      return value;
    }
  }
}
