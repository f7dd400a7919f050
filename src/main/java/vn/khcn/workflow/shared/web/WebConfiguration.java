package vn.khcn.workflow.shared.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.data.web.config.EnableSpringDataWebSupport;
import org.springframework.data.web.config.EnableSpringDataWebSupport.PageSerializationMode;

/**
 * Pages in JSON have one stable shape: {@code {"content": [...], "page": {"size", "number",
 * "totalElements", "totalPages"}}}.
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringDataWebSupport(pageSerializationMode = PageSerializationMode.VIA_DTO)
class WebConfiguration {}
