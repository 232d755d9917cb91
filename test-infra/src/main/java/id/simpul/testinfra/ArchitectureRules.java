package id.simpul.testinfra;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.jmolecules.ddd.annotation.AggregateRoot;
import org.jmolecules.ddd.annotation.ValueObject;
import org.jmolecules.event.annotation.DomainEvent;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The architecture every Simpul service keeps, as ArchUnit rules its tests check. */
public final class ArchitectureRules {

    static final List<String> SERVICES = List.of("registry", "training", "reporting");

    /** The production classes of a service, {@code id.simpul.<service>}. */
    public static JavaClasses classesOf(String service) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("id.simpul." + service);
    }

    /** Aggregates, value objects and domain events (jMolecules annotations) use no Spring, MongoDB, Kafka or Jackson. */
    public static ArchRule domainCoreIsPlainJava() {
        return noClasses().that().areAnnotatedWith(AggregateRoot.class)
                .or().areAnnotatedWith(ValueObject.class)
                .or().areAnnotatedWith(DomainEvent.class)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "org.bson..", "com.mongodb..", "org.apache.kafka..", "tools.jackson..",
                        "com.fasterxml.jackson..")
                .because("the domain core is plain Java: rules testable without infrastructure");
    }

    /** A service talks to the others only through events, never through their code. */
    public static ArchRule usesNoOtherServicesCode(String service) {
        return noClasses().should().dependOnClassesThat().resideInAnyPackage(SERVICES.stream()
                        .filter(other -> !other.equals(service))
                        .map(other -> "id.simpul." + other + "..")
                        .toArray(String[]::new))
                .because("services own their data and meet only on the event streams");
    }

    private ArchitectureRules() {
    }
}
