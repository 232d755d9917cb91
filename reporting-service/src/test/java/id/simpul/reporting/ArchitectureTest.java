package id.simpul.reporting;

import com.tngtech.archunit.core.domain.JavaClasses;
import id.simpul.testinfra.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private final JavaClasses classes = ArchitectureRules.classesOf("reporting");

    @Test
    void reportingUsesNoOtherServicesCode() {
        ArchitectureRules.usesNoOtherServicesCode("reporting").check(classes);
    }
}
