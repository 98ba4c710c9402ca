package coop.cooperative.app;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The module rules of DESIGN.md: dependencies point one way, and the domain stays free of frameworks. */
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
}
