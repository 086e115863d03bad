/** The chat example's tests, a module of their own, run on the module path. */
module dev.aurora.examples.chat.tests {
    requires dev.aurora.examples.chat;
    requires dev.aurora.test;

    opens dev.aurora.examples.chat.tests to org.junit.platform.commons, dev.aurora.test;
}
