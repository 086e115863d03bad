package dev.aurora.config;

import dev.aurora.FormConfig;
import dev.aurora.JsonConfig;
import dev.aurora.ServerConfig;
import dev.aurora.internal.config.ConfigBinder;
import dev.aurora.internal.config.ConfigFile;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Configuration from a TOML or JSON file, environment variables, system properties and code,
 * bound into typed records: the server's own {@link ServerConfig} and any sections an application
 * defines.
 *
 * <pre>{@code
 * # aurora.toml
 * [server]
 * port = 9090
 * header_timeout = "5s"
 * max_body_size = "1MiB"
 *
 * [db]
 * url = "jdbc:postgresql://db/app"
 * pool_size = 8
 * }</pre>
 *
 * <pre>{@code
 * Configuration config = Configuration.builder().file(Path.of("aurora.toml")).sections("db").build();
 * Aurora app = Aurora.fromConfig(config);
 * DbConfig db = config.section("db", DbConfig.class);
 * }</pre>
 *
 * <p><b>Precedence</b>, lowest first: the type's defaults, the file, environment variables,
 * system properties, values set in code with {@link Builder#set}. Each one beats the ones before.
 *
 * <p><b>Names.</b> Keys match property names ignoring case, {@code _} and {@code -}, so
 * {@code max_body_size}, {@code max-body-size} and {@code maxBodySize} are the same key. The
 * environment variable for {@code server.maxBodySize} is {@code AURORA_SERVER_MAX_BODY_SIZE} and
 * the system property {@code aurora.server.maxBodySize}; the prefix is configurable
 * ({@link Builder#prefix}). A number in a name picks a list element
 * ({@code AURORA_DB_REPLICAS_0_HOST}).
 *
 * <p><b>Values.</b> Durations are written {@code 30s}, {@code 250ms}, {@code 1h30m} or
 * {@code PT30S}; whole numbers may carry a byte unit ({@code 64KiB}, {@code 10MB}); enums match in
 * any case. In the environment and system properties a list is comma-separated
 * ({@code a,b,c}) or JSON, and a table is JSON.
 *
 * <p><b>Errors.</b> {@link Builder#build()} checks the whole configuration at once: unknown
 * sections, and every key of Aurora's own sections and of the sections declared with a type
 * ({@link Builder#section(String, Class)}). Every problem across them is collected into one
 * {@link ConfigException}, each naming its source ({@code aurora.toml:7},
 * {@code env AURORA_SERVER_PORT}), the key and what is wrong: unknown keys (with a suggestion
 * when the name looks like a typo), every value of the wrong type, what the type's constructor
 * refuses and, once the values fit, the {@code dev.aurora.schema} annotations on the type.
 *
 * <p>Aurora reads three sections itself: {@code server} ({@link ServerConfig}), {@code json}
 * ({@link JsonConfig}) and {@code forms} ({@link FormConfig}).
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class Configuration {
    /** The sections Aurora itself reads. */
    public static final Set<String> AURORA_SECTIONS = Set.of("server", "json", "forms");

    private final ConfigBinder binder;
    private final Path file;
    private final ServerConfig server;
    private final JsonConfig json;
    private final FormConfig forms;
    /** The sections declared with a type, bound by {@link Builder#build()}, and their types. */
    private final Map<String, Object> typed;
    private final Map<String, Class<?>> types;

    /** Binds every section it knows the type of; throws with {@code problems} and all it finds. */
    private Configuration(ConfigBinder binder, Path file, Map<String, Class<?>> types, List<ConfigProblem> problems) {
        this.binder = binder;
        this.file = file;
        this.server = binder.bind("server", ServerConfig.class, ServerConfig.defaults(), problems);
        this.json = binder.bind("json", JsonConfig.class, JsonConfig.defaults(), problems);
        this.forms = binder.bind("forms", FormConfig.class, FormConfig.defaults(), problems);
        this.types = Map.copyOf(types);
        Map<String, Object> values = new LinkedHashMap<>();
        types.forEach((name, type) -> values.put(name, bindTyped(binder, name, type, problems)));
        this.typed = values;
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }

    private static <T> T bindTyped(ConfigBinder binder, String name, Class<T> type, List<ConfigProblem> problems) {
        return binder.bind(name, type, defaultsOf(type), problems);
    }

    /**
     * Reads {@code file} with the default prefix ({@code AURORA_}, {@code aurora.}) and the
     * process's environment and system properties.
     *
     * @param file a {@code .toml} or {@code .json} file
     * @return the configuration
     * @throws ConfigException if the file is missing or malformed, or names an unknown section
     */
    public static Configuration load(Path file) {
        return builder().file(file).build();
    }

    /** {@return a builder with the defaults: no file, prefix {@code AURORA}, the process's environment} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The {@code server} section, bound when the configuration was built.
     *
     * @return the server configuration, with {@link ServerConfig#defaults()} for keys not set
     */
    public ServerConfig server() {
        return server;
    }

    /**
     * The {@code json} section: how request bodies are read (unknown properties, parser limits).
     *
     * @return the JSON configuration, with {@link JsonConfig#defaults()} for keys not set
     */
    public JsonConfig json() {
        return json;
    }

    /**
     * The {@code forms} section: how request bodies are read as forms (part counts, field and
     * file sizes, when and where files are spooled).
     *
     * @return the form configuration, with {@link FormConfig#defaults()} for keys not set
     */
    public FormConfig forms() {
        return forms;
    }

    /**
     * Binds a section into {@code type}. Keys not set anywhere take the values of the type's
     * public static no-argument {@code defaults()} method when it has one; otherwise they are
     * left to the type (null, or whatever its constructor puts there). A section declared with
     * {@link Builder#section(String, Class)} was bound, and checked with the rest, by
     * {@link Builder#build()}; asking for it with the same type returns that value.
     *
     * @param name the section, as written in the file ({@code [db]})
     * @param type a record or bean
     * @param <T> the type
     * @return the bound and validated value
     * @throws ConfigException listing every problem
     */
    public <T> T section(String name, Class<T> type) {
        if (types.get(name) == type) {
            return type.cast(typed.get(name));
        }
        return binder.bind(name, type, defaultsOf(type));
    }

    /**
     * Binds a section into {@code type}, taking the values of keys not set anywhere from
     * {@code defaults}.
     *
     * @param name the section, as written in the file ({@code [db]})
     * @param type a record or bean
     * @param defaults the values of keys no source sets
     * @param <T> the type
     * @return the bound and validated value
     * @throws ConfigException listing every problem
     */
    public <T> T section(String name, Class<T> type, T defaults) {
        return binder.bind(name, type, Objects.requireNonNull(defaults, "defaults"));
    }

    /** {@return the file this configuration read, if any} */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    private static <T> T defaultsOf(Class<T> type) {
        try {
            Method method = type.getMethod("defaults");
            if (Modifier.isStatic(method.getModifiers()) && type.isAssignableFrom(method.getReturnType())) {
                // A public method of a nested or package-private type still needs access checks waived.
                method.trySetAccessible();
                return type.cast(method.invoke(null));
            }
        } catch (NoSuchMethodException e) {
            return null;
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(type.getName() + ".defaults() failed: " + e.getCause(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException(type.getName() + ".defaults() is not accessible to Aurora: "
                    + "make the type public or open its package to dev.aurora", e);
        }
        return null;
    }

    /** Collects where configuration comes from; {@link #build()} reads the file. */
    public static final class Builder {
        private Path file;
        private boolean fileOptional;
        private String prefix = "AURORA";
        private Map<String, String> environment;
        private Map<String, String> systemProperties;
        private final Map<String, Object> code = new LinkedHashMap<>();
        private final Set<String> sections = new LinkedHashSet<>(AURORA_SECTIONS);
        private final Map<String, Class<?>> types = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Reads this file; {@link #build()} fails if it does not exist.
         *
         * @param file a {@code .toml} or {@code .json} file that must exist
         * @return this builder
         */
        public Builder file(Path file) {
            this.file = Objects.requireNonNull(file, "file");
            this.fileOptional = false;
            return this;
        }

        /**
         * Reads this file if it exists, and goes on without it otherwise.
         *
         * @param file a {@code .toml} or {@code .json} file, read only if it exists
         * @return this builder
         */
        public Builder fileIfExists(Path file) {
            this.file = Objects.requireNonNull(file, "file");
            this.fileOptional = true;
            return this;
        }

        /**
         * Reads environment variables and system properties under this prefix.
         *
         * @param prefix the prefix of environment variables ({@code MYAPP} reads
         *     {@code MYAPP_SERVER_PORT}) and, in lower case, of system properties
         *     ({@code myapp.server.port}); letters, digits and {@code _}
         * @return this builder
         */
        public Builder prefix(String prefix) {
            Objects.requireNonNull(prefix, "prefix");
            if (prefix.isEmpty() || !prefix.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_')) {
                throw new IllegalArgumentException("prefix must be letters, digits or _: '" + prefix + "'");
            }
            this.prefix = prefix;
            return this;
        }

        /**
         * Reads these variables instead of the process environment.
         *
         * @param environment the variables to read instead of {@link System#getenv()} (for tests)
         * @return this builder
         */
        public Builder environment(Map<String, String> environment) {
            this.environment = Map.copyOf(environment);
            return this;
        }

        /**
         * Reads these properties instead of the JVM's system properties.
         *
         * @param properties the properties to read instead of {@link System#getProperties()}
         * @return this builder
         */
        public Builder systemProperties(Map<String, String> properties) {
            this.systemProperties = Map.copyOf(properties);
            return this;
        }

        /**
         * Sets a value in code, the highest precedence.
         *
         * @param key a dotted key, such as {@code server.port} or {@code db.replicas[0].host}
         * @param value the value, as it would be bound ({@code 9090}, {@code Duration.ofSeconds(5)}, {@code "5s"})
         * @return this builder
         */
        public Builder set(String key, Object value) {
            Objects.requireNonNull(key, "key");
            code.put(key, value);
            return this;
        }

        /**
         * Declares the application's own sections, so the file may contain them; any other
         * top-level table is reported as unknown.
         *
         * @param names section names, such as {@code "db"}
         * @return this builder
         */
        public Builder sections(String... names) {
            sections.addAll(List.of(names));
            return this;
        }

        /**
         * Declares an application section with its type, so {@link #build()} binds and checks it
         * together with Aurora's own and reports the problems of all of them at once. Its keys
         * not set anywhere take the values of the type's {@code defaults()}, as with
         * {@link Configuration#section(String, Class)}.
         *
         * @param name the section, such as {@code "db"}
         * @param type a record or bean
         * @return this builder
         */
        public Builder section(String name, Class<?> type) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            sections.add(name);
            types.put(name, type);
            return this;
        }

        /**
         * Reads and checks the file.
         *
         * @return the configuration
         * @throws ConfigException if the file is missing (unless optional) or malformed; else
         *     listing every problem of every section at once: unknown sections, and the unknown
         *     keys and invalid values of Aurora's sections and of those declared with a type
         */
        public Configuration build() {
            boolean read = file != null && !(fileOptional && !Files.exists(file));
            ConfigFile parsed = read ? ConfigFile.read(file) : null;
            Map<String, String> properties = systemProperties;
            if (properties == null) {
                properties = new LinkedHashMap<>();
                for (String name : System.getProperties().stringPropertyNames()) {
                    properties.put(name, System.getProperty(name));
                }
            }
            ConfigBinder binder = new ConfigBinder(parsed, prefix,
                    environment == null ? System.getenv() : environment, properties, code);
            List<ConfigProblem> problems = new ArrayList<>();
            binder.checkSections(new ArrayList<>(sections), problems);
            return new Configuration(binder, read ? file : null, types, problems);
        }
    }
}
