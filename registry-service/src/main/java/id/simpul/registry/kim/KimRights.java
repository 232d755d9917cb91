package id.simpul.registry.kim;

import id.simpul.platform.access.Right;
import id.simpul.platform.access.Rights;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static id.simpul.platform.access.Role.KIM_OFFICER;
import static id.simpul.platform.access.Role.MINISTRY_ADMIN;
import static id.simpul.platform.access.Role.PROGRAMME_MANAGER;
import static id.simpul.platform.access.Role.PROVINCE_OFFICER;
import static id.simpul.platform.access.Role.REGENCY_OFFICER;

/** The rights of registry-service's KIM operations (docs/access.md, registry-service). */
@Configuration(proxyBeanMethods = false)
public class KimRights {

    public static final String READ = "kims.read";
    public static final String REGISTER = "kims.register";
    public static final String UPDATE = "kims.update";
    public static final String CHANGE_STATUS = "kims.change-status";
    /** Within {@link #CHANGE_STATUS}: making a KIM VERIFIED, which needs a province or the ministry and four eyes. */
    public static final String VERIFY = "kims.verify";

    @Bean
    Rights kimOperationRights() {
        return Rights.of(
                Right.named(READ).own(KIM_OFFICER).scope(PROGRAMME_MANAGER, REGENCY_OFFICER, PROVINCE_OFFICER).all(MINISTRY_ADMIN),
                Right.named(REGISTER).scope(REGENCY_OFFICER, PROVINCE_OFFICER).all(MINISTRY_ADMIN),
                Right.named(UPDATE).scope(REGENCY_OFFICER, PROVINCE_OFFICER).all(MINISTRY_ADMIN),
                Right.named(CHANGE_STATUS).fourEyes(REGENCY_OFFICER, PROVINCE_OFFICER).all(MINISTRY_ADMIN),
                Right.named(VERIFY).fourEyes(PROVINCE_OFFICER).all(MINISTRY_ADMIN));
    }
}
