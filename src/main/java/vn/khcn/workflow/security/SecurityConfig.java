package vn.khcn.workflow.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Three filter chains. {@code apiSecurityFilterChain}: /engine-rest/**, /api/** and /actuator/**,
 * HTTP Basic against Camunda's users (no CSRF) or the browser session of the one login (CSRF
 * token required for writes), JSON 401/403, the engine authentication set per request;
 * /actuator/health public. {@code pageSecurityFilterChain}: our pages, whose /login also logs
 * the person into the webapps (one session, see {@link SharedSession}).
 * {@code webappSecurityFilterChain}: everything else is left to the Camunda webapps' own session
 * login and CSRF protection, except
 * the setup endpoint /camunda/api/admin/setup/** which is closed (CVE-2026-77226).
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfig {

  static final String SETUP_PATH = "/camunda/api/admin/setup/**";

  /**
   * Our Thymeleaf pages load only their own style sheet and static scripts (/js): no inline script
   * or style, no frames, forms posted only back to us. The Camunda webapps keep their own policy.
   */
  static final String PAGE_CSP = "default-src 'none'; style-src 'self'; img-src 'self';"
      + " script-src 'self';"
      + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
  /** The registration page alone also calls back to us from its script (intake's "Đọc từ tệp"). */
  static final String REGISTRATION_PATH = "/documents/new";
  static final String REGISTRATION_CSP = PAGE_CSP + "; connect-src 'self'";
  static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(),"
      + " payment=(), usb=(), interest-cohort=()";

  @Bean
  @Order(1)
  SecurityFilterChain apiSecurityFilterChain(HttpSecurity http,
      CamundaAuthenticationProvider authenticationProvider, SecurityErrorResponses errors,
      IdentityService identityService) throws Exception {
    // explicit path matchers: /engine-rest is a Jersey servlet, not Spring MVC
    http.securityMatcher(new OrRequestMatcher(
            path("/engine-rest/**"), path("/api/**"), path("/actuator/**")))
        .authorizeHttpRequests(authorize -> authorize
            .requestMatchers(path("/actuator/health"), path("/actuator/health/**")).permitAll()
            .requestMatchers(path("/actuator/**")).hasAuthority("camunda-admin")
            .anyRequest().authenticated())
        // this provider only, no parent manager: a failed login is checked and counted once
        .authenticationManager(new ProviderManager(authenticationProvider))
        // Basic requests carry their credentials; the others may use the session of the one login
        .securityContext(context -> context.securityContextRepository(
            new ApiSecurityContextRepository()))
        .addFilterBefore(new CamundaSessionBridgeFilter(identityService),
            AnonymousAuthenticationFilter.class)
        .httpBasic(basic -> basic.realmName(SecurityErrorResponses.REALM)
            .authenticationEntryPoint(errors))
        .exceptionHandling(exceptions -> exceptions
            .authenticationEntryPoint(errors)
            .accessDeniedHandler(errors))
        .sessionManagement(session -> session
            .sessionCreationPolicy(SessionCreationPolicy.NEVER))
        .requestCache(cache -> cache.disable())
        .csrf(csrf -> csrf.requireCsrfProtectionMatcher(
            ApiSecurityContextRepository::needsCsrfToken))
        .formLogin(form -> form.disable())
        .logout(logout -> logout.disable())
        .addFilterAfter(new EngineAuthenticationFilter(identityService), AuthorizationFilter.class);
    return http.build();
  }

  /**
   * Our own pages (the directors' inbox, the administrators' model page): session login with a
   * Vietnamese form against Camunda's users, CSRF protection, the engine authentication set per
   * request like the API.
   */
  @Bean
  @Order(2)
  SecurityFilterChain pageSecurityFilterChain(HttpSecurity http,
      CamundaAuthenticationProvider authenticationProvider, IdentityService identityService,
      ProcessEngine processEngine) throws Exception {
    http.securityMatcher(new OrRequestMatcher(path("/"), path("/login"), path("/logout"),
            path("/inbox"), path("/inbox/**"), path("/admin/**"), path("/css/**"),
            path("/documents"), path("/documents/**"), path("/reports/**"), path("/tasks/**"),
            path("/js/**"), path("/portal"), path("/portal/**"), path("/council"),
            path("/council/**"), path("/substitutions"), path("/substitutions/**"),
            path("/drafts"), path("/drafts/**"), path("/files"), path("/files/**")))
        .authorizeHttpRequests(authorize -> authorize
            .requestMatchers(path("/login"), path("/css/**"), path("/js/**")).permitAll()
            .requestMatchers(path("/admin/**")).hasAuthority("camunda-admin")
            // opinion requests on drafts (issue 19): anyone of the staff asked answers here
            .requestMatchers(path("/inbox/opinions"), path("/inbox/opinions/**"))
                .hasAnyAuthority(vn.khcn.workflow.identity.Groups.STAFF.toArray(String[]::new))
            .requestMatchers(path("/inbox"), path("/inbox/**")).hasAuthority("lanh-dao")
            // investigators' portal and council desk (issue 18); accounts by phong-qlkh
            .requestMatchers(path("/portal/accounts")).hasAuthority("phong-qlkh")
            .requestMatchers(path("/portal"), path("/portal/**")).hasAuthority("chu-nhiem")
            .requestMatchers(path("/council"), path("/council/**")).hasAuthority("hoi-dong")
            .requestMatchers(path("/documents/new"), path("/documents/*/correct"),
                path("/documents/*/recall")).hasAuthority("van-thu")
            // reports (issue 15): the research portfolio also for the Science Management Division
            .requestMatchers(path("/reports/research")).hasAnyAuthority("lanh-dao", "van-phong",
                "phong-qlkh")
            .requestMatchers(path("/reports/**")).hasAnyAuthority("lanh-dao", "van-phong")
            .requestMatchers(path("/documents"), path("/documents/**"), path("/drafts"),
                path("/drafts/**"), path("/files"), path("/files/**"))
                .hasAnyAuthority(vn.khcn.workflow.identity.Groups.STAFF.toArray(String[]::new))
            .anyRequest().authenticated())
        // this provider only, no parent manager: a failed login is checked and counted once
        .authenticationManager(new ProviderManager(authenticationProvider))
        .headers(headers -> headers
            .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(path(REGISTRATION_PATH),
                new StaticHeadersWriter("Content-Security-Policy", REGISTRATION_CSP)))
            .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                new NegatedRequestMatcher(path(REGISTRATION_PATH)),
                new StaticHeadersWriter("Content-Security-Policy", PAGE_CSP)))
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
            .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY)))
        .addFilterBefore(new CamundaSessionBridgeFilter(identityService),
            AnonymousAuthenticationFilter.class)
        .formLogin(form -> form.loginPage("/login").permitAll()
            .successHandler(SharedSession.loginSuccessHandler(processEngine))
            .failureHandler((request, response, exception) -> response.sendRedirect(
                request.getContextPath() + (exception instanceof LoginThrottledException
                    ? "/login?throttled" : "/login?error"))))
        .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
        .addFilterAfter(new EngineAuthenticationFilter(identityService), AuthorizationFilter.class);
    return http.build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain webappSecurityFilterChain(HttpSecurity http, SecurityErrorResponses errors)
      throws Exception {
    // The webapps answer with their own security headers, session login and CSRF filter.
    http.authorizeHttpRequests(authorize -> authorize
            .requestMatchers(path(SETUP_PATH)).denyAll()
            .anyRequest().permitAll())
        .exceptionHandling(exceptions -> exceptions
            // anonymous callers of a closed path get 403 too, not a login challenge
            .authenticationEntryPoint((request, response, e) -> errors.handle(request, response,
                new org.springframework.security.access.AccessDeniedException(e.getMessage())))
            .accessDeniedHandler(errors))
        .requestCache(cache -> cache.disable())
        .csrf(csrf -> csrf.disable())
        .headers(headers -> headers.disable())
        .formLogin(form -> form.disable())
        .httpBasic(basic -> basic.disable())
        .logout(logout -> logout.disable());
    return http.build();
  }

  private static RequestMatcher path(String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(pattern);
  }
}
