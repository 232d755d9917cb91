package id.simpul.identity.client;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

import java.time.Duration;
import java.util.Date;
import java.util.List;

/**
 * Registered OAuth2 clients in {@code clients}, one readable document each (the secret only as its hash). A machine
 * client's Simpul roles are kept with it, as the client setting {@value #ROLES_SETTING}.
 */
public class MongoRegisteredClients implements RegisteredClientRepository {

    static final String COLLECTION = "clients";
    public static final String ROLES_SETTING = "simpul.roles";

    private final MongoTemplate mongo;

    public MongoRegisteredClients(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index("clientId", Sort.Direction.ASC).unique());
    }

    /** The Simpul roles registered with a client (machine clients); empty for those acting for a person. */
    public static List<String> roles(RegisteredClient client) {
        List<String> roles = client.getClientSettings().getSetting(ROLES_SETTING);
        return roles == null ? List.of() : roles;
    }

    @Override
    public void save(RegisteredClient client) {
        Document d = new Document("_id", client.getId())
                .append("clientId", client.getClientId())
                .append("clientName", client.getClientName())
                .append("clientSecret", client.getClientSecret())
                .append("clientIdIssuedAt", client.getClientIdIssuedAt() == null ? null : Date.from(client.getClientIdIssuedAt()))
                .append("authenticationMethods", client.getClientAuthenticationMethods().stream().map(ClientAuthenticationMethod::getValue).sorted().toList())
                .append("grantTypes", client.getAuthorizationGrantTypes().stream().map(AuthorizationGrantType::getValue).sorted().toList())
                .append("redirectUris", client.getRedirectUris().stream().sorted().toList())
                .append("postLogoutRedirectUris", client.getPostLogoutRedirectUris().stream().sorted().toList())
                .append("scopes", client.getScopes().stream().sorted().toList())
                .append("requireProofKey", client.getClientSettings().isRequireProofKey())
                .append("requireConsent", client.getClientSettings().isRequireAuthorizationConsent())
                .append("roles", roles(client))
                .append("accessTokenSeconds", client.getTokenSettings().getAccessTokenTimeToLive().toSeconds())
                .append("refreshTokenSeconds", client.getTokenSettings().getRefreshTokenTimeToLive().toSeconds());
        mongo.save(d, COLLECTION);
    }

    @Override
    public RegisteredClient findById(String id) {
        return fromDocument(mongo.findById(id, Document.class, COLLECTION));
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        return fromDocument(mongo.findOne(Query.query(Criteria.where("clientId").is(clientId)), Document.class, COLLECTION));
    }

    private static RegisteredClient fromDocument(Document d) {
        if (d == null) {
            return null;
        }
        Date issued = d.getDate("clientIdIssuedAt");
        return RegisteredClient.withId(d.getString("_id"))
                .clientId(d.getString("clientId"))
                .clientName(d.getString("clientName"))
                .clientSecret(d.getString("clientSecret"))
                .clientIdIssuedAt(issued == null ? null : issued.toInstant())
                .clientAuthenticationMethods(m -> d.getList("authenticationMethods", String.class).forEach(v -> m.add(new ClientAuthenticationMethod(v))))
                .authorizationGrantTypes(g -> d.getList("grantTypes", String.class).forEach(v -> g.add(new AuthorizationGrantType(v))))
                .redirectUris(u -> u.addAll(d.getList("redirectUris", String.class)))
                .postLogoutRedirectUris(u -> u.addAll(d.getList("postLogoutRedirectUris", String.class)))
                .scopes(s -> s.addAll(d.getList("scopes", String.class)))
                .clientSettings(ClientSettings.builder()
                        .requireProofKey(d.getBoolean("requireProofKey", true))
                        .requireAuthorizationConsent(d.getBoolean("requireConsent", false))
                        .setting(ROLES_SETTING, List.copyOf(d.getList("roles", String.class, List.of())))
                        .build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(Duration.ofSeconds(d.get("accessTokenSeconds", Number.class).longValue()))
                        .refreshTokenTimeToLive(Duration.ofSeconds(d.get("refreshTokenSeconds", Number.class).longValue()))
                        .build())
                .build();
    }
}
