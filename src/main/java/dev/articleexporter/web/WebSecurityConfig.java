package dev.articleexporter.web;

import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * One rule for every path, the page, {@code /files/} and the OPDS catalog alike: with a
 * user and password configured, HTTP Basic for everything (e-reader apps speak it);
 * without them the server listens on loopback only and is open, but answers only requests
 * addressed to a loopback name. Always: CSRF tokens on state-changing requests, and
 * headers that keep the page to its own scripts and styles, out of frames and unsniffed.
 */
@Configuration
@ConditionalOnWebApplication
@EnableWebSecurity
public class WebSecurityConfig {

    /**
     * No inline script or style anywhere: the page's script and stylesheet are files of
     * their own.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain serveSecurity(HttpSecurity http, ServeSettings settings,
            @Value("${server.address:127.0.0.1}") String bindAddress) {
        if (!settings.credentials() && !Loopback.isLoopbackBind(bindAddress)) {
            // ServeCommand refuses this with a clear message; this catches any other way
            // of starting the server.
            throw new IllegalStateException("listening on " + bindAddress + " needs a user and password");
        }
        if (settings.credentials()) {
            http.authorizeHttpRequests(requests -> requests.dispatcherTypeMatchers(DispatcherType.ERROR)
                .permitAll() // error pages of authenticated requests
                .anyRequest()
                .authenticated())
                // Kept in the session: a browser then pays the password hash once, not on
                // every poll.
                .httpBasic(basic -> basic.realmName("article-exporter")
                    .securityContextRepository(new HttpSessionSecurityContextRepository()));
        }
        else {
            http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
        }
        http.logout(logout -> logout.disable())
            .requestCache(cache -> cache.disable())
            .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(frames -> frames.deny())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /**
     * The configured user, or nobody (then no generated password is made up and logged).
     */
    @Bean
    UserDetailsService serveUsers(ServeSettings settings) {
        if (!settings.credentials()) {
            return new InMemoryUserDetailsManager();
        }
        String hash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(settings.password());
        return new InMemoryUserDetailsManager(
                User.withUsername(settings.user()).password(hash).roles("READER").build());
    }

    /**
     * Rejects (400) encoded slashes, dot segments, backslashes and the like in every URL;
     * and foreign hosts when open.
     */
    @Bean
    WebSecurityCustomizer serveFirewall(ServeSettings settings) {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        if (!settings.credentials()) {
            firewall.setAllowedHostnames(Loopback::isLoopbackHost);
        }
        return web -> web.httpFirewall(firewall);
    }

}
