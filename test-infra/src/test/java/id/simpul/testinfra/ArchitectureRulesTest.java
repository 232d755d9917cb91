package id.simpul.testinfra;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import id.simpul.testinfra.archviolation.core.CourierChoice;
import id.simpul.testinfra.archviolation.core.Parcel;
import id.simpul.testinfra.archviolation.core.ParcelRefused;
import id.simpul.testinfra.archviolation.core.ParcelShipped;
import id.simpul.testinfra.archviolation.core.ParcelStatus;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared rules run against {@code archviolation}, whose classes break each rule on purpose. */
class ArchitectureRulesTest {

    private static final String VIOLATIONS = "id.simpul.testinfra.archviolation";
    private static final JavaClasses CLASSES = new ClassFileImporter().importPackages(VIOLATIONS);

    @Test
    void aDomainEventUsingSpringBreaksThePlainJavaRule() {
        assertThat(violations(ArchitectureRules.domainCoreIsPlainJava().evaluate(CLASSES)))
                .anyMatch(line -> line.contains(ParcelShipped.class.getName() + ".named()"));
    }

    @Test
    void aTypeNestedInAnAggregateIsPartOfTheDomainCore() {
        assertThat(violations(ArchitectureRules.domainCoreIsPlainJava().evaluate(CLASSES)))
                .anyMatch(line -> line.contains(Parcel.Label.class.getName()));
    }

    @Test
    void theEnumsAndExceptionsOfAnAggregateArePartOfTheDomainCore() {
        List<String> violations = violations(ArchitectureRules.domainCoreIsPlainJava().evaluate(CLASSES));

        assertThat(violations).anyMatch(line -> line.startsWith("Method <" + ParcelStatus.class.getName()));
        assertThat(violations).anyMatch(line -> line.startsWith("Constructor <" + ParcelRefused.class.getName()));
    }

    @Test
    void anEnumNoAggregateUsesIsOutsideTheDomainCore() {
        assertThat(violations(ArchitectureRules.domainCoreIsPlainJava().evaluate(CLASSES)))
                .noneMatch(line -> line.contains(CourierChoice.class.getName()))
                .noneMatch(line -> line.startsWith("Method <" + Parcel.class.getName() + "."));
    }

    @Test
    void usingAnotherServicesCodeIsFound() {
        EvaluationResult result = ArchitectureRules.usesNoOtherServicesCode(VIOLATIONS + ".", "registry",
                List.of("registry", "training")).evaluate(CLASSES);

        assertThat(violations(result)).isNotEmpty()
                .allMatch(line -> line.contains(VIOLATIONS + ".registry.Sender") && line.contains(VIOLATIONS + ".training.Course"));
    }

    @Test
    void aServiceThatUsesNoOtherServicesCodeKeepsTheRule() {
        assertThat(ArchitectureRules.usesNoOtherServicesCode(VIOLATIONS + ".", "training", List.of("registry", "training"))
                .evaluate(CLASSES).hasViolation()).isFalse();
    }

    @Test
    void twoFeaturePackagesUsingEachOtherAreACycle() {
        EvaluationResult result = ArchitectureRules.featuresOfPackageAreFreeOfCycles(VIOLATIONS).evaluate(CLASSES);

        assertThat(violations(result)).singleElement(InstanceOfAssertFactories.STRING)
                .startsWith("Cycle detected: Slice billing")
                .contains("Dependencies of Slice billing", "Dependencies of Slice shipping");
    }

    private static List<String> violations(EvaluationResult result) {
        return result.getFailureReport().getDetails();
    }
}
