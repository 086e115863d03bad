package dev.aurora.internal.http;

/**
 * The transfer codings named across all {@code Transfer-Encoding} fields of one request, in order,
 * counted as the fields are parsed; {@link Framing} then decides whether they are acceptable. Made
 * only for a request that has the header; runs on the connection's virtual thread.
 */
final class TransferCodings {
    private static final byte[] CHUNKED = Ascii.bytes("chunked");

    private int count;
    private int chunkedCount;
    private boolean lastIsChunked;

    /** How many codings were named. */
    int count() {
        return count;
    }

    /** Whether the last coding is {@code chunked} and no other is. */
    boolean endsWithSingleChunked() {
        return lastIsChunked && chunkedCount == 1;
    }

    void add(byte[] b, int start, int end) {
        int i = start;
        while (i < end) {
            int elementStart = i;
            while (i < end && b[i] != ',') {
                i++;
            }
            int s = Ascii.skipOws(b, elementStart, i);
            int e = Ascii.trimOwsEnd(b, s, i);
            i++;
            if (s == e) {
                continue;
            }
            count++;
            lastIsChunked = Ascii.equalsLower(b, s, e - s, CHUNKED);
            if (lastIsChunked) {
                chunkedCount++;
            } else {
                for (int c = s; c < e; c++) {
                    if (!Ascii.isTchar(b[c]) && b[c] != ';' && b[c] != '=' && b[c] != Ascii.SP && b[c] != '"') {
                        throw new ProtocolException(400, "Malformed Transfer-Encoding");
                    }
                }
            }
        }
    }
}
