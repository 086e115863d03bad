package dev.aurora.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.JsonConfig;
import dev.aurora.ServerConfig;
import dev.aurora.TargetCharacters;
import dev.aurora.TrailingSlash;
import dev.aurora.schema.Range;
import dev.aurora.schema.Required;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigurationTest {
    @TempDir
    Path dir;

    record Pool(int minSize, @Range(min = 1, max = 100) int maxSize) {
    }

    record Replica(@Required String host, int port) {
    }

    enum Mode { PRIMARY, REPLICA }

    record Db(
            @Required String url,
            @Range(min = 1, max = 64) int poolSize,
            Duration timeout,
            List<String> hosts,
            Set<Integer> ports,
            boolean readOnly,
            Pool pool,
            List<Replica> replicas,
            Map<String, String> labels,
            Mode mode,
            long cacheBytes) {
        public static Db defaults() {
            return new Db(null, 4, Duration.ofSeconds(3), List.of("a"), Set.of(), false, new Pool(2, 8),
                    List.of(), Map.of(), Mode.PRIMARY, 0);
        }
    }

    /** A builder that sees only what each test gives it: no process environment or properties. */
    private Configuration.Builder isolated() {
        return Configuration.builder().environment(Map.of()).systemProperties(Map.of()).sections("db");
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    private ConfigProblem onlyProblem(Runnable action) {
        ConfigException e = assertThrows(ConfigException.class, action::run);
        assertEquals(1, e.problems().size(), e::getMessage);
        return e.problems().getFirst();
    }

    @Nested
    class Files_ {
        @Test
        void tomlBindsTheServerSectionWithDefaultsForTheRest() throws IOException {
            Path file = write("aurora.toml", """
                    # comment
                    [server]
                    host = "127.0.0.1"
                    port = 9090
                    header_timeout = "5s"
                    max-body-size = "1MiB"
                    trailingSlash = "redirect"
                    """);
            ServerConfig server = isolated().file(file).build().server();
            ServerConfig expected = ServerConfig.defaults().withHost("127.0.0.1").withPort(9090)
                    .withHeaderTimeout(Duration.ofSeconds(5)).withMaxBodySize(1024 * 1024)
                    .withTrailingSlash(TrailingSlash.REDIRECT);
            assertEquals(expected, server);
        }

        @Test
        void slowClientAndConcurrencyLimitsBindFromTheFile() throws IOException {
            Path file = write("limits.toml", """
                    [server]
                    first_request_timeout = "2s"
                    min_body_rate = 0
                    body_rate_grace = "500ms"
                    max_concurrent_requests = 64
                    max_queued_requests = 128
                    request_queue_timeout = "250ms"
                    """);
            ServerConfig server = isolated().file(file).build().server();
            assertEquals(ServerConfig.defaults().withFirstRequestTimeout(Duration.ofSeconds(2)).withMinBodyRate(0)
                    .withBodyRateGrace(Duration.ofMillis(500)).withMaxConcurrentRequests(64).withMaxQueuedRequests(128)
                    .withRequestQueueTimeout(Duration.ofMillis(250)), server);
        }

        @Test
        void targetCharactersBindFromTheFileAndTheEnvironmentOverridesThem() throws IOException {
            Path file = write("targets.toml", """
                    [server]
                    target_characters = "strict"
                    """);
            assertEquals(TargetCharacters.STRICT, isolated().file(file).build().server().targetCharacters());
            ServerConfig overridden = isolated().file(file)
                    .environment(Map.of("AURORA_SERVER_TARGET_CHARACTERS", "lenient")).build().server();
            assertEquals(TargetCharacters.LENIENT, overridden.targetCharacters());
        }

        @Test
        void jsonBindsTheSameWay() throws IOException {
            Path file = write("aurora.json", """
                    {"server": {"port": 9091, "keepAliveTimeout": "PT1M", "maxConnections": 50}}
                    """);
            ServerConfig server = isolated().file(file).build().server();
            assertEquals(ServerConfig.defaults().withPort(9091).withKeepAliveTimeout(Duration.ofMinutes(1))
                    .withMaxConnections(50), server);
        }

        @Test
        void anApplicationSectionBindsNestedRecordsListsAndMaps() throws IOException {
            Path file = write("app.toml", """
                    [db]
                    url = "jdbc:h2:mem:x"
                    pool_size = 16
                    hosts = ["h1", "h2"]
                    ports = [1, 2, 2]
                    read_only = true
                    mode = "replica"
                    cache_bytes = "64KiB"
                    labels = { team = "core", "tier.name" = "gold" }

                    [db.pool]
                    max_size = 32

                    [[db.replicas]]
                    host = "r1"
                    port = 5432

                    [[db.replicas]]
                    host = "r2"
                    """);
            Db db = isolated().file(file).build().section("db", Db.class);
            assertEquals(new Db("jdbc:h2:mem:x", 16, Duration.ofSeconds(3), List.of("h1", "h2"), Set.of(1, 2), true,
                    new Pool(2, 32), List.of(new Replica("r1", 5432), new Replica("r2", 0)),
                    Map.of("team", "core", "tier.name", "gold"), Mode.REPLICA, 65536), db);
        }

        @Test
        void theJsonSectionBindsJsonConfig() throws IOException {
            Path file = write("json.toml", "[json]\nfail_on_unknown_properties = false\nmax_nesting_depth = 32\n");
            Configuration config = isolated().environment(Map.of("AURORA_JSON_MAX_STRING_LENGTH", "64KiB")).file(file).build();
            assertEquals(JsonConfig.defaults().withFailOnUnknownProperties(false).withMaxNestingDepth(32)
                    .withMaxStringLength(65536), config.json());
            ConfigProblem problem = onlyProblem(() -> isolated().set("json.maxNestingDepth", 0).build().json());
            assertEquals(new ConfigProblem("code", "json.maxNestingDepth", "must be between 1 and 10000: 0"), problem);
        }

        @Test
        void anEmptyFileOrAbsentSectionGivesDefaults() throws IOException {
            assertEquals(ServerConfig.defaults(), isolated().file(write("empty.toml", "")).build().server());
            assertEquals(ServerConfig.defaults(), isolated().file(write("empty.json", "{}")).build().server());
        }

        @Test
        void aByteOrderMarkIsNotContent() throws IOException {
            assertEquals(9001, isolated().file(write("bom.toml", "\uFEFF[server]\nport = 9001\n")).build().server().port());
            assertEquals(9002, isolated().file(write("bom.json", "\uFEFF{\"server\": {\"port\": 9002}}")).build().server().port());
        }

        @Test
        void notUtf8IsAClearError() throws IOException {
            Path file = dir.resolve("latin1.toml");
            Files.write(file, new byte[] {'a', ' ', '=', ' ', '"', (byte) 0xE9, '"', '\n'});
            assertEquals("is not valid UTF-8", onlyProblem(() -> isolated().file(file).build()).message());
        }

        @Test
        void anOptionalFileMayBeMissing() {
            Configuration config = isolated().fileIfExists(dir.resolve("absent.toml")).build();
            assertEquals(ServerConfig.defaults(), config.server());
            assertTrue(config.file().isEmpty());
        }

        @Test
        void explicitDefaultsWinOverTheTypesOwn() {
            Db defaults = new Db("jdbc:x", 1, Duration.ZERO, List.of(), Set.of(), true, new Pool(0, 1), List.of(), Map.of(),
                    Mode.REPLICA, 7);
            assertEquals(defaults, isolated().build().section("db", Db.class, defaults));
        }
    }

    @Nested
    class Precedence {
        /** Layers in order; {@code layers} of them are applied, each setting server.port to its own value. */
        private int portWith(int layers) throws IOException {
            Configuration.Builder builder = Configuration.builder().environment(Map.of()).systemProperties(Map.of());
            if (layers >= 1) {
                builder.file(write("p.toml", "[server]\nport = 1001\n"));
            }
            if (layers >= 2) {
                builder.environment(Map.of("AURORA_SERVER_PORT", "1002"));
            }
            if (layers >= 3) {
                builder.systemProperties(Map.of("aurora.server.port", "1003"));
            }
            if (layers >= 4) {
                builder.set("server.port", 1004);
            }
            return builder.build().server().port();
        }

        @Test
        void eachSourceBeatsTheOneBefore() throws IOException {
            assertEquals(8080, portWith(0), "defaults");
            assertEquals(1001, portWith(1), "file beats defaults");
            assertEquals(1002, portWith(2), "env beats file");
            assertEquals(1003, portWith(3), "system property beats env");
            assertEquals(1004, portWith(4), "code beats system property");
        }

        @Test
        void layersMergeKeyByKey() throws IOException {
            Path file = write("m.toml", "[server]\nport = 1001\nhost = \"10.0.0.1\"\n[db]\nurl = \"u\"\n[db.pool]\nmin_size = 5\n");
            Configuration config = isolated().file(file)
                    .environment(Map.of("AURORA_SERVER_HOST", "10.0.0.2", "AURORA_DB_POOL_MAX_SIZE", "9"))
                    .systemProperties(Map.of("aurora.server.maxConnections", "77"))
                    .build();
            ServerConfig server = config.server();
            assertEquals(1001, server.port());
            assertEquals("10.0.0.2", server.host());
            assertEquals(77, server.maxConnections());
            assertEquals(new Pool(5, 9), config.section("db", Db.class).pool());
        }

        @Test
        void aPrefixSelectsTheApplicationsVariables() {
            Configuration config = Configuration.builder().prefix("MYAPP")
                    .environment(Map.of("MYAPP_SERVER_PORT", "7001", "AURORA_SERVER_PORT", "7002"))
                    .systemProperties(Map.of("myapp.server.host", "::1", "aurora.server.host", "x"))
                    .build();
            assertEquals(7001, config.server().port());
            assertEquals("::1", config.server().host());
        }

        @Test
        void codeAcceptsTypedValues() {
            ServerConfig server = isolated().set("server.headerTimeout", Duration.ofMillis(1500))
                    .set("server.trailing_slash", TrailingSlash.STRICT).build().server();
            assertEquals(Duration.ofMillis(1500), server.headerTimeout());
            assertEquals(TrailingSlash.STRICT, server.trailingSlash());
        }
    }

    @Nested
    class OverrideValues {
        private Db db(Map<String, String> env) {
            Map<String, String> all = new HashMap<>(env);
            all.putIfAbsent("AURORA_DB_URL", "jdbc:x");
            return isolated().environment(all).build().section("db", Db.class);
        }

        @Test
        void numbersBooleansAndEnums() {
            Db db = db(Map.of("AURORA_DB_POOL_SIZE", "12", "AURORA_DB_READ_ONLY", "true", "AURORA_DB_MODE", "Replica"));
            assertEquals(12, db.poolSize());
            assertTrue(db.readOnly());
            assertEquals(Mode.REPLICA, db.mode());
            assertFalse(db(Map.of("AURORA_DB_READ_ONLY", "false")).readOnly());
        }

        @ParameterizedTest
        @ValueSource(strings = {"90s", "PT1M30S", "pt1m30s", "1m30s", "1m 30s", "90000ms"})
        void durationsInEveryForm(String text) {
            assertEquals(Duration.ofSeconds(90), db(Map.of("AURORA_DB_TIMEOUT", text)).timeout());
        }

        @Test
        void listsAreCommaSeparatedOrJson() {
            assertEquals(List.of("x", "y", "z"), db(Map.of("AURORA_DB_HOSTS", "x, y,z")).hosts());
            assertEquals(List.of("p,q", "r"), db(Map.of("AURORA_DB_HOSTS", "[\"p,q\", \"r\"]")).hosts());
            assertEquals(List.of(), db(Map.of("AURORA_DB_HOSTS", "")).hosts());
            assertEquals(Set.of(80, 443), db(Map.of("AURORA_DB_PORTS", "80,443")).ports());
        }

        @Test
        void aListElementByIndexAndATableAsJson() {
            Db db = db(Map.of("AURORA_DB_REPLICAS", "[{\"host\": \"r0\", \"port\": 1}, {\"host\": \"r1\"}]",
                    "AURORA_DB_LABELS", "{\"team\": \"core\"}"));
            assertEquals(List.of(new Replica("r0", 1), new Replica("r1", 0)), db.replicas());
            assertEquals(Map.of("team", "core"), db.labels());
            Db indexed = isolated().environment(Map.of("AURORA_DB_URL", "u"))
                    .systemProperties(Map.of("aurora.db.replicas[0].host", "s0", "aurora.db.replicas.1.host", "s1"))
                    .build().section("db", Db.class);
            assertEquals(List.of(new Replica("s0", 0), new Replica("s1", 0)), indexed.replicas());
        }

        @Test
        void byteSizes() {
            assertEquals(10L * 1024 * 1024, db(Map.of("AURORA_DB_CACHE_BYTES", "10MiB")).cacheBytes());
            assertEquals(2_000_000L, db(Map.of("AURORA_DB_CACHE_BYTES", "2MB")).cacheBytes());
            assertEquals(123L, db(Map.of("AURORA_DB_CACHE_BYTES", "123")).cacheBytes());
        }

        @Test
        void environmentNamesIgnoreCase() {
            assertEquals(31, db(Map.of("aurora_db_pool_size", "31")).poolSize());
        }
    }

    @Nested
    class Errors {
        @Test
        void missingFile() {
            Path missing = dir.resolve("nope.toml");
            ConfigProblem problem = onlyProblem(() -> Configuration.load(missing));
            assertEquals(missing.toString(), problem.source());
            assertTrue(problem.message().startsWith("file not found"), problem.message());
        }

        @Test
        void directoryAndUnknownFormat() throws IOException {
            Path folder = Files.createDirectory(dir.resolve("conf.toml"));
            assertEquals("is a directory, not a config file", onlyProblem(() -> Configuration.load(folder)).message());
            Path yaml = write("app.yaml", "server: {}");
            assertTrue(onlyProblem(() -> Configuration.load(yaml)).message().contains(".toml or .json"));
        }

        @Test
        void malformedTomlNamesLineAndColumn() throws IOException {
            Path file = write("bad.toml", "[server]\nport = = 1\n");
            ConfigProblem problem = onlyProblem(() -> isolated().file(file).build());
            assertEquals(file + ":2:8", problem.source());
            assertTrue(problem.message().startsWith("malformed TOML"), problem.message());
        }

        @Test
        void malformedJsonNamesLineAndColumn() throws IOException {
            Path file = write("bad.json", "{\n  \"server\": {\n    \"port\": 1,,\n  }\n}");
            ConfigProblem problem = onlyProblem(() -> isolated().file(file).build());
            assertTrue(problem.source().startsWith(file + ":3:"), problem.source());
            assertTrue(problem.message().startsWith("malformed JSON"), problem.message());
        }

        @Test
        void duplicateJsonKeysAndANonObjectTopLevel() throws IOException {
            Path duplicate = write("dup.json", "{\"server\": {\"port\": 1, \"port\": 2}}");
            assertTrue(onlyProblem(() -> isolated().file(duplicate).build()).message().contains("Duplicate field 'port'"));
            Path array = write("array.json", "[1]");
            assertTrue(onlyProblem(() -> isolated().file(array).build()).message().contains("must be a JSON object"));
        }

        @Test
        void unknownKeyInFileNamesItsLineAndSuggests() throws IOException {
            Path file = write("typo.toml", "[server]\nhost = \"h\"\n\nprot = 1\n");
            ConfigProblem problem = onlyProblem(() -> isolated().file(file).build().server());
            assertEquals(new ConfigProblem(file + ":4", "server.prot", "unknown key (did you mean port?)"), problem);
        }

        @Test
        void unknownKeyInANestedTableAndInAnArrayOfTables() throws IOException {
            Path file = write("nested.json", """
                    {"db": {"url": "u",
                      "pool": {"maxSise": 3},
                      "replicas": [{"host": "a"}, {"host": "b", "prt": 1}]}}
                    """);
            ConfigException e = assertThrows(ConfigException.class, () -> isolated().file(file).build().section("db", Db.class));
            assertEquals(List.of(
                    new ConfigProblem(file + ":2", "db.pool.maxSise", "unknown key (did you mean maxSize?)"),
                    new ConfigProblem(file + ":3", "db.replicas[1].prt", "unknown key (did you mean port?)")), e.problems());
        }

        @Test
        void unknownSectionSuggestsOrExplainsHowToDeclareOne() throws IOException {
            Path typo = write("s.toml", "[sever]\nport = 1\n");
            assertEquals(new ConfigProblem(typo + ":1", "sever", "unknown section (did you mean server?)"),
                    onlyProblem(() -> isolated().file(typo).build()));
            Path other = write("o.toml", "[metrics]\non = true\n");
            assertTrue(onlyProblem(() -> Configuration.builder().file(other).build()).message()
                    .contains("Configuration.builder().sections(...)"));
        }

        @Test
        void unknownEnvironmentVariableAndSystemPropertySuggestTheirOwnForm() {
            ConfigException e = assertThrows(ConfigException.class, () -> Configuration.builder()
                    .environment(Map.of("AURORA_SERVER_MAX_BODY_SIZ", "1"))
                    .systemProperties(Map.of("aurora.server.keepAlive", "1s"))
                    .build().server());
            assertEquals(List.of(
                    new ConfigProblem("env AURORA_SERVER_MAX_BODY_SIZ", "server.max.body.siz",
                            "unknown key (did you mean AURORA_SERVER_MAX_BODY_SIZE?)"),
                    new ConfigProblem("system property aurora.server.keepAlive", "server.keepAlive",
                            "unknown key (did you mean aurora.server.keepAliveTimeout?)")), e.problems());
        }

        @Test
        void unrelatedVariablesWithThePrefixAreIgnored() {
            ServerConfig server = Configuration.builder()
                    .environment(Map.of("AURORA_HOME", "/opt", "AURORA_DB_HOST", "x", "AURORAX", "1"))
                    .systemProperties(Map.of("aurora.version", "1")).build().server();
            assertEquals(ServerConfig.defaults(), server);
        }

        @Test
        void wrongTypeInFileNamesLineAndKey() throws IOException {
            Path file = write("type.toml", "[server]\n\nport = \"eighty\"\n");
            assertEquals(new ConfigProblem(file + ":3", "server.port", "expected a whole number (32-bit), got 'eighty'"),
                    onlyProblem(() -> isolated().file(file).build().server()));
            Path table = write("table.toml", "[server]\nport = { a = 1 }\n");
            assertEquals("expected a whole number (32-bit), got a table",
                    onlyProblem(() -> isolated().file(table).build().server()).message());
        }

        @Test
        void wrongTypeInEnvironmentNamesTheVariable() {
            ConfigProblem problem = onlyProblem(() -> isolated().environment(Map.of("AURORA_SERVER_PORT", "80x")).build().server());
            assertEquals(new ConfigProblem("env AURORA_SERVER_PORT", "server.port", "expected a whole number (32-bit), got '80x'"), problem);
        }

        @Test
        void durationWithoutAUnit() {
            ConfigProblem problem = onlyProblem(() -> isolated().systemProperties(Map.of("aurora.server.headerTimeout", "30"))
                    .build().server());
            assertEquals("system property aurora.server.headerTimeout", problem.source());
            assertEquals("expected a duration such as 30s, 250ms, 1h30m or PT30S, got '30' (a number needs a unit)", problem.message());
        }

        @Test
        void durationAsATomlNumber() throws IOException {
            Path file = write("d.toml", "[server]\nheader_timeout = 30\n");
            assertTrue(onlyProblem(() -> isolated().file(file).build().server()).message().endsWith("(a number needs a unit)"));
        }

        @Test
        void enumValueListsTheChoices() {
            ConfigProblem problem = onlyProblem(() -> isolated().set("server.trailingSlash", "sometimes").build().server());
            assertEquals(new ConfigProblem("code", "server.trailingSlash", "'sometimes' is not one of ignore, strict, redirect"), problem);
        }

        @Test
        void booleanMustBeTrueOrFalse() {
            ConfigProblem problem = onlyProblem(() -> isolated()
                    .environment(Map.of("AURORA_DB_URL", "u", "AURORA_DB_READ_ONLY", "yes")).build().section("db", Db.class));
            assertEquals(new ConfigProblem("env AURORA_DB_READ_ONLY", "db.readOnly", "expected true or false, got 'yes'"), problem);
        }

        @Test
        void outOfRangeServerValueNamesItsSource() throws IOException {
            Path file = write("range.toml", "[server]\nport = 70000\n");
            assertEquals(new ConfigProblem(file + ":2", "server.port", "must be between 0 and 65535: 70000"),
                    onlyProblem(() -> isolated().file(file).build().server()));
        }

        @Test
        void schemaViolationsAreAllReportedWithTheirSources() throws IOException {
            Path file = write("schema.toml", "[db]\npool_size = 0\n\n[db.pool]\nmax_size = 500\n");
            ConfigException e = assertThrows(ConfigException.class, () -> isolated().file(file).build().section("db", Db.class));
            assertEquals(List.of(
                    new ConfigProblem(file + ":1", "db.url", "must not be null"),
                    new ConfigProblem(file + ":2", "db.poolSize", "must be between 1 and 64"),
                    new ConfigProblem(file + ":5", "db.pool.maxSize", "must be between 1 and 100")), e.problems());
        }

        @Test
        void keySetTwiceInOneTable() throws IOException {
            Path file = write("twice.toml", "[server]\nmax_body_size = 1\nmaxBodySize = 2\n");
            assertEquals(new ConfigProblem(file + ":3", "server.maxBodySize", "set twice, as 'max_body_size' and as 'maxBodySize'"),
                    onlyProblem(() -> isolated().file(file).build().server()));
        }

        @Test
        void keySetTwiceByTwoVariables() {
            ConfigException e = assertThrows(ConfigException.class, () -> isolated()
                    .environment(Map.of("AURORA_SERVER_MAX_BODY_SIZE", "1", "AURORA_SERVER_MAXBODYSIZE", "2")).build().server());
            assertTrue(e.problems().getFirst().message().equals("also set by env AURORA_SERVER_MAX_BODY_SIZE; set it once"), e::getMessage);
        }

        @Test
        void aSectionThatIsNotATableOrNamedByAVariable() throws IOException {
            Path file = write("scalar.json", "{\"server\": 5}");
            assertEquals("must be a table of keys, not 5", onlyProblem(() -> isolated().file(file).build().server()).message());
            ConfigProblem problem = onlyProblem(() -> isolated().environment(Map.of("AURORA_SERVER", "x")).build().server());
            assertEquals("names the section itself; set one of its keys, such as AURORA_SERVER_HOST", problem.message());
        }

        @Test
        void everyProblemIsReportedInOneException() throws IOException {
            Path file = write("many.toml", "[server]\nprot = 1\nbacklogg = 2\n");
            ConfigException e = assertThrows(ConfigException.class, () -> isolated().file(file)
                    .environment(Map.of("AURORA_SERVER_PORTS", "1")).build().server());
            assertEquals(3, e.problems().size(), e::getMessage);
            assertTrue(e.getMessage().startsWith("Invalid configuration (3 problems):\n  " + file + ":2: server.prot"), e.getMessage());
        }

        /** The scenario of the example in docs/configuration.md, "Errors": that text is this output. */
        @Test
        void everyProblemOfEverySectionIsReportedAtOnce() throws IOException {
            Path file = write("aurora.toml", """
                    [server]
                    port = 70000
                    prot = 8080
                    max_body_size = "lots"

                    [json]
                    fail_on_unknown = false

                    [forms]
                    max_files = -1

                    [sever]
                    host = "x"
                    """);
            ConfigException e = assertThrows(ConfigException.class, () -> Configuration.builder().file(file)
                    .environment(Map.of("AURORA_SERVER_KEEP_ALIVE_TIMEOUT", "30")).systemProperties(Map.of()).build());
            assertEquals("""
                    Invalid configuration (7 problems):
                      aurora.toml:12: sever: unknown section (did you mean server?)
                      aurora.toml:3: server.prot: unknown key (did you mean port?)
                      aurora.toml:4: server.maxBodySize: expected a whole number, got 'lots'
                      env AURORA_SERVER_KEEP_ALIVE_TIMEOUT: server.keepAliveTimeout: expected a duration such as 30s, 250ms, 1h30m or PT30S, got '30' (a number needs a unit)
                      aurora.toml:2: server.port: must be between 0 and 65535: 70000
                      aurora.toml:7: json.fail_on_unknown: unknown key (did you mean failOnUnknownProperties?)
                      aurora.toml:10: forms.maxFiles: must be at least 0: -1""",
                    e.getMessage().replace(file.toString(), "aurora.toml"));
        }

        @Test
        void aTypedApplicationSectionIsCheckedWithTheRest() throws IOException {
            Path file = write("typed.toml", "[server]\nport = \"x\"\n\n[db]\npool_size = \"many\"\nread_only = \"no\"\n");
            ConfigException e = assertThrows(ConfigException.class,
                    () -> isolated().file(file).section("db", Db.class).build());
            assertEquals(List.of(
                    new ConfigProblem(file + ":2", "server.port", "expected a whole number (32-bit), got 'x'"),
                    new ConfigProblem(file + ":5", "db.poolSize", "expected a whole number (32-bit), got 'many'"),
                    new ConfigProblem(file + ":6", "db.readOnly", "expected true or false, got 'no'")), e.problems());

            Path fine = write("fine.toml", "[db]\nurl = \"jdbc:x\"\n");
            Configuration config = isolated().file(fine).section("db", Db.class).build();
            assertEquals("jdbc:x", config.section("db", Db.class).url());
            assertTrue(config.section("db", Db.class) == config.section("db", Db.class), "bound once, at build");
        }

        @Test
        void invalidPrefix() {
            assertThrows(IllegalArgumentException.class, () -> Configuration.builder().prefix("MY-APP"));
            assertThrows(IllegalArgumentException.class, () -> Configuration.builder().prefix(""));
        }
    }
}
