-- wrk script of tls-load.sh's resumed recipe: every request asks the server to close the
-- connection after its response, so wrk opens a new TCP connection for each request. wrk 4.1
-- offers the session ticket it got before, so each new connection is a resumed TLS 1.3 handshake
-- (PSK with X25519, no certificate): req/s is then returning clients' connections per second.
wrk.headers["Connection"] = "close"
