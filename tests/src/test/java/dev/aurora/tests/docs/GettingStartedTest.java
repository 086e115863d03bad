package dev.aurora.tests.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/getting-started.md cannot rot: its files are written out as a new project, which is built
 * and tested with Maven against the Aurora this build installed in the local repository
 * ({@code .ci/run} installs it first; without it the test is skipped, saying how to install).
 */
class GettingStartedTest {
    /** A "## `path`" heading followed by one fenced code block: a file of the sample project. */
    private static final Pattern FILE = Pattern.compile("^## `([^`]+)`\\n\\n```[a-z]*\\n(.*?)\\n```$",
            Pattern.MULTILINE | Pattern.DOTALL);

    @TempDir
    Path project;

    @Test
    void theDocumentedProjectBuildsAndItsTestsPass() throws Exception {
        Path root = Path.of(System.getProperty("user.dir")).getParent();
        String doc = Files.readString(root.resolve("docs/getting-started.md"));
        Map<String, String> files = files(doc);
        assertEquals(List.of("pom.xml", "src/main/java/com/example/App.java", "src/test/java/com/example/AppTest.java"),
                new ArrayList<>(files.keySet()));

        String version = projectVersion(Files.readString(root.resolve("pom.xml")));
        assertTrue(files.get("pom.xml").contains("<aurora.version>" + version + "</aurora.version>"),
                "the page names this build's version, " + version);
        Path bom = localRepository().resolve("dev/aurora/aurora-bom/" + version);
        assumeTrue(Files.isDirectory(bom), "Aurora " + version + " is not in the local repository (" + bom
                + "); install it first: ./mvnw -B -q install -pl aurora,aurora-test,aurora-bom -am -DskipTests");

        for (Map.Entry<String, String> file : files.entrySet()) {
            Path target = project.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue() + "\n");
        }
        ProcessBuilder build = new ProcessBuilder(root.resolve("mvnw").toString(), "-B", "-ntp", "--show-version",
                "verify", "-f", project.resolve("pom.xml").toString())
                .directory(project.toFile())
                .redirectErrorStream(true)
                .redirectOutput(project.resolve("build.log").toFile());
        // As on the machine the page promises to work on: no JAVA_HOME, Java 17 the default java (when
        // one is installed); the page's toolchain picks a JDK 21+ for compiling and testing.
        build.environment().remove("JAVA_HOME");
        Path java17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64/bin");
        if (Files.isExecutable(java17.resolve("java"))) {
            build.environment().merge("PATH", java17.toString(), (path, jdk) -> jdk + java.io.File.pathSeparator + path);
        }
        Process p = build.start();
        boolean finished = p.waitFor(5, TimeUnit.MINUTES);
        String log = Files.readString(project.resolve("build.log"));
        if (!finished) {
            p.destroyForcibly();
        }
        assertTrue(finished, "the build did not finish in 5 minutes:\n" + tail(log));
        assertEquals(0, p.exitValue(), tail(log));
        if (Files.isExecutable(java17.resolve("java"))) {
            assertTrue(log.contains("Java version: 17"), "Maven ran on Java 17:\n" + tail(log));
        }
        String report = Files.readString(project.resolve("target/surefire-reports/TEST-com.example.AppTest.xml"),
                StandardCharsets.UTF_8);
        assertTrue(report.contains("tests=\"2\"") && report.contains("failures=\"0\"") && report.contains("errors=\"0\""),
                report);
    }

    static Map<String, String> files(String doc) {
        Map<String, String> files = new LinkedHashMap<>();
        Matcher m = FILE.matcher(doc);
        while (m.find()) {
            files.put(m.group(1), m.group(2));
        }
        return files;
    }

    static String projectVersion(String pom) {
        // The project's own version: the first <version> after its <artifactId>aurora-parent</artifactId>.
        Matcher m = Pattern.compile("<artifactId>aurora-parent</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertTrue(m.find(), "no version in the root pom");
        return m.group(1);
    }

    private static Path localRepository() {
        String configured = System.getProperty("maven.repo.local");
        return configured != null ? Path.of(configured) : Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    private static String tail(String log) {
        return log.length() > 6000 ? log.substring(log.length() - 6000) : log;
    }
}
