package org.carevoice.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The repository's models as a process owner or a developer would change them in Camunda Modeler. */
final class ChangedModels {

  static final String RESPONSE_DUE = "processes/response-due.dmn";
  private static final String ROUTINE_DUE = "<outputEntry id=\"outputEntry_others_due\"><text>5</text></outputEntry>";

  private ChangedModels() {}

  static String text(String path) {
    try (InputStream in = new ClassPathResource(path).getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** processes/response-due.dmn with the routine response due in {@code days} working days instead of 5. */
  static String responseDueWithRoutineDays(int days) {
    String original = text(RESPONSE_DUE);
    if (!original.contains(ROUTINE_DUE)) {
      throw new IllegalStateException("response-due.dmn no longer has the routine rule this test changes");
    }
    return original.replace(ROUTINE_DUE, ROUTINE_DUE.replace("<text>5</text>", "<text>" + days + "</text>"));
  }

  /** A class path where one model's file has other content, as after a developer's commit. */
  static PathMatchingResourcePatternResolver withChangedFile(String path, String content) {
    String fileName = path.substring(path.lastIndexOf('/') + 1);
    return new PathMatchingResourcePatternResolver(ChangedModels.class.getClassLoader()) {
      @Override
      public Resource[] getResources(String locationPattern) throws IOException {
        return Arrays.stream(super.getResources(locationPattern))
            .map(resource -> fileName.equals(resource.getFilename()) ? changed(fileName, content) : resource)
            .toArray(Resource[]::new);
      }
    };
  }

  private static Resource changed(String fileName, String content) {
    return new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return fileName;
      }
    };
  }
}
