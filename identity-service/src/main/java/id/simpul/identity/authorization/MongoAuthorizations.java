package id.simpul.identity.authorization;

import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Authorizations (codes, access, refresh and ID tokens) in {@code authorizations}: one document each, written whole
 * in one single-document upsert (the embedded server has no transactions). The authorization itself is kept in its
 * Java serialized form; the token values beside it are indexed for lookup, and a TTL index removes it a day after its
 * last token expired.
 */
public class MongoAuthorizations implements OAuth2AuthorizationService {

    static final String COLLECTION = "authorizations";
    private static final Duration KEEP_AFTER_EXPIRY = Duration.ofDays(1);
    /** What a stored authorization may contain when it is read back: Spring's and the JDK's types only. */
    private static final ObjectInputFilter ALLOWED = ObjectInputFilter.Config.createFilter(
            "java.**;org.springframework.**;com.nimbusds.**;id.simpul.**;!*");

    private static final Map<String, String> FIELDS = Map.of(
            OAuth2ParameterNames.STATE, "state",
            OAuth2ParameterNames.CODE, "code",
            OAuth2TokenType.ACCESS_TOKEN.getValue(), "accessToken",
            OAuth2TokenType.REFRESH_TOKEN.getValue(), "refreshToken",
            "id_token", "idToken");

    private final MongoTemplate mongo;

    public MongoAuthorizations(MongoTemplate mongo) {
        this.mongo = mongo;
        for (String field : FIELDS.values()) {
            mongo.indexOps(COLLECTION).createIndex(new Index(field, Sort.Direction.ASC).sparse());
        }
        mongo.indexOps(COLLECTION).createIndex(new Index("removeAt", Sort.Direction.ASC).expire(Duration.ZERO));
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        Document d = new Document("_id", authorization.getId())
                .append("clientId", authorization.getRegisteredClientId())
                .append("principal", authorization.getPrincipalName())
                .append("state", authorization.getAttribute(OAuth2ParameterNames.STATE))
                .append("code", value(authorization.getToken(OAuth2AuthorizationCode.class)))
                .append("accessToken", value(authorization.getToken(OAuth2AccessToken.class)))
                .append("refreshToken", value(authorization.getToken(OAuth2RefreshToken.class)))
                .append("idToken", value(authorization.getToken(OidcIdToken.class)))
                .append("removeAt", Date.from(lastExpiry(authorization).plus(KEEP_AFTER_EXPIRY)))
                .append("authorization", new Binary(serialize(authorization)));
        mongo.save(d, COLLECTION);
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        mongo.remove(Query.query(Criteria.where("_id").is(authorization.getId())), COLLECTION);
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return read(mongo.findById(id, Document.class, COLLECTION));
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        Criteria criteria = tokenType == null
                ? new Criteria().orOperator(FIELDS.values().stream().map(f -> Criteria.where(f).is(token)).toArray(Criteria[]::new))
                : FIELDS.containsKey(tokenType.getValue()) ? Criteria.where(FIELDS.get(tokenType.getValue())).is(token) : null;
        return criteria == null ? null : read(mongo.findOne(Query.query(criteria), Document.class, COLLECTION));
    }

    private static String value(OAuth2Authorization.Token<? extends OAuth2Token> token) {
        return token == null ? null : token.getToken().getTokenValue();
    }

    private static Instant lastExpiry(OAuth2Authorization a) {
        return Stream.of(a.getToken(OAuth2AuthorizationCode.class), a.getToken(OAuth2AccessToken.class),
                        a.getToken(OAuth2RefreshToken.class), a.getToken(OidcIdToken.class))
                .filter(Objects::nonNull).map(t -> t.getToken().getExpiresAt()).filter(Objects::nonNull)
                .max(Instant::compareTo)
                // An authorization still waiting for its code (the sign-in under way).
                .orElse(Instant.now().plus(Duration.ofHours(1)));
    }

    private static byte[] serialize(OAuth2Authorization authorization) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(authorization);
        } catch (IOException e) {
            throw new UncheckedIOException("Authorization " + authorization.getId() + " cannot be stored", e);
        }
        return bytes.toByteArray();
    }

    private static OAuth2Authorization read(Document d) {
        if (d == null) {
            return null;
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(d.get("authorization", Binary.class).getData()))) {
            in.setObjectInputFilter(ALLOWED);
            return (OAuth2Authorization) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("Authorization " + d.getString("_id") + " cannot be read", e);
        }
    }

}
