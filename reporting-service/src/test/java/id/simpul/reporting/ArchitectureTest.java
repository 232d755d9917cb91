package id.simpul.reporting;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.jmolecules.ddd.annotation.AggregateRoot;
import org.jmolecules.ddd.annotation.ValueObject;
import org.jmolecules.event.annotation.DomainEvent;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("id.simpul.reporting");

    @Test
    void theDomainCoreIsPlainJava() {
        noClasses().that().areAnnotatedWith(AggregateRoot.class)
                .or().areAnnotatedWith(ValueObject.class)
                .or().areAnnotatedWith(DomainEvent.class)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "org.bson..", "com.mongodb..", "org.apache.kafka..", "tools.jackson..",
                        "com.fasterxml.jackson..", "jakarta.persistence..")
                .check(classes);
    }

    @Test
    void reportingDoesNotUseOtherServicesCode() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("id.simpul.registry..", "id.simpul.training..")
                .check(classes);
    }
}
