package id.simpul.identity.user;

import id.simpul.identity.Forbidden;
import id.simpul.platform.PageQuery;
import id.simpul.platform.PageResponse;
import id.simpul.platform.ProblemDetailsAdvice.FieldProblem;
import id.simpul.platform.Problems;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Creating, listing, disabling and enabling users, each checked against {@link Delegation} here, on every path. */
@Service
public class UserAdministration {

    private final UserStore users;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final Clock clock;

    UserAdministration(UserStore users, PasswordEncoder encoder, PasswordPolicy policy, Clock clock) {
        this.users = users;
        this.encoder = encoder;
        this.policy = policy;
        this.clock = clock;
    }

    public record NewUser(String username, String displayName, String password, Set<Role> roles, String regionScope,
                          String partnerId, String kimId) {
    }

    public UserAccount create(Delegation.Administrator by, NewUser request) {
        List<FieldProblem> problems = new ArrayList<>();
        policy.problem(request.password()).ifPresent(p -> problems.add(new FieldProblem("password", p)));
        if (!RegionScope.isValid(request.regionScope())) {
            problems.add(new FieldProblem("regionScope", "must be a Kemendagri code such as 63 or 63.03, or empty for the whole country"));
        }
        Set<Role> roles = request.roles() == null ? Set.of() : request.roles();
        if (roles.isEmpty()) {
            problems.add(new FieldProblem("roles", "must name at least one role"));
        }
        if (roles.contains(Role.PARTNER) && blank(request.partnerId())) {
            problems.add(new FieldProblem("partnerId", "is required for a PARTNER user"));
        }
        if (roles.contains(Role.KIM_OFFICER) && blank(request.kimId())) {
            problems.add(new FieldProblem("kimId", "is required for a KIM_OFFICER"));
        }
        if (!problems.isEmpty()) {
            throw Problems.exception(Problems.ruleViolation(problems));
        }
        RegionScope scope = new RegionScope(request.regionScope());
        check(Delegation.mayManage(by, roles, scope));
        UserAccount user = new UserAccount(UUID.randomUUID().toString(), request.username().strip(),
                request.displayName() == null ? request.username().strip() : request.displayName().strip(),
                encoder.encode(request.password()), roles, scope, blankToNull(request.partnerId()), blankToNull(request.kimId()),
                true, null, clock.instant(), by.username());
        try {
            users.insert(user);
        } catch (DuplicateKeyException e) {
            throw Problems.exception(Problems.of(HttpStatus.CONFLICT, "conflict", "Already exists",
                    "There is already a user " + user.username() + "."));
        }
        return user;
    }

    public PageResponse<UserAccount> list(Delegation.Administrator by, PageQuery page) {
        check(Delegation.mayAdminister(by));
        return users.list(by.roles().contains(Role.MINISTRY_ADMIN) ? RegionScope.NATIONAL : by.scope(), page);
    }

    public UserAccount get(Delegation.Administrator by, String id) {
        check(Delegation.mayAdminister(by));
        UserAccount user = users.byId(id).orElseThrow(() -> Problems.notFound("user", id));
        check(Delegation.mayManage(by, user.roles(), user.scope()));
        return user;
    }

    public UserAccount setEnabled(Delegation.Administrator by, String id, boolean enabled) {
        UserAccount user = get(by, id);
        users.setEnabled(id, enabled);
        return user.withEnabled(enabled);
    }

    /** A refusal as 403 naming the missing right (docs/api.md, type forbidden). */
    private static void check(Optional<String> missingRight) {
        missingRight.ifPresent(right -> {
            throw Forbidden.missing(right);
        });
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String blankToNull(String s) {
        return blank(s) ? null : s.strip();
    }
}
