package dev.aurora.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a JUnit 5 test class (or method) that tests an Aurora application. The application comes
 * from the test's {@link TestApp} field or method; test methods, lifecycle methods and
 * constructors can then declare parameters of these types:
 * <ul>
 *   <li>{@link AuroraTestClient}: a fresh client (empty cookie jar) for each test, in-process by
 *       default or over a real loopback socket with {@code server = true};</li>
 *   <li>{@link dev.aurora.Aurora}: the application itself (in server mode already started, so
 *       {@code port()} works for clients of your own, such as {@code java.net.http.HttpClient});</li>
 *   <li>{@link LogCapture}: the log events of the test (needs Logback), detached after it.</li>
 * </ul>
 *
 * <pre>{@code
 * @AuroraTest
 * class GreetingTest {
 *     @TestApp
 *     static Aurora app() {
 *         return Aurora.create().get("/hi", ctx -> ctx.send("hi"));
 *     }
 *
 *     @Test
 *     void saysHi(AuroraTestClient client) {
 *         client.get("/hi").send().assertStatus(200).assertBody("hi");
 *     }
 * }
 * }</pre>
 *
 * <p>Equivalent to {@code @ExtendWith(AuroraExtension.class)}, which uses the defaults. On a
 * method, the annotation's attributes override the class's for that method.
 *
 * @see AuroraExtension
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(AuroraExtension.class)
public @interface AuroraTest {
    /**
     * Whether injected clients talk to a real server: the application is started on an ephemeral
     * port of its configured host (loopback if it listens on every address) the first time a test
     * in its scope asks for such a client, and stopped when the scope ends. {@code false} (the
     * default) runs requests in-process, through the same parser, router and writer, without a
     * socket.
     *
     * @return {@code true} for a real server on a random port
     */
    boolean server() default false;

    /**
     * Whether test methods run on a virtual thread of their own, as handlers do in production.
     * In-process requests from a virtual thread are served on it directly, without handing the
     * connection to another thread: a round trip then costs a few microseconds instead of the tens
     * a hop between OS threads costs (figures in {@code docs/performance.md}). Lifecycle methods
     * ({@code @BeforeEach} and the like) still run on JUnit's thread, so thread-locals they set are
     * not visible in the test. {@code false} by default.
     *
     * @return {@code true} to run test methods on a virtual thread
     */
    boolean virtualThread() default false;
}
