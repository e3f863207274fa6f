package io.fleetflow.launcher;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import io.fleetflow.gateway.app.Gateway;
import io.fleetflow.job.TripScoringJob;
import io.fleetflow.model.TripPayload;
import io.fleetflow.scoring.RiskModelScorer;
import io.fleetflow.simulator.FleetSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module and package rules of docs/architecture.md, checked on the production classes of every
 * module (the launcher is the one module that has them all on its class path): the contract depends
 * on nothing of ours, scoring is pure, gateway and job never import each other, and no two packages
 * import each other in a cycle.
 */
class ArchitectureTest {

    private static final String FLINK = "org.apache.flink..";
    private static final String JAVALIN = "io.javalin..";
    private static final String MODEL = "io.fleetflow.model..";
    private static final String SCORING = "io.fleetflow.scoring..";
    private static final String GATEWAY = "io.fleetflow.gateway..";
    private static final String JOB = "io.fleetflow.job..";
    private static final String SIMULATOR = "io.fleetflow.simulator..";
    private static final String LAUNCHER = "io.fleetflow.launcher..";

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        // Each module's classes from where this run loads them: target/classes, or the module's
        // jar when the reactor has packaged it (a full build). One class per module names it.
        Set<Location> modules = new HashSet<>();
        for (Class<?> anchor :
                List.of(
                        TripPayload.class,
                        RiskModelScorer.class,
                        Gateway.class,
                        TripScoringJob.class,
                        FleetSimulator.class,
                        LocalStack.class)) {
            modules.add(Location.of(anchor.getProtectionDomain().getCodeSource().getLocation()));
        }
        classes =
                new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importLocations(modules);
        // Every module's classes are here, or the rules prove nothing.
        for (String pkg : List.of(MODEL, SCORING, GATEWAY, JOB, SIMULATOR, LAUNCHER)) {
            String name = pkg.substring(0, pkg.length() - 2);
            assertThat(classes.stream().anyMatch(c -> c.getPackageName().startsWith(name)))
                    .as("classes of %s imported", name)
                    .isTrue();
        }
    }

    @Test
    void theContractDependsOnNothingOfOurs() {
        noClasses()
                .that()
                .resideInAPackage(MODEL)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(SCORING, GATEWAY, JOB, SIMULATOR, LAUNCHER, FLINK, JAVALIN)
                .check(classes);
    }

    @Test
    void scoringIsPure() {
        noClasses()
                .that()
                .resideInAPackage(SCORING)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(GATEWAY, JOB, SIMULATOR, LAUNCHER, FLINK, JAVALIN)
                .check(classes);
    }

    @Test
    void theJobNeverImportsTheGateway() {
        noClasses()
                .that()
                .resideInAPackage(JOB)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(GATEWAY, SIMULATOR, LAUNCHER, JAVALIN)
                .check(classes);
    }

    @Test
    void theGatewayNeverImportsTheJob() {
        noClasses()
                .that()
                .resideInAPackage(GATEWAY)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(JOB, SIMULATOR, LAUNCHER, FLINK)
                .check(classes);
    }

    @Test
    void theSimulatorTalksToTheSystemOnlyOverHttp() {
        noClasses()
                .that()
                .resideInAPackage(SIMULATOR)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(GATEWAY, JOB, LAUNCHER, FLINK, JAVALIN)
                .check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("io.fleetflow.(**)").should().beFreeOfCycles().check(classes);
    }

    /**
     * Classes that fit on a screen or two: a production source file over 300 lines says at its top
     * why it is longer, in a sentence that starts "Longer than 300 lines:".
     */
    @Test
    void longFilesSayWhy() throws IOException {
        Path root = repositoryRoot();
        List<String> unexplained;
        try (Stream<Path> files = Files.walk(root)) {
            unexplained =
                    files.filter(p -> p.toString().endsWith(".java"))
                            .filter(p -> p.toString().contains("/src/main/java/"))
                            .filter(p -> !p.toString().contains("/node_modules/"))
                            .filter(ArchitectureTest::isLongWithoutReason)
                            .map(p -> root.relativize(p).toString())
                            .sorted()
                            .toList();
        }
        assertThat(unexplained).as("files over 300 lines without a reason at the top").isEmpty();
    }

    private static boolean isLongWithoutReason(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            if (lines.size() <= 300) {
                return false;
            }
            String top = String.join("\n", lines.subList(0, Math.min(lines.size(), 60)));
            return !top.contains("Longer than 300 lines:");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("model/pom.xml"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("repository root above the working directory").isNotNull();
        return dir;
    }
}
