package io.torghut.prober.arch;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The picture of docs/architecture.md, checked on the compiled main classes: {@code boot} on top, {@code feature.*}
 * (what the prober does) over {@code adapter.*} (one small bean per external system) over {@code shared}; no package
 * cycles; pure decision code free of I/O clients; each client library behind its one adapter.
 */
class LayeringTest {
    private static final String ROOT = "io.torghut.prober";
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);
    /** Libraries that talk to an external system (Vert.x included: the pure code has no business with a server either). */
    private static final String[] IO_CLIENTS = {"io.fabric8..", "org.eclipse.jgit..", "java.sql..", "javax.sql..", "org.postgresql..",
        "java.net.http..", "io.vertx..", "io.agroal.."};
    /** The clients of the external systems the adapters wrap (the HTTP edge of a feature may still use Vert.x's router). */
    private static final String[] EXTERNAL_CLIENTS = {"io.fabric8..", "org.eclipse.jgit..", "java.sql..", "javax.sql..",
        "org.postgresql..", "java.net.http..", "io.agroal.."};

    @Test
    void noCyclesBetweenPackages() {
        slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void pureDecisionPackagesImportNoIoClient() {
        noClasses().that().resideInAnyPackage(ROOT + ".shared..", ROOT + ".feature.signal..", ROOT + ".feature.verdict..",
                        ROOT + ".feature.runbook..", ROOT + ".feature.pause.decision..", ROOT + ".feature.pause.model..",
                        ROOT + ".feature.pause.rollout..")
                .should().dependOnClassesThat().resideInAnyPackage(IO_CLIENTS)
                .because("decisions are pure functions of stored observations; only adapters talk to the world")
                .check(MAIN);
    }

    /**
     * The pause's rooms, top to bottom: edge (HTTP), record (audit, metrics, view, /diagnose), decision (with the
     * schedules and the stop order), model (the records every room speaks) and rollout (is the pause effective?),
     * manifest beside; the root holds the configuration, which every room's producers read. A room only uses rooms below
     * it, so the decision can be read without the HTTP edge or the record.
     */
    @Test
    void thePauseRoomsAreLayered() {
        String pause = ROOT + ".feature.pause";
        noClasses().that().resideInAnyPackage(pause + ".record..", pause + ".decision..", pause + ".model..", pause + ".rollout..",
                        pause + ".manifest..")
                .should().dependOnClassesThat().resideInAPackage(pause + ".edge..").check(MAIN);
        noClasses().that().resideInAnyPackage(pause + ".decision..", pause + ".model..", pause + ".rollout..", pause + ".manifest..")
                .should().dependOnClassesThat().resideInAPackage(pause + ".record..").check(MAIN);
        noClasses().that().resideInAnyPackage(pause + ".model..", pause + ".rollout..", pause + ".manifest..")
                .should().dependOnClassesThat().resideInAPackage(pause + ".decision..").check(MAIN);
        noClasses().that().resideInAPackage(pause)
                .should().dependOnClassesThat().resideInAnyPackage(pause + ".edge..", pause + ".record..", pause + ".decision..",
                        pause + ".rollout..").check(MAIN);
    }

    /** One name for the composition: a class with CDI producer methods is a {@code *Producers}, one per package that wires. */
    @Test
    void producersAreNamedProducers() {
        methods().that().areAnnotatedWith("jakarta.enterprise.inject.Produces")
                .should().beDeclaredInClassesThat().haveSimpleNameEndingWith("Producers")
                .because("docs/architecture.md: *Producers build beans, *Lifecycle owns schedules and the stop order")
                .check(MAIN);
    }

    @Test
    void manifestEditingImportsNoIoClient() {
        noClasses().that().resideInAPackage(ROOT + ".feature.pause.manifest..")
                .should().dependOnClassesThat(resideInAnyPackage(IO_CLIENTS).and(not(resideInAPackage("org.eclipse.jgit.diff.."))))
                .because("the manifest edit is checked without git; JGit's repository and transport stay in adapter.git"
                        + " (its in-memory diff algorithm is pure and allowed)")
                .check(MAIN);
    }

    @Test
    void featuresNeverImportAnAdaptersClient() {
        noClasses().that().resideInAPackage(ROOT + ".feature..")
                .should().dependOnClassesThat(resideInAnyPackage(EXTERNAL_CLIENTS).and(not(resideInAPackage("org.eclipse.jgit.diff.."))))
                .because("every external system is behind a small bean of adapter.*, which owns its timeouts and error model")
                .check(MAIN);
    }

    @Test
    void adaptersDependOnNoFeature() {
        noClasses().that().resideInAPackage(ROOT + ".adapter..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".feature..", ROOT + ".boot..")
                .because("an adapter is a client of one external system; what to do with it is a feature's decision")
                .check(MAIN);
    }

    @Test
    void sharedDependsOnNothingAboveIt() {
        noClasses().that().resideInAPackage(ROOT + ".shared..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".adapter..", ROOT + ".feature..", ROOT + ".boot..")
                .because("shared is the bottom: failure reasons, redaction, free text and the plain records everyone reads")
                .check(MAIN);
    }

    @Test
    void nothingButBootDependsOnBoot() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".boot..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".boot..")
                .because("boot starts and stops the prober; nothing it starts may call back into it")
                .check(MAIN);
    }

    @Test
    void onlyTheKubernetesAdapterImportsFabric8() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".adapter.kubernetes..")
                .should().dependOnClassesThat().resideInAPackage("io.fabric8..")
                .because("one Kubernetes adapter: one timeout and one error model, and the rest of the code reads plain records"
                        + " of shared.model")
                .check(MAIN);
    }

    @Test
    void onlyTheKubernetesAdapterBuildsKubernetesApiPaths() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".adapter.kubernetes..")
                .should().dependOnClassesThat().haveFullyQualifiedName(ROOT + ".adapter.kubernetes.ApiResource")
                .because("one Kubernetes adapter: one timeout and one error model")
                .check(MAIN);
    }

    @Test
    void onlyTheGitAdapterImportsJGit() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".adapter.git..")
                .and().resideOutsideOfPackage(ROOT + ".boot.nativeimage..")
                .should().dependOnClassesThat(resideInAPackage("org.eclipse.jgit..").and(not(resideInAPackage("org.eclipse.jgit.diff.."))))
                .because("JGit's repository and transport stay in adapter.git (the native image's substitutions of JGit classes"
                        + " in boot.nativeimage name them, and the pure diff of pause.manifest uses JGit's in-memory diff)")
                .check(MAIN);
    }

    @Test
    void onlyThePostgresAdapterImportsJdbc() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".adapter.postgres..")
                .and().resideOutsideOfPackage(ROOT + ".boot.nativeimage..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.postgresql..")
                .because("one JDBC adapter (the native image's substitution of a pgjdbc class in boot.nativeimage names it)")
                .check(MAIN);
    }

    @Test
    void onlyTheHttpAdapterImportsTheJdkHttpClient() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".adapter.http..")
                .should().dependOnClassesThat().resideInAPackage("java.net.http..")
                .because("one HTTP client: one send with a timeout and a bounded body, for Torghut, ClickHouse and every target")
                .check(MAIN);
    }
}
