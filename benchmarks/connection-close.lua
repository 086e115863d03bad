-- wrk script of tls-load.sh's handshake recipe: every request asks the server to close the
-- connection after its response, so wrk opens a new connection (a new, full TLS handshake: wrk
-- never offers a session to resume) for each request. req/s is then handshakes per second.
wrk.headers["Connection"] = "close"
