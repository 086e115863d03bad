package dev.aurora.internal.websocket;

import java.util.List;
import java.util.Locale;

/**
 * Picks the client's first acceptable {@code permessage-deflate} offer (RFC 7692 section 7) from
 * its {@code Sec-WebSocket-Extensions} fields and says what the response names.
 *
 * <p>An offer is declined when a parameter is unknown, repeated or has a bad value, and when it
 * asks the server for a window below 15 bits: {@code java.util.zip.Deflater} always uses 32 KiB,
 * so the server cannot promise less. The client's window needs no limit (an {@code Inflater}
 * takes any), so {@code client_max_window_bits} is never answered. Any thread.
 *
 * @param serverNoContextTakeover the server resets its compressor after every message
 * @param clientNoContextTakeover the client resets its compressor, so the server may reset its inflater
 * @param response the {@code Sec-WebSocket-Extensions} value of the 101 response
 */
record DeflateNegotiation(boolean serverNoContextTakeover, boolean clientNoContextTakeover, String response) {
    static final String NAME = "permessage-deflate";

    /** @return the accepted offer, or null when there is none to accept */
    static DeflateNegotiation negotiate(List<String> headerValues) {
        for (String field : headerValues) {
            for (String offer : field.split(",")) {
                DeflateNegotiation accepted = accept(offer);
                if (accepted != null) {
                    return accepted;
                }
            }
        }
        return null;
    }

    private static DeflateNegotiation accept(String offer) {
        String[] parts = offer.split(";");
        if (!parts[0].trim().equalsIgnoreCase(NAME)) {
            return null;
        }
        boolean serverReset = false;
        boolean clientReset = false;
        boolean serverBits = false;
        boolean clientBits = false;
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            int eq = p.indexOf('=');
            String name = (eq < 0 ? p : p.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
            String value = eq < 0 ? null : unquote(p.substring(eq + 1).trim());
            switch (name) {
                case "server_no_context_takeover" -> {
                    if (serverReset || value != null) {
                        return null;
                    }
                    serverReset = true;
                }
                case "client_no_context_takeover" -> {
                    if (clientReset || value != null) {
                        return null;
                    }
                    clientReset = true;
                }
                case "server_max_window_bits" -> {
                    // Only 15 can be honoured: the JDK's deflater has a fixed window.
                    if (serverBits || windowBits(value) != 15) {
                        return null;
                    }
                    serverBits = true;
                }
                case "client_max_window_bits" -> {
                    if (clientBits || value != null && windowBits(value) < 0) {
                        return null;
                    }
                    clientBits = true;
                }
                default -> {
                    return null;
                }
            }
        }
        StringBuilder response = new StringBuilder(NAME);
        if (serverReset) {
            response.append("; server_no_context_takeover");
        }
        if (clientReset) {
            response.append("; client_no_context_takeover");
        }
        if (serverBits) {
            response.append("; server_max_window_bits=15");
        }
        return new DeflateNegotiation(serverReset, clientReset, response.toString());
    }

    /** @return 8-15, or -1 when {@code value} is not a window size */
    private static int windowBits(String value) {
        if (value == null || value.isEmpty() || value.length() > 2 || !value.chars().allMatch(Character::isDigit)
                || value.charAt(0) == '0') {
            return -1;
        }
        int bits = Integer.parseInt(value);
        return bits >= 8 && bits <= 15 ? bits : -1;
    }

    private static String unquote(String v) {
        return v.length() >= 2 && v.charAt(0) == '"' && v.charAt(v.length() - 1) == '"' ? v.substring(1, v.length() - 1) : v;
    }
}
