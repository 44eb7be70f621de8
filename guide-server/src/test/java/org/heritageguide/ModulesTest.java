package org.heritageguide;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.DiagramOptions;
import org.springframework.modulith.docs.Documenter.DiagramOptions.DiagramStyle;
import org.springframework.modulith.docs.Documenter.DiagramOptions.ElementsWithoutRelationships;

/**
 * The feature packages as Spring Modulith sees them, beside {@link ArchitectureTest}'s rules: each direct
 * sub-package of {@code org.heritageguide} is an application module, and its sub-packages are its
 * internals unless a {@code package-info.java} opens them as a named interface ({@code speech.asr},
 * {@code speech.tts}). {@code verify()} fails on a module reaching into another's internals and on a
 * cycle between modules. The module diagram is written to {@code guide-server/target/modules} (tests
 * write only under {@code target/}); {@code scripts/module-diagram} copies it into {@code docs/modules.puml}.
 */
class ModulesTest {

    /** The test-support module's helpers are on the test class path only: no part of the application. */
    static final ApplicationModules MODULES = ApplicationModules.of(GuideApplication.class,
            JavaClass.Predicates.resideInAPackage("org.heritageguide.testing.."));

    @Test
    void theModulesKeepToEachOthersInterfacesAndHaveNoCycles() {
        MODULES.verify();
    }

    @Test
    void writeTheModuleDiagram() throws IOException {
        Path folder = Path.of("guide-server/target/modules");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(folder.toString()))
                .writeModulesAsPlantUml(DiagramOptions.defaults()
                        .withStyle(DiagramStyle.C4)
                        .withDefaultDisplayName(module -> module.getIdentifier().toString())
                        .withElementsWithoutRelationships(ElementsWithoutRelationships.VISIBLE));
        // Modulith writes the modules and their relations in no fixed order: sorted, the diagram changes
        // only when the modules do
        Path diagram = folder.resolve("components.puml");
        Files.write(diagram, sortedRuns(Files.readAllLines(diagram)));
    }

    /** The lines, each run of consecutive {@code Component(...)} or {@code Rel(...)} lines sorted. */
    private static List<String> sortedRuns(List<String> lines) {
        List<String> sorted = new ArrayList<>();
        List<String> run = new ArrayList<>();
        String kind = null;
        for (String line : lines) {
            String lineKind = line.strip().startsWith("Component(") ? "Component" : line.startsWith("Rel(") ? "Rel" : null;
            if (lineKind == null || !lineKind.equals(kind)) {
                run.sort(null);
                sorted.addAll(run);
                run.clear();
            }
            kind = lineKind;
            (lineKind == null ? sorted : run).add(line);
        }
        run.sort(null);
        sorted.addAll(run);
        return sorted;
    }
}
