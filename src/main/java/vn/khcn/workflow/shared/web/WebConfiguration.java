package vn.khcn.workflow.shared.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.data.web.config.EnableSpringDataWebSupport;
import org.springframework.data.web.config.EnableSpringDataWebSupport.PageSerializationMode;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Pages in JSON have one stable shape: {@code {"content": [...], "page": {"size", "number",
 * "totalElements", "totalPages"}}}. Page numbers of the /api lists are bounded
 * ({@link PageBoundsInterceptor}).
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringDataWebSupport(pageSerializationMode = PageSerializationMode.VIA_DTO)
class WebConfiguration implements WebMvcConfigurer {

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new PageBoundsInterceptor()).addPathPatterns("/api/**");
  }
}
