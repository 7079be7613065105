package org.carevoice.publicapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.carevoice.LowRateLimitsTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The API's rate limit per client address, with a capacity of 3 an hour ({@link LowRateLimitsTest}:
 * the shared context has limits too high to reach).
 */
@LowRateLimitsTest
class ApiRateLimitTest {

  @Autowired MockMvc mvc;

  @Test
  void theFourthRequestFromOneAddress_is429WithRetryAfter_otherAddressesAndPagesAreUnaffected() throws Exception {
    RequestPostProcessor reader = from("203.0.113.7");
    mvc.perform(get("/api/v1/tags").with(reader)).andExpect(status().isOk());
    mvc.perform(get("/api/v1/services").with(reader)).andExpect(status().isOk());
    mvc.perform(get("/api/v1/stories").with(reader)).andExpect(status().isOk());

    String retryAfter = mvc.perform(get("/api/v1/stories").with(reader))
        .andExpect(status().isTooManyRequests())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
        .andExpect(jsonPath("$.status").value(429))
        .andExpect(jsonPath("$.detail", startsWith("Too many requests from your address. Try again in")))
        .andReturn().getResponse().getHeader("Retry-After");
    // One request's worth of an hour shared by three: 20 minutes.
    assertThat(Long.parseLong(retryAfter)).isBetween(1_100L, 1_200L);

    // Counted before signing in: no password guessing past the limit either.
    mvc.perform(post("/api/v1/stories").with(reader).contentType(MediaType.APPLICATION_JSON).content("{}"))
        .andExpect(status().isTooManyRequests());

    mvc.perform(get("/api/v1/tags").with(from("198.51.100.20"))).andExpect(status().isOk());
    mvc.perform(get("/v3/api-docs").with(reader)).andExpect(status().isOk());
    mvc.perform(get("/stories").with(reader)).andExpect(status().isOk());
  }

  private static RequestPostProcessor from(String address) {
    return request -> {
      request.setRemoteAddr(address);
      return request;
    };
  }
}
