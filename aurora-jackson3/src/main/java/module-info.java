/** A {@link dev.aurora.json.JsonCodec} for Aurora on Jackson 3. */
module dev.aurora.jackson3 {
    requires transitive dev.aurora;
    requires transitive tools.jackson.databind;

    exports dev.aurora.jackson3;
}
