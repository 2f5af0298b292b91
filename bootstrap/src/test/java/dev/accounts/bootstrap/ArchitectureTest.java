package dev.accounts.bootstrap;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.accounts.domain.session.Session;
import dev.accounts.domain.user.User;
import reactor.core.publisher.Sinks;


import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.constructors;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Every module's main code, the benchmarks included (they reach this classpath as a test dependency). */
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
    static final ArchRule onlyBootstrapAndBenchmarksSeeAdapters = noClasses().that()
            .resideOutsideOfPackages("dev.accounts.adapters..", "dev.accounts.bootstrap..", "dev.accounts.benchmarks..")
            .should().dependOnClassesThat().resideInAPackage("dev.accounts.adapters..");

    /** Fails if the benchmarks were not imported at all, which would make every rule silent about them. */
    @ArchTest
    static final ArchRule benchmarksMeasureAdaptersAndNothingUsesThem = classes().that().resideInAPackage("dev.accounts.benchmarks..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "dev.accounts.benchmarks..", "dev.accounts.adapters..", "dev.accounts.domain..", "org.openjdk.jmh..",
                    "org.springframework.security.crypto..", "java..")
            .andShould().onlyHaveDependentClassesThat().resideInAPackage("dev.accounts.benchmarks..");

    /** A session or a user changes only by its own methods; persistence may rebuild one from what it stored. */
    @ArchTest
    static final ArchRule aggregatesChangeStateOnlyThroughTheirOwnMethods = constructors().that().areDeclaredInClassesThat()
            .belongToAnyOf(Session.class, User.class)
            .should().onlyBeCalled().byClassesThat(belongToAnyOf(Session.class, User.class)
                    .or(resideInAPackage("dev.accounts.adapters.persistence..")));

    /** Caches, pools, executors and locks are throughput machinery; the application wires them around use cases, never into them. */
    @ArchTest
    static final ArchRule useCasesHoldNoThroughputMachinery = noClasses().that().resideInAPackage("dev.accounts.application..")
            .should().dependOnClassesThat().resideInAnyPackage("java.util.concurrent..", "reactor.core.scheduler..", "com.github.benmanes..")
            .orShould().dependOnClassesThat().belongToAnyOf(Sinks.class);

    @ArchTest
    static final ArchRule oneServicePerUseCase = classes().that().resideInAPackage("dev.accounts.application.service..")
            .should(new ArchCondition<>("implement at most one use case, and use no other service that implements one") {
                @Override
                public void check(JavaClass service, ConditionEvents events) {
                    long useCases = useCasesOf(service);
                    events.add(new SimpleConditionEvent(service, useCases <= 1, service.getName() + " implements " + useCases + " use cases"));
                    service.getDirectDependenciesFromSelf().stream()
                            .map(dependency -> dependency.getTargetClass())
                            .filter(target -> !target.equals(service) && target.getPackageName().startsWith("dev.accounts.application.service")
                                    && useCasesOf(target) > 0)
                            .distinct()
                            .forEach(other -> events.add(SimpleConditionEvent.violated(service, service.getName() + " uses the service " + other.getName())));
                }
            });

    private static long useCasesOf(JavaClass service) {
        return service.getAllRawInterfaces().stream().filter(port -> port.getPackageName().equals("dev.accounts.application.port.in")).count();
    }
}
