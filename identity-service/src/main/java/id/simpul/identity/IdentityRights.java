package id.simpul.identity;

import id.simpul.platform.access.Right;
import id.simpul.platform.access.Rights;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static id.simpul.platform.access.Role.MINISTRY_ADMIN;
import static id.simpul.platform.access.Role.PROVINCE_OFFICER;

/**
 * The rights of identity-service's API (docs/access.md, identity-service): the door refuses a caller without them
 * before a body is read; which users and roles a province officer may administer is Delegation's to decide.
 */
@Configuration(proxyBeanMethods = false)
public class IdentityRights {

    public static final String USERS_ADMINISTER = "users.administer";
    public static final String KEYS_ROTATE = "keys.rotate";
    public static final String SIGN_IN_PAGE = "sign-in.page";

    @Bean
    Rights identityOperationRights() {
        return Rights.of(
                Right.named(USERS_ADMINISTER).scope(PROVINCE_OFFICER).all(MINISTRY_ADMIN),
                Right.named(KEYS_ROTATE).all(MINISTRY_ADMIN),
                Right.named(SIGN_IN_PAGE).anyone());
    }
}
