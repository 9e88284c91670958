package org.electionprep.integration;

import java.util.List;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The integration API's OpenAPI document. Its server is this one, as a relative URL: springdoc would otherwise write
 * the request's Host header into it, which anyone can set, and the browsable UI would send credentials there.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocs {

    @Bean
    OpenAPI electionPrepApi() {
        return new OpenAPI().info(new Info().title("Election Prep integration API").version("1"))
                .servers(List.of(new Server().url("/").description("this server")));
    }
}
