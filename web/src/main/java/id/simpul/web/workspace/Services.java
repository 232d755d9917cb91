package id.simpul.web.workspace;

import id.simpul.web.WebProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.net.URI;
import java.time.Duration;

/** The services the pages call, each with the signed-in user's access token (refreshed when it has expired). */
@Component
public class Services {

    /** The client registration whose tokens the pages use (application.yml). */
    static final String REGISTRATION = "simpul";

    private final ServiceClient registry;
    private final ServiceClient training;
    private final ServiceClient reporting;
    private final ServiceClient identity;

    Services(WebProperties services, OAuth2AuthorizedClientManager tokens, RestClient.Builder builder) {
        OAuth2ClientHttpRequestInterceptor bearer = new OAuth2ClientHttpRequestInterceptor(tokens);
        bearer.setClientRegistrationIdResolver(request -> REGISTRATION);
        var requests = ClientHttpRequestFactoryBuilder.jdk().build(HttpClientSettings.defaults()
                .withConnectTimeout(Duration.ofSeconds(3)).withReadTimeout(Duration.ofSeconds(20)));
        this.registry = client("registry-service", services.registry(), builder, bearer, requests);
        this.training = client("training-service", services.training(), builder, bearer, requests);
        this.reporting = client("reporting-service", services.reporting(), builder, bearer, requests);
        this.identity = client("identity-service", services.identity(), builder, bearer, requests);
    }

    private static ServiceClient client(String name, URI base, RestClient.Builder builder,
                                        OAuth2ClientHttpRequestInterceptor bearer,
                                        org.springframework.http.client.ClientHttpRequestFactory requests) {
        return new ServiceClient(name, builder.clone().baseUrl(base.toString()).requestFactory(requests)
                .requestInterceptor(bearer).build());
    }

    public ServiceClient registry() {
        return registry;
    }

    public ServiceClient training() {
        return training;
    }

    public ServiceClient reporting() {
        return reporting;
    }

    public ServiceClient identity() {
        return identity;
    }
}
