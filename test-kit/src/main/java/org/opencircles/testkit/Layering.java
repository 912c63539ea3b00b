package org.opencircles.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.nio.file.Path;
import java.util.List;

/**
 * The layering rules every service follows, checked on its compiled main classes (ArchUnit): {@code service},
 * {@code domain}, {@code messaging} and {@code config} never import {@code rest}; {@code domain} imports no other
 * layer; entities live only in {@code domain}; no service imports another service's packages, and the shared modules
 * import none; the packages of a service form no cycle.
 */
public final class Layering {

    /** The four services' root packages. */
    public static final List<String> SERVICES = List.of(
            "org.opencircles.members",
            "org.opencircles.actions",
            "org.opencircles.mentoring",
            "org.opencircles.notifier");

    private Layering() {}

    /**
     * Checks every rule on the service's main classes under {@code rootPackage}, read from the module's
     * {@code target/classes} (where Maven runs its tests).
     */
    public static void check(String rootPackage) {
        JavaClasses main = new ClassFileImporter().importPath(Path.of("target", "classes"));
        rules(rootPackage).forEach(rule -> rule.check(main));
    }

    /** The rules for the classes under {@code rootPackage}. */
    static List<ArchRule> rules(String rootPackage) {
        String[] others = SERVICES.stream()
                .filter(s -> !s.equals(rootPackage))
                .map(s -> s + "..")
                .toArray(String[]::new);
        return List.of(
                noClasses()
                        .that()
                        .resideInAnyPackage("..service..", "..domain..", "..messaging..", "..config..")
                        .should()
                        .dependOnClassesThat()
                        .resideInAPackage("..rest..")
                        .because("resources call services, never the other way round"),
                noClasses()
                        .that()
                        .resideInAPackage("..domain..")
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(
                                rootPackage + ".service..", rootPackage + ".messaging..", rootPackage + ".rest..")
                        .because("the domain is entities and pure rules"),
                classes()
                        .that()
                        .areAnnotatedWith("jakarta.persistence.Entity")
                        .should()
                        .resideInAPackage("..domain..")
                        .allowEmptyShould(true)
                        .because("entities are the domain's"),
                noClasses()
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(others)
                        .because("services share nothing but events and the platform"),
                slices().matching(rootPackage + ".(*)..")
                        .should()
                        .beFreeOfCycles()
                        .because("a newcomer reads a service from rest down to domain"));
    }
}
