package dev.articleexporter;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import org.junit.jupiter.api.Test;

/**
 * The package map (ARCHITECTURE.md, "Code map"), on the compiled main classes: which
 * package may depend on which, and no package cycles. A failure lists each forbidden
 * dependency with the class, member and line that makes it.
 */
class ArchitectureTest {

    private static final String ROOT = "dev.articleexporter";

    /**
     * Main classes only: not the tests, not the bean registrations Spring AOT generates
     * into the same packages.
     */
    private static final JavaClasses MAIN = new ClassFileImporter()
        .withImportOption(ArchitectureTest::isHandWrittenMainCode)
        .importPackages(ROOT);

    private static boolean isHandWrittenMainCode(Location location) {
        // by folder name rather than ArchUnit's DO_NOT_INCLUDE_TESTS, which knows only
        // target/test-classes (-Dbuild.dir)
        return !location.contains("/test-classes/") && !location.contains("__")
                && !location.contains("$$SpringCGLIB$$");
    }

    @Test
    void eachPackageDependsOnlyOnThoseBelowIt() {
        // Dependencies on a package of ours that is in no layer count too: a new package
        // must be placed here.
        layeredArchitecture().consideringOnlyDependenciesInAnyPackage(ROOT + "..")
            .layer("main class")
            .definedBy(ROOT)
            .layer("cli")
            .definedBy(ROOT + ".cli..")
            .layer("remote")
            .definedBy(ROOT + ".remote..")
            .layer("web")
            .definedBy(ROOT + ".web..")
            .layer("delivery")
            .definedBy(ROOT + ".delivery..")
            .layer("job")
            .definedBy(ROOT + ".job..")
            .optionalLayer("pipeline")
            .definedBy(ROOT + ".pipeline..")
            .layer("cover")
            .definedBy(ROOT + ".cover..")
            .layer("digest")
            .definedBy(ROOT + ".digest..")
            .layer("render")
            .definedBy(ROOT + ".render..")
            .layer("rules")
            .definedBy(ROOT + ".rules..")
            .layer("history")
            .definedBy(ROOT + ".history..")
            .layer("fonts")
            .definedBy(ROOT + ".fonts..")
            .layer("model")
            .definedBy(ROOT + ".model..")
            .layer("input")
            .definedBy(ROOT + ".input..")
            .whereLayer("cli")
            .mayOnlyBeAccessedByLayers("main class")
            .whereLayer("remote")
            .mayOnlyBeAccessedByLayers("cli")
            .whereLayer("remote")
            .mayOnlyAccessLayers("job", "pipeline", "cover", "digest", "render", "rules", "history", "model", "input")
            .whereLayer("web")
            .mayOnlyAccessLayers("delivery", "job", "pipeline", "digest", "render", "rules", "history", "model",
                    "input")
            .whereLayer("delivery")
            .mayOnlyAccessLayers("job", "pipeline", "cover", "digest", "render", "rules", "history", "model", "input")
            .whereLayer("job")
            .mayOnlyAccessLayers("pipeline", "cover", "digest", "render", "rules", "history", "model", "input")
            .whereLayer("pipeline")
            .mayOnlyAccessLayers("cover", "render", "rules", "history", "model", "input")
            .whereLayer("cover")
            .mayOnlyAccessLayers("fonts", "model")
            .whereLayer("digest")
            .mayOnlyAccessLayers("model")
            .whereLayer("render")
            .mayOnlyAccessLayers("fonts", "model")
            .whereLayer("rules")
            .mayOnlyAccessLayers("input", "model")
            .whereLayer("history")
            .mayNotAccessAnyLayer()
            .whereLayer("fonts")
            .mayNotAccessAnyLayer()
            .whereLayer("model")
            .mayNotAccessAnyLayer()
            .whereLayer("input")
            .mayNotAccessAnyLayer()
            .check(MAIN);
    }

    @Test
    void readingInputNeedsNoSpring() {
        noClasses().that()
            .resideInAPackage(ROOT + ".input..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.springframework..")
            .because("input is plain Java: the JSON reading is tested and reused without a Spring context")
            .check(MAIN);
    }

    @Test
    void noCyclesBetweenTopLevelPackages() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void noCyclesBetweenAnyPackages() {
        // every package on its own, so that render and render.pdf, say, cannot depend on
        // each other both ways
        slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(MAIN);
    }

}
