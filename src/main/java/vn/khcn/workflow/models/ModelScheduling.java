package vn.khcn.workflow.models;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on Spring's scheduler for the processes/ watcher. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ModelScheduling {}
