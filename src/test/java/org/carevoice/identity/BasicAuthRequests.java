package org.carevoice.identity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Requests to the test's own server on its random port, sent with HTTP Basic as a staff user
 * ("user:password"), or anonymously with {@code null}: what engine-rest and the JSON API answer
 * that user. A test class implements it and names its port.
 */
interface BasicAuthRequests {

  HttpClient HTTP = HttpClient.newHttpClient();

  int port();

  default HttpRequest.Builder get(String path) {
    return HttpRequest.newBuilder(uri(path)).GET();
  }

  default HttpRequest.Builder post(String path, String json) {
    return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
  }

  default URI uri(String path) {
    return URI.create("http://localhost:" + port() + path);
  }

  default HttpResponse<String> send(HttpRequest.Builder request, String credentials) throws Exception {
    if (credentials != null) {
      request.header("Authorization",
          "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
