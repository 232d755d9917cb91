package id.simpul.training.common;

import id.simpul.platform.access.Right;
import id.simpul.platform.access.Rights;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static id.simpul.platform.access.Role.KIM_OFFICER;
import static id.simpul.platform.access.Role.MINISTRY_ADMIN;
import static id.simpul.platform.access.Role.PARTNER;
import static id.simpul.platform.access.Role.PROGRAMME_MANAGER;
import static id.simpul.platform.access.Role.PROVINCE_OFFICER;
import static id.simpul.platform.access.Role.REGENCY_OFFICER;
import static id.simpul.platform.access.Role.VIEWER;

/** The rights of training-service's operations (docs/access.md, training-service). */
@Configuration(proxyBeanMethods = false)
public class TrainingRights {

    public static final String PROGRAMMES_READ = "programmes.read";
    public static final String PROGRAMMES_CREATE = "programmes.create";
    public static final String PROGRAMMES_UPDATE = "programmes.update";
    public static final String PARTNERS_READ = "partners.read";
    public static final String PARTNERS_CREATE = "partners.create";
    public static final String PARTNERS_UPDATE = "partners.update";
    public static final String PARTNER_INVITATIONS_READ = "partners.invitations-read";
    public static final String TRAININGS_READ = "trainings.read";
    public static final String TRAININGS_CREATE = "trainings.create";
    public static final String TRAININGS_UPDATE = "trainings.update";
    public static final String TRAININGS_CHANGE_STATUS = "trainings.change-status";
    public static final String TRAININGS_RESCHEDULE = "trainings.reschedule";
    public static final String TRAININGS_INVITE = "trainings.invite";
    public static final String ENROLMENTS_READ = "enrolments.read";
    public static final String ENROLMENTS_CREATE = "enrolments.create";
    public static final String ENROLMENTS_WITHDRAW = "enrolments.withdraw";
    public static final String ATTENDANCE_RECORD = "attendance.record";
    public static final String INVITATIONS_READ = "invitations.read";
    public static final String INVITATIONS_ANSWER = "invitations.answer";
    public static final String KIM_PARTICIPATION_READ = "kims.participation-read";
    public static final String CERTIFICATES_CHECK = "certificates.check";
    public static final String OUTPUTS_READ = "outputs.read";
    public static final String OUTPUTS_REPORT = "outputs.report";
    public static final String OUTPUTS_CORRECT = "outputs.correct";
    public static final String OUTPUTS_WITHDRAW = "outputs.withdraw";

    @Bean
    Rights trainingOperationRights() {
        return Rights.of(
                Right.named(PROGRAMMES_READ).all(VIEWER, KIM_OFFICER, PARTNER, PROGRAMME_MANAGER, REGENCY_OFFICER, PROVINCE_OFFICER, MINISTRY_ADMIN),
                Right.named(PROGRAMMES_CREATE).scope(PROGRAMME_MANAGER).all(MINISTRY_ADMIN),
                Right.named(PROGRAMMES_UPDATE).scope(PROGRAMME_MANAGER).all(MINISTRY_ADMIN),
                Right.named(PARTNERS_READ).own(PARTNER).all(PROGRAMME_MANAGER, MINISTRY_ADMIN).scope(REGENCY_OFFICER, PROVINCE_OFFICER),
                Right.named(PARTNERS_CREATE).all(PROGRAMME_MANAGER, MINISTRY_ADMIN).scope(REGENCY_OFFICER, PROVINCE_OFFICER),
                Right.named(PARTNERS_UPDATE).own(PARTNER).all(PROGRAMME_MANAGER, MINISTRY_ADMIN).scope(REGENCY_OFFICER, PROVINCE_OFFICER),
                Right.named(PARTNER_INVITATIONS_READ).own(PARTNER).scope(PROGRAMME_MANAGER).all(MINISTRY_ADMIN),
                Right.named(TRAININGS_READ).own(PARTNER).scope(PROGRAMME_MANAGER, REGENCY_OFFICER, PROVINCE_OFFICER).all(MINISTRY_ADMIN),
                Right.named(TRAININGS_CREATE).scope(PROGRAMME_MANAGER).all(MINISTRY_ADMIN),
                Right.named(TRAININGS_UPDATE).own(PARTNER).scope(PROGRAMME_MANAGER).all(MINISTRY_ADMIN),
                Right.named(TRAININGS_CHANGE_STATUS).scope(PROGRAMME_MANAGER).all(MINISTRY_ADMIN),
                Right.named(TRAININGS_RESCHEDULE).scope(PROGRAMME_MANAGER).all(MINISTRY_ADMIN),
                Right.named(TRAININGS_INVITE).scope(PROGRAMME_MANAGER).all(MINISTRY_ADMIN),
                Right.named(ENROLMENTS_READ).scope(PROGRAMME_MANAGER).all(MINISTRY_ADMIN),
                Right.named(ENROLMENTS_CREATE).own(KIM_OFFICER).scope(PROGRAMME_MANAGER).all(MINISTRY_ADMIN),
                Right.named(ENROLMENTS_WITHDRAW).own(KIM_OFFICER).scope(PROGRAMME_MANAGER).all(MINISTRY_ADMIN),
                Right.named(ATTENDANCE_RECORD).scope(PROGRAMME_MANAGER).all(MINISTRY_ADMIN),
                Right.named(INVITATIONS_READ).own(PARTNER).scope(PROGRAMME_MANAGER).all(MINISTRY_ADMIN),
                Right.named(INVITATIONS_ANSWER).own(PARTNER).all(MINISTRY_ADMIN),
                Right.named(KIM_PARTICIPATION_READ).own(KIM_OFFICER).scope(PROGRAMME_MANAGER, REGENCY_OFFICER, PROVINCE_OFFICER).all(MINISTRY_ADMIN),
                Right.named(CERTIFICATES_CHECK).anyone(),
                Right.named(OUTPUTS_READ).own(KIM_OFFICER).scope(PROGRAMME_MANAGER, REGENCY_OFFICER, PROVINCE_OFFICER).all(MINISTRY_ADMIN),
                Right.named(OUTPUTS_REPORT).own(KIM_OFFICER).all(MINISTRY_ADMIN),
                Right.named(OUTPUTS_CORRECT).own(KIM_OFFICER).all(MINISTRY_ADMIN),
                Right.named(OUTPUTS_WITHDRAW).own(KIM_OFFICER).scope(PROGRAMME_MANAGER).all(MINISTRY_ADMIN));
    }
}
