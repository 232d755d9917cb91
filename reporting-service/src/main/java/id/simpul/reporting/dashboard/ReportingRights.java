package id.simpul.reporting.dashboard;

import id.simpul.platform.access.Right;
import id.simpul.platform.access.Rights;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static id.simpul.platform.access.Role.KIM_OFFICER;
import static id.simpul.platform.access.Role.MINISTRY_ADMIN;
import static id.simpul.platform.access.Role.OPERATOR;
import static id.simpul.platform.access.Role.PARTNER;
import static id.simpul.platform.access.Role.PROGRAMME_MANAGER;
import static id.simpul.platform.access.Role.PROVINCE_OFFICER;
import static id.simpul.platform.access.Role.REGENCY_OFFICER;
import static id.simpul.platform.access.Role.VIEWER;

/**
 * The rights of reporting-service's operations (docs/access.md, reporting-service): the dashboard's aggregate
 * figures are public; a programme's outputs by KIM need sign-in; the projections are the ministry's and operators'.
 */
@Configuration(proxyBeanMethods = false)
public class ReportingRights {

    public static final String DASHBOARD_READ = "dashboard.read";
    public static final String OUTPUTS_EXPORT = "dashboard.outputs-export";
    public static final String PROJECTIONS_READ = "projections.read";
    public static final String PROJECTIONS_REBUILD = "projections.rebuild";

    @Bean
    Rights reportingOperationRights() {
        return Rights.of(
                Right.named(DASHBOARD_READ).anyone(),
                Right.named(OUTPUTS_EXPORT).all(VIEWER, KIM_OFFICER, PARTNER, PROGRAMME_MANAGER, REGENCY_OFFICER, PROVINCE_OFFICER, MINISTRY_ADMIN),
                Right.named(PROJECTIONS_READ).all(MINISTRY_ADMIN, OPERATOR),
                Right.named(PROJECTIONS_REBUILD).all(MINISTRY_ADMIN));
    }
}
