package id.simpul.web.door;

import id.simpul.web.WebProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

import java.net.URI;

import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.removeRequestHeader;
import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.uri;
import static org.springframework.cloud.gateway.server.mvc.filter.TokenRelayFilterFunctions.tokenRelay;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;
import static org.springframework.cloud.gateway.server.mvc.predicate.GatewayRequestPredicates.path;

/**
 * The services' APIs under the front door's address, for the pages' scripts: each call goes on with the signed-in
 * user's access token (token relay; anonymous callers get what the service shows anyone) and without the session
 * cookie, which the services have no use for. Machines call the services directly.
 */
@Configuration(proxyBeanMethods = false)
class ServiceRoutes {

    /** training-service answers these KIM paths; the rest of {@code /api/kims} is registry-service's. */
    static final String[] TRAINING = {"/api/programmes", "/api/programmes/**", "/api/partners", "/api/partners/**",
            "/api/trainings", "/api/trainings/**", "/api/invitations/**", "/api/enrolments/**", "/api/certificates/**",
            "/api/kims/*/open-trainings", "/api/kims/*/enrolments", "/api/kims/*/certificates"};
    static final String[] REGISTRY = {"/api/regions", "/api/regions/**", "/api/kims", "/api/kims/**"};
    static final String[] REPORTING = {"/api/dashboard/**", "/api/exports/**"};
    static final String[] IDENTITY = {"/api/users", "/api/users/**"};

    @Bean
    RouterFunction<ServerResponse> serviceApis(WebProperties services) {
        return relayed("training", services.training(), TRAINING)
                .and(relayed("registry", services.registry(), REGISTRY))
                .and(relayed("reporting", services.reporting(), REPORTING))
                .and(relayed("identity", services.identity(), IDENTITY));
    }

    private static RouterFunction<ServerResponse> relayed(String id, URI service, String... paths) {
        return route(id)
                .route(path(paths), http())
                .before(uri(service))
                .before(removeRequestHeader(HttpHeaders.COOKIE))
                .filter(tokenRelay())
                .build();
    }
}
