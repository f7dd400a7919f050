package vn.khcn.workflow.models;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where the models admins change live: {@code khcn.processes.path} (default {@code processes}). */
@ConfigurationProperties(prefix = "khcn.processes")
record ProcessModelProperties(String path) {

  ProcessModelProperties {
    if (path == null || path.isBlank()) {
      path = "processes";
    }
  }
}
