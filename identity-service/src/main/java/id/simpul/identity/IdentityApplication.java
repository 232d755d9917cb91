package id.simpul.identity;

import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** identity-service: the embedded OpenID Connect provider of Simpul (users, roles, region scopes, clients, keys). */
@SpringBootApplication
@ConfigurationPropertiesScan
// The API takes the access tokens this service issues (authorization code + PKCE, or client credentials).
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class IdentityApplication {

    public static void main(String[] args) {
        SpringApplication.run(IdentityApplication.class, args);
    }
}
