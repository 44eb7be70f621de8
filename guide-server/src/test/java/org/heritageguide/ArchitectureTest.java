package org.heritageguide;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** The architecture, stated in code: feature packages, a plain-Java domain, and no cycles. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.heritageguide");

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("org.heritageguide.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theSiteDomainIsPlainJava() {
        ArchRule rule = noClasses().that().resideInAPackage("org.heritageguide.site")
                .and().doNotHaveSimpleName("SiteDirectory")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "reactor..");
        rule.check(CLASSES);
    }

    @Test
    void theSessionModelIsPlainJava() {
        noClasses().that().haveSimpleName("VisitorSession")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "tools.jackson..")
                .check(CLASSES);
    }

    @Test
    void onlyTheVisitorAndStudioFeaturesServeHttpPagesAndTheSiteDomainKnowsNoFeature() {
        noClasses().that().resideInAPackage("org.heritageguide.site..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.heritageguide.knowledge..", "org.heritageguide.dialogue..", "org.heritageguide.session..",
                        "org.heritageguide.speech..", "org.heritageguide.voice..", "org.heritageguide.visitor..",
                        "org.heritageguide.studio..", "org.heritageguide.qr..", "org.heritageguide.analytics..")
                .check(CLASSES);
    }

    @Test
    void noFeatureReachesIntoTheVisitorOrStudioWebLayers() {
        noClasses().that().resideOutsideOfPackages("org.heritageguide.visitor..", "org.heritageguide.studio..")
                .should().dependOnClassesThat().resideInAnyPackage("org.heritageguide.visitor..", "org.heritageguide.studio..")
                .check(CLASSES);
    }

    @Test
    void messagesAreFormattedWithIcuOnly() {
        // one MessageFormat: ICU's (its apostrophe rule is the one the phrase files are written for)
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("java.text.MessageFormat").check(CLASSES);
    }
}
