package dev.barriersim.scenario.sparklog;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Test resources as paths. */
final class Fixtures {
  private Fixtures() {}

  static Path path(String resource) {
    try {
      return Path.of(Fixtures.class.getClassLoader().getResource(resource).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("missing test resource " + resource, e);
    }
  }
}
