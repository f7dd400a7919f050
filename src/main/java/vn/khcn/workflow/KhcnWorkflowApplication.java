package vn.khcn.workflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** khcn-workflow: document workflows of a city Department of Science and Technology on Camunda 7. */
@SpringBootApplication
public class KhcnWorkflowApplication {

  public static void main(String[] args) {
    SpringApplication.run(KhcnWorkflowApplication.class, args);
  }
}
