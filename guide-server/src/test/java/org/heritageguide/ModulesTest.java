package org.heritageguide;

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

    static final ApplicationModules MODULES = ApplicationModules.of(GuideApplication.class);

    @Test
    void theModulesKeepToEachOthersInterfacesAndHaveNoCycles() {
        MODULES.verify();
    }

    @Test
    void writeTheModuleDiagram() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("guide-server/target/modules"))
                .writeModulesAsPlantUml(DiagramOptions.defaults()
                        .withStyle(DiagramStyle.C4)
                        .withDefaultDisplayName(module -> module.getIdentifier().toString())
                        .withElementsWithoutRelationships(ElementsWithoutRelationships.VISIBLE));
    }
}
