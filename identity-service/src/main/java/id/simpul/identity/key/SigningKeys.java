package id.simpul.identity.key;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * The RSA signing keys in {@code signing_keys}, one document each: the newest ACTIVE key signs, every key not yet
 * RETIRED is published in the JWKS, so tokens signed before a rotation stay valid until their key is retired.
 */
public class SigningKeys {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SigningKeys.class);

    static final String COLLECTION = "signing_keys";

    public enum Status { ACTIVE, PUBLISHED, RETIRED }

    public record KeyInfo(String kid, Status status, java.time.Instant createdAt) {
    }

    private final MongoTemplate mongo;
    private final Clock clock;

    public SigningKeys(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** The first start makes a key; later starts find it. */
    public void ensureKey() {
        if (!mongo.exists(Query.query(Criteria.where("status").is(Status.ACTIVE.name())), COLLECTION)) {
            rotate();
        }
    }

    /** Adds a new active key; the one that signed until now stays published. Returns the new key's id. */
    public synchronized String rotate() {
        KeyPair pair = generate();
        String kid = UUID.randomUUID().toString();
        try {
            mongo.insert(new Document("_id", kid).append("status", Status.ACTIVE.name())
                    .append("createdAt", Date.from(clock.instant()))
                    .append("public", new Binary(pair.getPublic().getEncoded()))
                    .append("private", new Binary(pair.getPrivate().getEncoded())), COLLECTION);
        } catch (DuplicateKeyException e) {
            throw new IllegalStateException("key id collision", e);
        }
        mongo.updateMulti(Query.query(Criteria.where("status").is(Status.ACTIVE.name()).and("_id").ne(kid)),
                Update.update("status", Status.PUBLISHED.name()), COLLECTION);
        readPublished();
        return kid;
    }

    /** Takes a key out of the JWKS; the active key cannot be retired (rotate first). */
    public boolean retire(String kid) {
        boolean retired = mongo.updateFirst(Query.query(Criteria.where("_id").is(kid).and("status").is(Status.PUBLISHED.name())),
                Update.update("status", Status.RETIRED.name()), COLLECTION).getModifiedCount() == 1;
        readPublished();
        return retired;
    }

    public List<KeyInfo> list() {
        return mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "createdAt")), Document.class, COLLECTION).stream()
                .map(d -> new KeyInfo(d.getString("_id"), Status.valueOf(d.getString("status")), d.getDate("createdAt").toInstant()))
                .toList();
    }

    /**
     * Every key that verifies tokens: active and published ones, newest first. Served from memory, read again at
     * most every {@link #PUBLISHED_FOR} (and at once after a rotation or retirement here): the services fetch the
     * key set to check tokens, and must be able to while this service's store is away; when reading it again fails,
     * the keys last read stay published.
     */
    public JWKSource<SecurityContext> published() {
        return (selector, context) -> selector.select(new JWKSet(publishedKeys()));
    }

    private static final java.time.Duration PUBLISHED_FOR = java.time.Duration.ofSeconds(30);
    private volatile List<JWK> publishedKeys;
    private volatile java.time.Instant publishedAt = java.time.Instant.MIN;

    private List<JWK> publishedKeys() {
        List<JWK> held = publishedKeys;
        if (held != null && publishedAt.plus(PUBLISHED_FOR).isAfter(clock.instant())) {
            return held;
        }
        try {
            return readPublished();
        } catch (RuntimeException storeAway) {
            if (held == null) {
                throw storeAway;
            }
            log.warn("Reading the signing keys failed; the {} keys read before stay published ({})", held.size(),
                    storeAway.getMessage());
            publishedAt = clock.instant(); // not tried again on every request while the store is away
            return held;
        }
    }

    private List<JWK> readPublished() {
        List<JWK> keys = mongo.find(Query.query(Criteria.where("status").in(Status.ACTIVE.name(), Status.PUBLISHED.name()))
                        .with(Sort.by(Sort.Direction.DESC, "createdAt")), Document.class, COLLECTION)
                .stream().map(SigningKeys::toJwk).toList();
        publishedKeys = keys;
        publishedAt = clock.instant();
        return keys;
    }

    /** Only the key that signs new tokens (one, or the encoder would refuse to choose). */
    public JWKSource<SecurityContext> signing() {
        return (selector, context) -> select(selector, Criteria.where("status").is(Status.ACTIVE.name()));
    }

    private List<JWK> select(JWKSelector selector, Criteria which) {
        List<JWK> keys = mongo.find(Query.query(which).with(Sort.by(Sort.Direction.DESC, "createdAt")), Document.class, COLLECTION)
                .stream().map(SigningKeys::toJwk).toList();
        return selector.select(new JWKSet(keys));
    }

    private static JWK toJwk(Document d) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(d.get("public", Binary.class).getData()));
            RSAPrivateKey privateKey = (RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(d.get("private", Binary.class).getData()));
            return new RSAKey.Builder(publicKey).privateKey(privateKey).keyID(d.getString("_id")).keyUse(KeyUse.SIGNATURE).build();
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("Signing key " + d.getString("_id") + " cannot be read", e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
