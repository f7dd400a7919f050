package khcnbench;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The benchmark's start-up yardstick (issue 20): the Camunda Spring Boot starter with its webapps
 * and REST API and nothing of the application, started in a JVM of its own on an empty database
 * by {@code vn.khcn.workflow.bench.Startups}. Outside the application's packages, so its
 * component scan never sees it; the bench passes every setting on the command line.
 */
@SpringBootApplication
public class BareCamundaStarter {

  public static void main(String[] args) {
    SpringApplication.run(BareCamundaStarter.class, args);
  }
}
