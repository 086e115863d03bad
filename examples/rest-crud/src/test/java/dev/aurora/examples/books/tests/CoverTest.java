package dev.aurora.examples.books.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.examples.books.Book;
import dev.aurora.test.AuroraTestClient;
import dev.aurora.test.BothTransports;
import dev.aurora.test.Multipart;
import dev.aurora.test.TestResponse;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@code PUT /books/:id/cover} as multipart/form-data, and {@code GET} to download it. */
class CoverTest extends BooksAppTest {

    @BothTransports
    void anUploadedCoverIsANewVersionAndDownloadsByteForByte(AuroraTestClient client) {
        Book book = Books.create(client, "The Cyberiad", "Stanisław Lem", 1965);
        byte[] png = bytes(100_000); // over the in-memory threshold: spooled to a temporary file

        Book withCover = upload(client, book, "cyberiad.png", "image/png", png)
                .assertStatus(200)
                .assertHeader("ETag", "\"2\"")
                .json(Book.class);
        assertEquals("/books/" + book.id() + "/cover", withCover.cover());
        assertEquals(2, withCover.version());

        TestResponse download = client.get(withCover.cover()).send()
                .assertStatus(200)
                .assertHeader("Content-Type", "image/png")
                .assertHeader("Content-Length", "100000")
                .assertHeader("Content-Disposition", "inline; filename=\"cyberiad.png\"");
        assertArrayEquals(png, download.body());
        client.get(withCover.cover()).header("If-None-Match", download.header("ETag")).send()
                .assertStatus(304)
                .assertBody("");
    }

    @Test
    void aNewCoverGetsANewETagAndAFilenameInAnyScript(AuroraTestClient client) {
        Book book = Books.create(client, "Solaris", "Stanisław Lem", 1961);
        Book v2 = upload(client, book, "a.jpg", "image/jpeg", bytes(10)).assertStatus(200).json(Book.class);
        String first = client.get(v2.cover()).send().header("ETag");

        upload(client, v2, "表紙.webp", "image/webp", bytes(20)).assertStatus(200);
        TestResponse second = client.get(v2.cover()).send()
                .assertStatus(200)
                .assertHeader("Content-Type", "image/webp")
                .assertHeader("Content-Disposition", "inline; filename=\"_.webp\"; filename*=UTF-8''%E8%A1%A8%E7%B4%99.webp");
        assertNotEquals(first, second.header("ETag"));
    }

    @Test
    void onlyImagesAreCovers(AuroraTestClient client) {
        Book book = Books.create(client, "Eden", "Stanisław Lem", 1959);
        String detail = upload(client, book, "notes.txt", "text/plain", bytes(10)).assertStatus(415).problem().detail();
        assertEquals("A cover is PNG, JPEG, GIF or WebP, not text/plain", detail);
        assertEquals(1, Books.get(client, book.id()).version(), "nothing changed");
    }

    @Test
    void theFileMustBeInTheCoverField(AuroraTestClient client) {
        Book book = Books.create(client, "Eden", "Stanisław Lem", 1959);
        client.put("/books/" + book.id() + "/cover").header("If-Match", book.etag())
                .multipart(Multipart.create().file("image", "c.png", "image/png", bytes(10)))
                .send()
                .assertStatus(400);
        client.put("/books/" + book.id() + "/cover").header("If-Match", book.etag())
                .json(book)
                .send()
                .assertStatus(415);
    }

    @Test
    void aCoverOverTwoMebibytesIs413(AuroraTestClient client) {
        Book book = Books.create(client, "Memoirs Found in a Bathtub", "Stanisław Lem", 1961);
        String detail = upload(client, book, "big.png", "image/png", bytes(2 * 1024 * 1024 + 1))
                .assertStatus(413).problem().detail();
        assertTrue(detail.contains("'cover'"), detail);
        assertEquals(1, Books.get(client, book.id()).version());
    }

    @Test
    void aBookWithoutACoverHasNoneToDownload(AuroraTestClient client) {
        Book book = Books.create(client, "Return from the Stars", "Stanisław Lem", 1961);
        assertEquals("Book " + book.id() + " has no cover",
                client.get("/books/" + book.id() + "/cover").send().assertStatus(404).problem().detail());
    }

    private static TestResponse upload(AuroraTestClient client, Book book, String name, String type, byte[] content) {
        return client.put("/books/" + book.id() + "/cover").header("If-Match", book.etag())
                .multipart(Multipart.create().field("note", "front").file("cover", name, type, content))
                .send();
    }

    private static byte[] bytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
