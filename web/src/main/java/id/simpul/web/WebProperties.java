package id.simpul.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;

/**
 * Where the services are ({@code simpul.web.*}): the web service calls them, and routes the browser's API calls to
 * them, with the signed-in user's token.
 *
 * @param registry  registry-service (regions, KIMs, imports)
 * @param training  training-service (programmes, partners, trainings, enrolments, outputs)
 * @param reporting reporting-service (the dashboard's figures, its live stream, exports)
 * @param identity  identity-service (users); sign-in itself follows {@code spring.security.oauth2.client}
 */
@ConfigurationProperties("simpul.web")
public record WebProperties(@DefaultValue("http://localhost:8081") URI registry,
                            @DefaultValue("http://localhost:8082") URI training,
                            @DefaultValue("http://localhost:8084") URI reporting,
                            @DefaultValue("http://localhost:8083") URI identity) {
}
