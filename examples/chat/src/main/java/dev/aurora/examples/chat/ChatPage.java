package dev.aurora.examples.chat;

/** The page at {@code /}: a message list, a form, and the browser's WebSocket API. */
final class ChatPage {
    static final String HTML = """
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>Aurora chat</title>
              <style>
                body { font-family: sans-serif; max-width: 40em; margin: 2em auto; }
                #log { list-style: none; padding: 0; height: 20em; overflow-y: auto; border: 1px solid #ccc; }
                #log li { padding: .2em .5em; }
              </style>
            </head>
            <body>
              <h1>Aurora chat</h1>
              <ul id="log"></ul>
              <form id="form"><input id="text" autocomplete="off" autofocus> <button>Send</button></form>
              <script>
                const name = prompt("Your name?") || "anonymous";
                const scheme = location.protocol === "https:" ? "wss://" : "ws://";
                const ws = new WebSocket(scheme + location.host + "/chat?name=" + encodeURIComponent(name));
                const log = document.getElementById("log");
                function show(text) {
                  const li = document.createElement("li");
                  li.textContent = text;   // never innerHTML: messages come from other users
                  log.appendChild(li);
                  log.scrollTop = log.scrollHeight;
                }
                ws.onmessage = (event) => show(event.data);
                ws.onclose = (event) => show("* disconnected (" + event.code + ")");
                document.getElementById("form").onsubmit = (event) => {
                  event.preventDefault();
                  const input = document.getElementById("text");
                  if (input.value && ws.readyState === WebSocket.OPEN) {
                    ws.send(input.value);
                    input.value = "";
                  }
                };
              </script>
            </body>
            </html>
            """;

    private ChatPage() {
    }
}
