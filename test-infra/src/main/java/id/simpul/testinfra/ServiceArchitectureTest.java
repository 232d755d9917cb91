package id.simpul.testinfra;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/** The {@link ArchitectureRules} as tests of one service: each service's {@code ArchitectureTest} extends this. */
public abstract class ServiceArchitectureTest {

    private final String service;
    private final JavaClasses classes;

    protected ServiceArchitectureTest(String service) {
        this.service = service;
        this.classes = ArchitectureRules.classesOf(service);
    }

    @Test
    void theServiceUsesNoOtherServicesCode() {
        ArchitectureRules.usesNoOtherServicesCode(service).check(classes);
    }

    @Test
    void theDomainCoreIsPlainJava() {
        ArchitectureRules.domainCoreIsPlainJava().check(classes);
    }

    @Test
    void featurePackagesAreFreeOfCycles() {
        ArchitectureRules.featuresAreFreeOfCycles(service).check(classes);
    }
}
