package id.simpul.training;

import com.tngtech.archunit.core.domain.JavaClasses;
import id.simpul.testinfra.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private final JavaClasses classes = ArchitectureRules.classesOf("training");

    @Test
    void trainingUsesNoOtherServicesCode() {
        ArchitectureRules.usesNoOtherServicesCode("training").check(classes);
    }

    @Test
    void theDomainCoreIsPlainJava() {
        ArchitectureRules.domainCoreIsPlainJava().check(classes);
    }
}
