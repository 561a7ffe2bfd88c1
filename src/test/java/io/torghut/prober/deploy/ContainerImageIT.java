package io.torghut.prober.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.torghut.prober.deploy.Dockerfile.Instruction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Dockerfiles are well-formed and fit the build's output (this runs after {@code package}): every COPY source
 * exists in target/ (the native runner's name is the one Quarkus writes), the ports are the application's, the user
 * is not root, and the JVM image runs with the JVM options the ConfigMap sets. No Docker daemon runs here: the images
 * themselves are built by the pipeline (.github/workflows/ci.yml) on a tag.
 */
class ContainerImageIT {
    private static final Path JVM = Path.of("src/main/docker/Dockerfile.jvm");
    private static final Path NATIVE = Path.of("src/main/docker/Dockerfile.native-micro");

    @Test
    void theContainerImageExtensionBuildsTheseDockerfilesOnlyWhenAsked() throws IOException {
        Map<String, String> properties = ApplicationProperties.load();
        assertEquals("false", properties.get("quarkus.container-image.build"), "no build may need a Docker daemon");
        assertEquals("false", properties.get("quarkus.container-image.push"));
        assertEquals(JVM.toString(), properties.get("quarkus.docker.dockerfile-jvm-path"));
        assertEquals(NATIVE.toString(), properties.get("quarkus.docker.dockerfile-native-path"));
        assertTrue(Files.readString(Path.of("pom.xml")).contains("<artifactId>quarkus-container-image-docker</artifactId>"));
    }

    @Test
    void jvmImageCopiesTheFastJarLayersThatPackageWrote() {
        Dockerfile jvm = Dockerfile.parse(JVM);
        assertCommonShape(jvm);
        List<Instruction> copies = jvm.all("COPY");
        assertEquals(4, copies.size(), "lib, the jars, app, quarkus: four layers");
        for (Instruction copy : copies) {
            for (String source : Dockerfile.sources(copy)) {
                assertTrue(source.startsWith("target/quarkus-app/"), source);
                assertFalse(matches(source).isEmpty(), "COPY " + source + " matches nothing in the build output");
            }
        }
        String jar = env(jvm, "JAVA_APP_JAR");
        assertEquals("/deployments/quarkus-run.jar", jar);
        assertTrue(Files.isRegularFile(Path.of("target/quarkus-app/quarkus-run.jar")));
        assertEquals("[ \"/opt/jboss/container/java/run/run-java.sh\" ]", jvm.all("ENTRYPOINT").get(0).arguments());
    }

    /**
     * run-java.sh uses JAVA_OPTS instead of everything else when it is set (the image's defaults and JAVA_OPTS_APPEND),
     * so the ConfigMap's JAVA_OPTS must carry every flag the image appends, and scripts/run.sh reads the same name.
     */
    @Test
    void jvmImageHonoursTheJavaOptsOfTheConfigMap() throws IOException {
        String appended = env(Dockerfile.parse(JVM), "JAVA_OPTS_APPEND");
        String configMap = Files.readAllLines(Path.of("k8s/base/prober.env")).stream().filter(l -> l.startsWith("JAVA_OPTS="))
                .map(l -> l.substring("JAVA_OPTS=".length())).findFirst().orElseThrow(() -> new AssertionError("no JAVA_OPTS in prober.env"));
        Set<String> flags = Set.of(configMap.split("\\s+"));
        for (String flag : appended.split("\\s+")) {
            assertTrue(flags.contains(flag), "JAVA_OPTS replaces JAVA_OPTS_APPEND in run-java.sh: the ConfigMap must keep " + flag);
        }
        assertTrue(flags.stream().anyMatch(f -> f.startsWith("-Xmx") || f.startsWith("-XX:MaxRAMPercentage=")),
                "the heap has a ceiling below the container limit (-Xmx, sized by bench/footprint.sh, or MaxRAMPercentage)");
        assertTrue(Files.readString(Path.of("scripts/run.sh")).contains("${JAVA_OPTS:-}"), "scripts/run.sh reads JAVA_OPTS too");
    }

    /**
     * A JVM refuses to start on a flag it does not know, so a typo or a flag newer than the image's JDK 17 would crash
     * every pod: the JVM running this test must accept the whole line. The JVM test run (scripts/test.sh) is on the
     * machine's Java 17, like the image; the native stage runs it again on Temurin 25. TrimNativeHeapInterval needs
     * 17.0.9 or later.
     */
    @Test
    void aJava17JvmAcceptsEveryFlagOfTheConfigMapsJavaOpts() throws IOException, InterruptedException {
        String configMap = Files.readAllLines(Path.of("k8s/base/prober.env")).stream().filter(l -> l.startsWith("JAVA_OPTS="))
                .map(l -> l.substring("JAVA_OPTS=".length())).findFirst().orElseThrow(() -> new AssertionError("no JAVA_OPTS in prober.env"));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(configMap.trim().split("\\s+")));
        command.add("-version");
        Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, java.waitFor(), "java " + configMap + " -version failed:\n" + output);
    }

    @Test
    void nativeImageCopiesTheRunnerQuarkusWrites() {
        Dockerfile nativeImage = Dockerfile.parse(NATIVE);
        assertCommonShape(nativeImage);
        List<Instruction> copies = nativeImage.all("COPY");
        assertEquals(1, copies.size());
        assertEquals(List.of("target/*-runner"), Dockerfile.sources(copies.get(0)));
        // The runner only exists after a native build; its name is fixed by the build: <finalName>-runner.
        Path runner = Path.of(System.getProperty("native.image.path", "target/torghut-prober-0.1.0-SNAPSHOT-runner"));
        Path relative = Path.of("").toAbsolutePath().relativize(runner.toAbsolutePath());
        assertTrue(FileSystems.getDefault().getPathMatcher("glob:target/*-runner").matches(relative), relative.toString());
        String entrypoint = nativeImage.all("ENTRYPOINT").get(0).arguments();
        assertTrue(entrypoint.startsWith("[\"./application\""));
        // Without a cap the native heap grows to a quarter of the node's memory (139 MiB RSS with 100 targets measured).
        assertTrue(entrypoint.contains("\"-Xmx48m\"") && entrypoint.contains("\"-Xmn8m\""), entrypoint);
    }

    private static void assertCommonShape(Dockerfile file) {
        assertEquals("FROM", file.instructions().get(0).keyword(), file.path() + " starts with FROM");
        String image = file.instructions().get(0).arguments();
        assertTrue(image.matches("[a-z0-9.-]+/[a-z0-9./-]+:[0-9][0-9.]*"), "pinned base image: " + image);
        Set<String> exposed = Set.of(String.join(" ", file.all("EXPOSE").stream().map(Instruction::arguments).toList()).split("\\s+"));
        assertEquals(Set.of("8080", "9000"), exposed, file.path() + ": http and management ports");
        String user = file.all("USER").get(file.all("USER").size() - 1).arguments();
        assertFalse(user.equals("0") || user.equals("root"), file.path() + " runs as root");
        String entrypoint = file.all("ENTRYPOINT").get(0).arguments();
        assertTrue(entrypoint.startsWith("[") && entrypoint.endsWith("]"), "exec form (signals reach the JVM): " + entrypoint);
    }

    private static String env(Dockerfile file, String name) {
        return file.all("ENV").stream().map(Instruction::arguments).filter(a -> a.startsWith(name + "="))
                .map(a -> a.substring(name.length() + 1).replaceAll("^\"|\"$", "")).findFirst()
                .orElseThrow(() -> new AssertionError(file.path() + " sets no " + name));
    }

    private static List<Path> matches(String glob) {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob.replaceAll("/$", ""));
        try (Stream<Path> paths = Files.walk(Path.of("target/quarkus-app"), 1)) {
            return paths.filter(matcher::matches).toList();
        } catch (IOException e) {
            throw new AssertionError("no target/quarkus-app: run ./mvnw verify (package first)", e);
        }
    }
}
