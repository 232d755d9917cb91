package id.simpul.training.session;

import id.simpul.platform.access.Allowed;
import id.simpul.training.common.TrainingRights;
import id.simpul.training.common.NotFoundException;
import id.simpul.training.programme.ProgrammeService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDateTime;

@RestController
@RequestMapping("/api/certificates")
@Tag(name = "Certificates", description = "Anyone can check a training certificate by its verification code")
class CertificateController {

    private final TrainingService trainings;
    private final ProgrammeService programmes;

    CertificateController(TrainingService trainings, ProgrammeService programmes) {
        this.trainings = trainings;
        this.programmes = programmes;
    }

    /** What a certificate confirms. */
    record CertificateResponse(String code, boolean valid, String participant, String role, String kimId, String kimName,
                               String trainingId, String trainingTitle, String topic, String programmeTitle,
                               TrainingResponse.Time start, TrainingResponse.Time end) {
    }

    @GetMapping("/{code}")
    @Allowed(TrainingRights.CERTIFICATES_CHECK)
    @Operation(summary = "Check a certificate", description = "Confirms who attended which training; 404 for an unknown code.")
    CertificateResponse check(@PathVariable String code) {
        Training training = trainings.ofCertificate(code).orElseThrow(() -> new NotFoundException("certificate", code));
        Enrolment enrolment = training.enrolments().stream().filter(e -> code.equals(e.certificateCode())).findFirst().orElseThrow();
        return new CertificateResponse(code, true, enrolment.participant().name(), enrolment.participant().role(),
                enrolment.kimId(), enrolment.kimName(), training.id().value(), training.title(), training.topic(),
                programmes.find(training.programmeId()).map(p -> p.title()).orElse(null),
                TrainingResponse.Time.of(training.schedule().start(), training.schedule().timeZone()),
                TrainingResponse.Time.of(training.schedule().end(), training.schedule().timeZone()));
    }
}
