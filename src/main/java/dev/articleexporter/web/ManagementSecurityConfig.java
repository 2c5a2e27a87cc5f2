package dev.articleexporter.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * {@code serve --management-port}: health and Prometheus metrics on a port of their own,
 * without login, as a worker's management port ({@link MetricsServer}): they are
 * read-only and hold no secrets, and probes and Prometheus seldom log in. Boot's
 * management server takes the security filter of the server's context, so this chain
 * comes before {@link WebSecurityConfig}'s; {@link EndpointRequest} matches only requests
 * that arrive on the management port, so the main port keeps its login (and has no
 * endpoints then).
 */
@Configuration
@ConditionalOnWebApplication
@ConditionalOnProperty("management.server.port")
public class ManagementSecurityConfig {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain managementSecurity(HttpSecurity http) {
        return http.securityMatcher(EndpointRequest.toAnyEndpoint())
            .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
            .csrf(csrf -> csrf.disable())
            .requestCache(cache -> cache.disable())
            .sessionManagement(sessions -> sessions.disable())
            .build();
    }

}
