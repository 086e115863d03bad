/**
 * The chat example, as a module: {@code java --module-path ... -m
 * dev.aurora.examples.chat/dev.aurora.examples.chat.ChatApp} (what {@code exec:exec} runs).
 */
module dev.aurora.examples.chat {
    requires dev.aurora;

    // ChatApp.create, for the tests: a module of their own (dev.aurora.examples.chat.tests).
    exports dev.aurora.examples.chat;
}
