package dev.aurora.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test method twice: once with an in-process {@link AuroraTestClient} and once over a real
 * loopback socket, so one test body checks that both transports behave the same. Use it instead
 * of {@code @Test} (it is a {@link TestTemplate}); the two runs are shown as {@code [in-process]}
 * and {@code [socket]}.
 *
 * <pre>{@code
 * @AuroraTest
 * class GreetingTest {
 *     @TestApp
 *     static Aurora app() {
 *         return Aurora.create().get("/hi", ctx -> ctx.send("hi"));
 *     }
 *
 *     @BothTransports
 *     void saysHi(AuroraTestClient client) {
 *         client.get("/hi").send().assertStatus(200).assertBody("hi");
 *     }
 * }
 * }</pre>
 *
 * <p>In each run, parameters resolve as under {@link AuroraTest} with {@code server} set to the
 * run's transport, whatever {@code @AuroraTest(server = ...)} says: an {@link AuroraTestClient}
 * of that transport (fresh per run), and the {@link dev.aurora.Aurora} application (started in the
 * socket run). A static {@link TestApp} is shared by both runs; the socket run starts it and it
 * stays running until the class is done. Works with or without {@code @AuroraTest} on the class
 * (which may still set {@code virtualThread}).
 *
 * @see AuroraExtension
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@TestTemplate
@ExtendWith(AuroraExtension.class)
public @interface BothTransports {
}
