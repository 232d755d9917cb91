package id.simpul.registry;

import com.tngtech.archunit.core.domain.JavaClasses;
import id.simpul.testinfra.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private final JavaClasses classes = ArchitectureRules.classesOf("registry");

    @Test
    void registryUsesNoOtherServicesCode() {
        ArchitectureRules.usesNoOtherServicesCode("registry").check(classes);
    }

    @Test
    void theDomainCoreIsPlainJava() {
        ArchitectureRules.domainCoreIsPlainJava().check(classes);
    }
}
