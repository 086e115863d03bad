package dev.aurora.tests.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Gradle build in docs/getting-started.md cannot drift from the Maven project there, which
 * {@link GettingStartedTest} builds, nor from this build's versions. No Gradle distribution can be
 * downloaded where this runs, so the Gradle build itself is not run (the page says so); what can be
 * checked without Gradle is checked here.
 */
class GradleBuildTest {
    /** A "### `file`" heading followed by one fenced code block: a file of the Gradle variant. */
    private static final Pattern GRADLE_FILE = Pattern.compile("^### `([^`]+)`\\n\\n```kotlin\\n(.*?)\\n```$",
            Pattern.MULTILINE | Pattern.DOTALL);
    private static final Pattern AURORA_ARTIFACT = Pattern.compile("\"dev\\.aurora:([\\w-]+)[:\"]");

    private static Path root;
    private static String gradleSection;
    private static String settings;
    private static String build;
    private static String pom;
    private static String rootPom;

    @BeforeAll
    static void read() throws IOException {
        root = Path.of(System.getProperty("user.dir")).getParent();
        String doc = Files.readString(root.resolve("docs/getting-started.md"));
        int gradle = doc.indexOf("\n## Gradle\n");
        assertTrue(gradle > 0, "docs/getting-started.md has a \"## Gradle\" section");
        int next = doc.indexOf("\n## ", gradle + 1);
        gradleSection = next < 0 ? doc.substring(gradle) : doc.substring(gradle, next);
        Map<String, String> files = new LinkedHashMap<>();
        Matcher m = GRADLE_FILE.matcher(gradleSection);
        while (m.find()) {
            files.put(m.group(1), m.group(2));
        }
        assertEquals(List.of("settings.gradle.kts", "build.gradle.kts"), new ArrayList<>(files.keySet()));
        settings = files.get("settings.gradle.kts");
        build = files.get("build.gradle.kts");
        pom = GettingStartedTest.files(doc).get("pom.xml");
        rootPom = Files.readString(root.resolve("pom.xml"));
    }

    @Test
    void nameGroupAndVersionAreTheMavenProjects() {
        assertEquals(pomElement(pom, "artifactId"), one(settings, "rootProject\\.name = \"([^\"]+)\""));
        assertEquals(pomElement(pom, "groupId"), one(build, "(?m)^group = \"([^\"]+)\""));
        assertEquals(pomElement(pom, "version"), one(build, "(?m)^version = \"([^\"]+)\""));
    }

    @Test
    void theAuroraVersionIsThisBuilds() {
        String version = GettingStartedTest.projectVersion(rootPom);
        assertEquals(version, one(build, "val auroraVersion = \"([^\"]+)\""));
        assertEquals(version, one(pom, "<aurora.version>([^<]+)</aurora.version>"));
        assertTrue(build.contains("platform(\"dev.aurora:aurora-bom:$auroraVersion\")"), "the BOM is imported as a platform");
    }

    @Test
    void theAuroraArtifactsAreTheMavenProjectsAndTheBomManagesThem() throws IOException {
        Set<String> gradle = all(build, AURORA_ARTIFACT);
        Set<String> maven = all(pom, Pattern.compile("<groupId>dev\\.aurora</groupId>\\s*<artifactId>([\\w-]+)</artifactId>"));
        assertEquals(maven, gradle);
        String bom = Files.readString(root.resolve("aurora-bom/pom.xml"));
        assertTrue(gradle.remove(pomElement(bom, "artifactId")), "the BOM's artifactId: " + gradle);
        for (String artifact : gradle) {
            assertTrue(bom.contains("<artifactId>" + artifact + "</artifactId>"), artifact + " is in the BOM");
            assertTrue(Files.isRegularFile(root.resolve(artifact).resolve("pom.xml")), artifact + " is a module");
        }
    }

    @Test
    void logbackAndJunitAreTheVersionsThisBuildTestsWith() {
        String logback = one(rootPom, "<logback.version>([^<]+)</logback.version>");
        String junit = one(rootPom, "<junit.version>([^<]+)</junit.version>");
        assertEquals(logback, one(build, "\"ch\\.qos\\.logback:logback-classic:([^\"]+)\""));
        assertEquals(logback, one(pom, "<artifactId>logback-classic</artifactId>\\s*<version>([^<]+)</version>"));
        assertEquals(junit, one(build, "platform\\(\"org\\.junit:junit-bom:([^\"]+)\"\\)"));
        assertEquals(junit, one(pom, "<artifactId>junit-jupiter</artifactId>\\s*<version>([^<]+)</version>"));
        assertTrue(build.contains("testImplementation(\"org.junit.jupiter:junit-jupiter\")"), build);
        // Gradle 9 runs JUnit Platform tests only with a launcher on the test runtime class path.
        assertTrue(build.contains("testRuntimeOnly(\"org.junit.platform:junit-platform-launcher\")"), build);
        assertTrue(build.contains("useJUnitPlatform()"), build);
    }

    @Test
    void theJavaVersionIsTheMavenProjectsAndAuroras() {
        String release = one(rootPom, "<maven.compiler.release>(\\d+)</maven.compiler.release>");
        assertEquals(release, one(pom, "<maven.compiler.release>(\\d+)</maven.compiler.release>"));
        assertEquals(release, one(build, "languageVersion = JavaLanguageVersion\\.of\\((\\d+)\\)"));
    }

    @Test
    void theMainClassIsTheOneAppJavaDeclaresAndMavenRuns() throws IOException {
        Map<String, String> files = GettingStartedTest.files(Files.readString(root.resolve("docs/getting-started.md")));
        String app = files.get("src/main/java/com/example/App.java");
        String declared = one(app, "(?m)^package ([\\w.]+);") + "." + one(app, "(?m)^public final class (\\w+)");
        assertEquals(declared, one(build, "mainClass = \"([^\"]+)\""));
        assertEquals(declared, one(pom, "<argument>([\\w.]+)</argument>\\s*</arguments>"));
    }

    @Test
    void theSourcesAreTheOnesGettingStartedTestBuildsInGradlesDefaultLayout() throws IOException {
        Map<String, String> files = GettingStartedTest.files(Files.readString(root.resolve("docs/getting-started.md")));
        for (String path : files.keySet()) {
            if (path.startsWith("src/")) {
                assertTrue(gradleSection.contains("`" + path + "`"), "the Gradle section names " + path);
            }
        }
        assertFalse(gradleSection.contains("```java"), "no sources of its own");
        assertFalse(build.contains("sourceSets") || build.contains("srcDir"), "Gradle's default layout, as Maven's");
    }

    private static String pomElement(String xml, String element) {
        // The project's own coordinates: the first one after <modelVersion> (the page's pom has no parent).
        String afterModel = xml.substring(Math.max(0, xml.indexOf("</modelVersion>")));
        return one(afterModel, "<" + element + ">([^<]+)</" + element + ">");
    }

    private static String one(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), () -> "no match for " + regex + " in:\n" + text);
        return m.group(1);
    }

    private static Set<String> all(String text, Pattern pattern) {
        Set<String> found = new TreeSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
