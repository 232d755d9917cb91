package id.simpul.registry.imports;

import id.simpul.platform.access.Right;
import id.simpul.platform.access.Rights;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static id.simpul.platform.access.Role.MINISTRY_ADMIN;
import static id.simpul.platform.access.Role.PROVINCE_OFFICER;
import static id.simpul.platform.access.Role.REGENCY_OFFICER;

/**
 * The rights of KIM imports (docs/access.md): an officer imports inside their scope (each row is checked as a
 * registration, {@code kims.register}) and reads the reports of the imports they started.
 */
@Configuration(proxyBeanMethods = false)
public class ImportRights {

    public static final String IMPORT = "kims.import";
    public static final String READ_REPORT = "kims.import-report";
    public static final String TEMPLATE = "kims.import-template";

    @Bean
    Rights importOperationRights() {
        return Rights.of(
                Right.named(IMPORT).scope(REGENCY_OFFICER, PROVINCE_OFFICER).all(MINISTRY_ADMIN),
                Right.named(READ_REPORT).own(REGENCY_OFFICER, PROVINCE_OFFICER).all(MINISTRY_ADMIN),
                Right.named(TEMPLATE).anyone());
    }
}
