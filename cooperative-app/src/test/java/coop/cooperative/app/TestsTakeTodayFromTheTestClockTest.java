package coop.cooperative.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * No test of any module reads the machine's date: a test that does passes in late November and
 * fails on the 1st. The zero-argument {@code now()} is what reads it; {@code now(clock)} with
 * {@link TestClock#clock()} or {@link TestClock#today()} is what a test uses instead.
 */
class TestsTakeTodayFromTheTestClockTest {

    /** Every module's compiled tests; the reactor has built the others' before this module's. */
    private static final List<Path> TEST_CLASSES = Stream.of(
                    "target/test-classes", "../cooperative-core/target/test-classes",
                    "../cooperative-projections/target/test-classes", "../cooperative-bench/target/test-classes")
            .map(Path::of).filter(Files::isDirectory).toList();

    static final ArchRule noTestReadsTheMachinesDate = noClasses()
            .should().callMethod(LocalDate.class, "now")
            .orShould().callMethod(LocalDateTime.class, "now")
            .orShould().callMethod(Instant.class, "now")
            .orShould().callMethod(YearMonth.class, "now")
            .because("a test runs on TestClock's date, never the machine's (-D" + TestClock.PROPERTY + ")");

    @Test
    void noTestInAnyModuleCallsNowWithoutAClock() {
        noTestReadsTheMachinesDate.check(testClasses());
    }

    @Test
    void theRuleCatchesATestThatReadsTheMachinesDate() {
        JavaClasses offender = new ClassFileImporter().importClasses(ReadsTheMachinesDate.class);
        assertThat(noTestReadsTheMachinesDate.evaluate(offender).hasViolation()).isTrue();
    }

    private static JavaClasses testClasses() {
        assertThat(TEST_CLASSES).contains(Path.of("target/test-classes"));
        return new ClassFileImporter()
                .importPaths(TEST_CLASSES)
                .that(not(belongToAnyOf(ReadsTheMachinesDate.class)));
    }

    /** What the rule is there to refuse; excluded from the real check above. */
    static final class ReadsTheMachinesDate {
        LocalDate today() {
            return LocalDate.now();
        }
    }
}
