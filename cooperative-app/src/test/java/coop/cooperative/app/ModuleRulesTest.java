package coop.cooperative.app;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Optional;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The module rules: dependencies point one way, the domain stays free of frameworks, and in the app
 * each feature sends its commands through its application services ({@code @Service}), which are also
 * the only way in for the other features and their pages.
 */
@AnalyzeClasses(packages = "coop.cooperative", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleRulesTest {

    @ArchTest
    static final ArchRule coreDependsOnNoOtherModule = noClasses()
            .that().resideInAPackage("coop.cooperative.core..")
            .should().dependOnClassesThat().resideInAnyPackage("coop.cooperative.projections..", "coop.cooperative.app..");

    @ArchTest
    static final ArchRule projectionsNeverReachTheApp = noClasses()
            .that().resideInAPackage("coop.cooperative.projections..")
            .should().dependOnClassesThat().resideInAPackage("coop.cooperative.app..");

    @ArchTest
    static final ArchRule coreUsesNoSpringJpaServletOrJackson = noClasses()
            .that().resideInAPackage("coop.cooperative.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "jakarta.persistence..", "javax.persistence..", "jakarta.servlet..",
                    "javax.servlet..", "com.fasterxml.jackson.databind..");

    @ArchTest
    static final ArchRule projectionsUseNoWebTypes = noClasses()
            .that().resideInAPackage("coop.cooperative.projections..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework.web..", "org.springframework.http..", "jakarta.servlet..",
                    "org.springframework.security..");

    @ArchTest
    static final ArchRule noCyclesBetweenPackages = slices()
            .matching("coop.cooperative.(**)")
            .should().beFreeOfCycles();

    /** The app's features; the other app packages (axon, web, pages, operations, ...) are infrastructure. */
    private static final List<String> FEATURES = List.of("membership", "periods", "costs", "books", "hours",
            "projects", "continuity", "riskpool", "notifications", "invoicing", "erasure", "portability");

    @ArchTest
    static final ArchRule onlyApplicationServicesSendCommands = noClasses()
            .that().resideOutsideOfPackage("coop.cooperative.app.axon..")
            .and().areNotAnnotatedWith(Service.class)
            .should().dependOnClassesThat().areAssignableTo(CommandGateway.class)
            .because("a command is sent from one place: its feature's application service, which the API and the "
                    + "pages both call");

    @ArchTest
    static final ArchRule featuresReachEachOtherThroughTheirServices = classes()
            .that().resideInAPackage("coop.cooperative.app..")
            .should(new ArchCondition<>("reach another feature only through its application services") {
                @Override
                public void check(JavaClass origin, ConditionEvents events) {
                    Optional<String> own = feature(origin);
                    for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                        JavaClass target = dependency.getTargetClass();
                        Optional<String> other = feature(target);
                        if (other.isPresent() && !other.equals(own) && !isServiceOrPartOfOne(target)) {
                            events.add(SimpleConditionEvent.violated(origin, dependency.getDescription()));
                        }
                    }
                }
            });

    private static Optional<String> feature(JavaClass type) {
        String name = type.getPackageName();
        return FEATURES.stream().filter(f -> name.equals("coop.cooperative.app." + f)).findFirst();
    }

    /** The service itself, or a type nested in it (what its methods take and give). */
    private static boolean isServiceOrPartOfOne(JavaClass type) {
        for (Optional<JavaClass> t = Optional.of(type); t.isPresent(); t = t.get().getEnclosingClass()) {
            if (t.get().isAnnotatedWith(Service.class)) {
                return true;
            }
        }
        return false;
    }
}
