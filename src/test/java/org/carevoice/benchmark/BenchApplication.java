package org.carevoice.benchmark;

import org.carevoice.CarevoiceApplication;
import org.carevoice.organisation.OrganisationService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole application as {@code java -jar} would start it (arguments as on its command line),
 * in a JVM of its own, plus the benchmark's organisation tree written through the application's
 * own service (so that whatever the application keeps of the tree is told of it). Then it prints
 * {@value #READY} and serves until it is stopped. Started by {@link RatiosBenchmark}.
 */
public final class BenchApplication {

  static final String READY = "BENCH-APPLICATION-READY";

  private BenchApplication() {}

  public static void main(String[] args) {
    ConfigurableApplicationContext context = new SpringApplicationBuilder(CarevoiceApplication.class).run(args);
    BenchData.organisationTree(context.getBean(OrganisationService.class));
    System.out.println(READY + " pid=" + ProcessHandle.current().pid());
    System.out.flush();
  }
}
