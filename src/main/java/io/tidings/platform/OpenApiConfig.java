package io.tidings.platform;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The document served at /api/openapi.json: generated from the controllers, described here. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    @Bean
    OpenAPI tidingsOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Tidings API").version("v1")
                        .description("Contacts, consent, imports and messaging. Errors are RFC 9457 problem+json."))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("A token from ./tidings token create or Settings → API tokens")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
