package id.simpul.testinfra;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.jmolecules.ddd.annotation.AggregateRoot;
import org.jmolecules.ddd.annotation.ValueObject;
import org.jmolecules.event.annotation.DomainEvent;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The architecture every Simpul service keeps, as ArchUnit rules its tests check. */
public final class ArchitectureRules {

    static final String ROOT = "id.simpul.";
    static final List<String> SERVICES = List.of("registry", "training", "reporting");

    /**
     * Aggregates, value objects and domain events (jMolecules annotations), the types nested in them, and the enums and
     * exceptions they use: what must stay plain Java.
     */
    static final DescribedPredicate<JavaClass> DOMAIN_CORE = new DescribedPredicate<>(
            "belong to the domain core (aggregates, value objects, events, and their nested types, enums and exceptions)") {
        @Override
        public boolean test(JavaClass type) {
            return isCore(type) || (type.isEnum() || type.isAssignableTo(Throwable.class))
                    && type.getDirectDependenciesToSelf().stream().anyMatch(use -> isCore(use.getOriginClass()));
        }
    };

    /** The production classes of a service, {@code id.simpul.<service>}. */
    public static JavaClasses classesOf(String service) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT + service);
    }

    /** The domain core uses no Spring, MongoDB, Kafka or Jackson. */
    public static ArchRule domainCoreIsPlainJava() {
        return noClasses().that(DOMAIN_CORE)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "org.bson..", "com.mongodb..", "org.apache.kafka..", "tools.jackson..",
                        "com.fasterxml.jackson..")
                .because("the domain core is plain Java: rules testable without infrastructure");
    }

    /** A service talks to the others only through events, never through their code. */
    public static ArchRule usesNoOtherServicesCode(String service) {
        return usesNoOtherServicesCode(ROOT, service, SERVICES);
    }

    static ArchRule usesNoOtherServicesCode(String root, String service, List<String> services) {
        return noClasses().should().dependOnClassesThat().resideInAnyPackage(services.stream()
                        .filter(other -> !other.equals(service))
                        .map(other -> root + other + "..")
                        .toArray(String[]::new))
                .because("services own their data and meet only on the event streams");
    }

    /** No two feature packages ({@code id.simpul.<service>.<feature>}) use each other, directly or round about. */
    public static ArchRule featuresAreFreeOfCycles(String service) {
        return featuresOfPackageAreFreeOfCycles(ROOT + service);
    }

    static ArchRule featuresOfPackageAreFreeOfCycles(String servicePackage) {
        return slices().matching(servicePackage + ".(*)..").should().beFreeOfCycles()
                .because("a feature can be read and changed without the ones that use it");
    }

    private static boolean isCore(JavaClass type) {
        return type.isAnnotatedWith(AggregateRoot.class) || type.isAnnotatedWith(ValueObject.class)
                || type.isAnnotatedWith(DomainEvent.class)
                || type.getEnclosingClass().map(ArchitectureRules::isCore).orElse(false);
    }

    private ArchitectureRules() {
    }
}
