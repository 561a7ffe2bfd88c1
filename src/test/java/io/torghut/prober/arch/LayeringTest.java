package io.torghut.prober.arch;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The layering of issue 9, checked on the compiled main classes: one-way flow without package cycles, pure decision
 * code free of I/O clients, and the Kubernetes API (fabric8) behind the {@code k8s} adapter only.
 */
class LayeringTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.torghut.prober");
    private static final String[] IO_CLIENTS = {"io.fabric8..", "org.eclipse.jgit..", "java.sql..", "javax.sql..", "org.postgresql..",
        "java.net.http..", "io.vertx..", "io.agroal.."};

    @Test
    void noCyclesBetweenPackages() {
        slices().matching("io.torghut.prober.(**)").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void pureDecisionPackagesImportNoIoClient() {
        noClasses().that().resideInAnyPackage("io.torghut.prober.policy..", "io.torghut.prober.signal..", "io.torghut.prober.model..",
                        "io.torghut.prober.core..")
                .should().dependOnClassesThat().resideInAnyPackage(IO_CLIENTS)
                .because("decisions are pure functions of stored observations; only adapters talk to the world")
                .check(MAIN);
    }

    @Test
    void gitOpsEditingImportsNoIoClient() {
        noClasses().that().haveSimpleNameStartingWith("TradingFlagEditor")
                .or().haveSimpleNameStartingWith("EditVerifier")
                .or().haveSimpleNameStartingWith("KnativeServiceLocator")
                .or().haveSimpleNameStartingWith("YamlText")
                .or().haveSimpleNameStartingWith("Splice")
                .or().haveSimpleNameStartingWith("UnifiedDiff")
                .or().haveSimpleNameStartingWith("ManifestEdit")
                .should().dependOnClassesThat(resideInAnyPackage(IO_CLIENTS).and(not(resideInAPackage("org.eclipse.jgit.diff.."))))
                .because("the manifest edit is checked without git; JGit's repository and transport stay in JGitManifestRepository"
                        + " (its in-memory diff algorithm is pure and allowed)")
                .check(MAIN);
    }

    @Test
    void onlyK8sImportsFabric8() {
        noClasses().that().resideOutsideOfPackage("io.torghut.prober.k8s..")
                .should().dependOnClassesThat().resideInAPackage("io.fabric8..")
                .because("one Kubernetes adapter: one timeout and one error model, and the rest of the code reads plain records"
                        + " of the model package")
                .check(MAIN);
    }

    @Test
    void onlyK8sBuildsKubernetesApiPaths() {
        noClasses().that().resideOutsideOfPackage("io.torghut.prober.k8s..")
                .should().dependOnClassesThat().haveFullyQualifiedName("io.torghut.prober.k8s.ApiResource")
                .because("one Kubernetes adapter: one timeout and one error model")
                .check(MAIN);
    }
}
