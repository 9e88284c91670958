package org.electionprep.identity;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Before anything else: sign-in throttled by source and login forms read a few at a time ({@link LoginThrottle}), and
 * webapp writes without their CSRF token refused without signing the official out ({@link CsrfRefusalKeepsSession}).
 */
@Configuration(proxyBeanMethods = false)
public class SignInProtection {

    @Bean
    FilterRegistrationBean<LoginThrottle> loginThrottle(
            @Value("${election-prep.sign-in.max-failures:20}") int maxFailures,
            @Value("${election-prep.sign-in.window:15m}") Duration window,
            @Value("${election-prep.sign-in.in-flight-per-source:4}") int inFlightPerSource,
            @Value("${election-prep.sign-in.in-flight:32}") int inFlight,
            Clock clock) {
        FilterRegistrationBean<LoginThrottle> registration = new FilterRegistrationBean<>(
                new LoginThrottle(maxFailures, window, inFlightPerSource, inFlight, clock));
        registration.setName("login-throttle");
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<CsrfRefusalKeepsSession> csrfRefusalKeepsSession() {
        FilterRegistrationBean<CsrfRefusalKeepsSession> registration =
                new FilterRegistrationBean<>(new CsrfRefusalKeepsSession());
        registration.setName("csrf-refusal-keeps-session");
        registration.addUrlPatterns("/camunda/api/*", "/camunda/app/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }
}
