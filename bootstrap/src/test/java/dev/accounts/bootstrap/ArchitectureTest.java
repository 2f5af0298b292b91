package dev.accounts.bootstrap;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

@AnalyzeClasses(packages = "dev.accounts", importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.DoNotIncludeTestJars.class})
class ArchitectureTest {

    /** The in-memory adapters and fixtures reach this classpath as test-jars, which DoNotIncludeTests does not spot. */
    static final class DoNotIncludeTestJars implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("-tests.jar");
        }
    }

    @ArchTest
    static final ArchRule domainIsPlainJava = classes().that().resideInAPackage("dev.accounts.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.accounts.domain..", "java..");

    @ArchTest
    static final ArchRule applicationSeesOnlyDomainAndReactor = classes().that().resideInAPackage("dev.accounts.application..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "dev.accounts.application..", "dev.accounts.domain..", "reactor..", "org.reactivestreams..", "java..");

    @ArchTest
    static final ArchRule noSpringInDomainOrApplication = noClasses().that()
            .resideInAnyPackage("dev.accounts.domain..", "dev.accounts.application..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..");

    @ArchTest
    static final ArchRule adaptersDoNotKnowEachOther =
            slices().matching("dev.accounts.adapters.(*)..").should().notDependOnEachOther();

    @ArchTest
    static final ArchRule onlyBootstrapSeesAdapters = noClasses().that()
            .resideOutsideOfPackages("dev.accounts.adapters..", "dev.accounts.bootstrap..")
            .should().dependOnClassesThat().resideInAPackage("dev.accounts.adapters..");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("dev.accounts.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule useCasesAreInPortInterfaces = classes().that().haveSimpleNameEndingWith("UseCase")
            .should().beInterfaces().andShould().resideInAPackage("dev.accounts.application.port.in");

    @ArchTest
    static final ArchRule outPortsAreInterfaces = classes().that().resideInAPackage("dev.accounts.application.port.out")
            .and().areTopLevelClasses().and().areNotAssignableTo(Throwable.class)
            .should().beInterfaces();
}
