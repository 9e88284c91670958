package org.electionprep.identity;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The engine's REST API answers nothing without HTTP basic credentials of an engine user; the engine then applies
 * that user's groups, tenants and grants to every call. An id the caller may not see is answered as unknown
 * ({@link UnseenIdsNotFound}).
 */
@Configuration(proxyBeanMethods = false)
public class EngineRestSecurity {

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("engine-rest-authentication");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 20);
        return registration;
    }

    /** After the authentication: another county's ids and ids that do not exist answer alike. */
    @Bean
    FilterRegistrationBean<UnseenIdsNotFound> engineRestUnseenIds(ProcessEngine engine) {
        FilterRegistrationBean<UnseenIdsNotFound> registration = new FilterRegistrationBean<>(new UnseenIdsNotFound(engine));
        registration.setName("engine-rest-unseen-ids");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        return registration;
    }
}
