package org.carevoice.identity;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.carevoice.CarevoiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The public site's security headers, on pages and on error pages alike. */
@CarevoiceTest
class SecurityHeadersTest {

  @Autowired MockMvc mvc;

  @Test
  void publicPages_sendStrictHeaders() throws Exception {
    for (String page : new String[] {"/", "/stories", "/services", "/tell-your-story", "/no-such-page"}) {
      mvc.perform(get(page))
          .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
          .andExpect(header().string("Content-Security-Policy", containsString("style-src 'self'")))
          .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
          .andExpect(header().string("Content-Security-Policy", containsString("object-src 'none'")))
          .andExpect(header().string("X-Content-Type-Options", "nosniff"))
          .andExpect(header().string("X-Frame-Options", "DENY"))
          .andExpect(header().string("Referrer-Policy", "same-origin"))
          .andExpect(header().string("Permissions-Policy", containsString("camera=()")))
          // Plain HTTP (a local demo): no HSTS, which would lock browsers out of localhost.
          .andExpect(header().doesNotExist("Strict-Transport-Security"));
    }
  }

  @Test
  void https_addsStrictTransportSecurity() throws Exception {
    mvc.perform(get("/stories").secure(true))
        .andExpect(status().isOk())
        .andExpect(header().string("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains"));
  }
}
