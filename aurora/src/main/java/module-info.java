/** Aurora: an HTTP/1.1 web framework on virtual threads. */
module dev.aurora {
    requires transitive com.fasterxml.jackson.databind;
    requires org.slf4j;

    exports dev.aurora;
}
