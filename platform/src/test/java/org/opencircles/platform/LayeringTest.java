package org.opencircles.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The platform is shared by every service and so depends on none of them. */
class LayeringTest {

    @Test
    void platformImportsNoService() {
        JavaClasses platform = new ClassFileImporter().importPath(Path.of("target", "classes"));
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.opencircles.members..",
                        "org.opencircles.actions..",
                        "org.opencircles.mentoring..",
                        "org.opencircles.notifier..")
                .because("services share nothing but events and the platform")
                .check(platform);
    }
}
