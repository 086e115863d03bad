package dev.aurora.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailCheckTest {
    record Contact(@Email String email) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@b.co", "first.last+tag@example.com", "x_y-z@sub.domain.example.org",
        "o'brien@example.ie", "user@xn--bcher-kva.example", "jürgen@bücher.de", "1@2.io"})
    void accepts(String email) {
        assertEquals(List.of(), Schema.of(Contact.class).violations(new Contact(email)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "@example.com", "a@", "a@b", "a@@b.com", "a@b@c.com", "a b@c.com",
        ".a@b.com", "a.@b.com", "a..b@c.com", "a@-b.com", "a@b-.com", "a@b..com", "a@.b.com", "a@b.com.",
        "a@b.c", "a@1.23", "\"q\"@b.com", "a@[127.0.0.1]", "a@b_c.com", "a\u0001@b.com"})
    void rejects(String email) {
        assertEquals(List.of(new Violation("/email", "email", "must be a valid email address")),
                Schema.of(Contact.class).violations(new Contact(email)));
    }

    @org.junit.jupiter.api.Test
    void limitsLocalPartAndDomainLength() {
        String local64 = "a".repeat(64);
        String label63 = "b".repeat(63);
        assertEquals(true, EmailCheck.valid(local64 + "@" + label63 + ".com"));
        assertEquals(false, EmailCheck.valid(local64 + "a@b.com"));
        assertEquals(false, EmailCheck.valid("a@" + label63 + "b.com"));
        String domain = (label63 + ".").repeat(4); // 256 chars
        assertEquals(false, EmailCheck.valid("a@" + domain + "com"));
        assertEquals(true, EmailCheck.valid("a@" + (label63 + ".").repeat(3) + "b".repeat(61)));
    }
}
