package vn.khcn.workflow.notify;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;

/** Mail goes out on Spring's task executor, never on the thread of the workflow step. */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class NotificationConfiguration {}
