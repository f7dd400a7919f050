package vn.khcn.workflow.shared;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.khcn.workflow.shared.process.Variable;

/** The Department's clock: its time zone (khcn.time-zone) decides what "today" and 17:00 mean. */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

  @Bean
  Clock departmentClock(@Value("${khcn.time-zone:Asia/Ho_Chi_Minh}") String zone) {
    ZoneId departmentZone = ZoneId.of(zone);
    Variable.useZone(departmentZone);
    return Clock.system(departmentZone);
  }
}
