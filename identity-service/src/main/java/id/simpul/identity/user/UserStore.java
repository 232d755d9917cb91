package id.simpul.identity.user;

import id.simpul.platform.PageQuery;
import id.simpul.platform.PageResponse;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Users in {@code users} (one document each, unique username) and failed sign-ins in {@code sign_in_failures}
 * (one document per failure, expired by a TTL index), so the lock holds across restarts and instances.
 */
@Component
public class UserStore {

    static final String USERS = "users";
    static final String FAILURES = "sign_in_failures";

    private final MongoTemplate mongo;

    UserStore(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(USERS).createIndex(new Index("username", Sort.Direction.ASC).unique());
        mongo.indexOps(FAILURES).createIndex(new Index("username", Sort.Direction.ASC));
        mongo.indexOps(FAILURES).createIndex(new Index("at", Sort.Direction.ASC).expire(Duration.ofDays(1)));
    }

    /** Inserts a new user; a username already taken is {@link org.springframework.dao.DuplicateKeyException}. */
    public void insert(UserAccount user) {
        mongo.insert(toDocument(user), USERS);
    }

    public Optional<UserAccount> byUsername(String username) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("username").is(username)), Document.class, USERS))
                .map(UserStore::fromDocument);
    }

    public Optional<UserAccount> byId(String id) {
        return Optional.ofNullable(mongo.findById(id, Document.class, USERS)).map(UserStore::fromDocument);
    }

    public boolean any() {
        return mongo.exists(new Query(), USERS);
    }

    /** The users inside {@code scope}, by username. */
    public PageResponse<UserAccount> list(RegionScope scope, PageQuery page) {
        Query query = scope.national() ? new Query()
                : Query.query(Criteria.where("scope").regex("^" + Pattern.quote(scope.code()) + "(\\.|$)"));
        long total = mongo.count(query, USERS);
        query.with(Sort.by("username", "_id")).skip(page.offset()).limit(page.size());
        List<UserAccount> items = mongo.find(query, Document.class, USERS).stream().map(UserStore::fromDocument).toList();
        return PageResponse.of(items, page, total);
    }

    public void setEnabled(String id, boolean enabled) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), Update.update("enabled", enabled), USERS);
    }

    /**
     * Records a wrong password for {@code username} and, when it makes {@code maxFailures} within {@code window},
     * locks the account until {@code now + lockFor}. Returns whether the account is now locked.
     */
    public boolean recordFailure(String username, Instant now, int maxFailures, Duration window, Duration lockFor) {
        mongo.insert(new Document("username", username).append("at", Date.from(now)), FAILURES);
        long recent = mongo.count(Query.query(Criteria.where("username").is(username).and("at").gt(Date.from(now.minus(window)))), FAILURES);
        if (recent < maxFailures) {
            return false;
        }
        mongo.updateFirst(Query.query(Criteria.where("username").is(username)), Update.update("lockedUntil", Date.from(now.plus(lockFor))), USERS);
        // The failures that caused this lock are spent: after it ends the user has their full tries again.
        mongo.remove(Query.query(Criteria.where("username").is(username)), FAILURES);
        return true;
    }

    public void clearFailures(String username) {
        mongo.remove(Query.query(Criteria.where("username").is(username)), FAILURES);
    }

    private static Document toDocument(UserAccount user) {
        return new Document("_id", user.id())
                .append("username", user.username())
                .append("displayName", user.displayName())
                .append("passwordHash", user.passwordHash())
                .append("roles", user.roles().stream().map(Enum::name).sorted().toList())
                .append("scope", user.scope().code())
                .append("partnerId", user.partnerId())
                .append("kimId", user.kimId())
                .append("enabled", user.enabled())
                .append("lockedUntil", user.lockedUntil() == null ? null : Date.from(user.lockedUntil()))
                .append("createdAt", Date.from(user.createdAt()))
                .append("createdBy", user.createdBy());
    }

    private static UserAccount fromDocument(Document d) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        d.getList("roles", String.class, List.of()).forEach(r -> roles.add(Role.valueOf(r)));
        Date locked = d.getDate("lockedUntil");
        return new UserAccount(d.getString("_id"), d.getString("username"), d.getString("displayName"),
                d.getString("passwordHash"), roles, new RegionScope(d.getString("scope")), d.getString("partnerId"),
                d.getString("kimId"), d.getBoolean("enabled", true), locked == null ? null : locked.toInstant(),
                d.getDate("createdAt").toInstant(), d.getString("createdBy"));
    }
}
