package dev.aurora.examples.hello.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.Aurora;
import java.lang.module.ModuleDescriptor;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Aurora's internal packages stay internal on the module path: only {@code dev.aurora.test} (the
 * in-process test transport) may use {@code dev.aurora.internal.*}, and an application, like this
 * test module, reaches none of them. A careless {@code exports dev.aurora.internal...} in
 * dev.aurora's module-info.java, or an {@code --add-exports}/{@code --add-opens} for it in the
 * build, fails here.
 */
class ModuleBoundaryTest {
    private static final String INTERNAL = "dev.aurora.internal.";
    private static final Module AURORA = Aurora.class.getModule();

    @Test
    void testsRunWithAuroraAsANamedModule() {
        assertTrue(AURORA.isNamed(), "dev.aurora is on the class path: this test checks nothing there");
        assertEquals("dev.aurora", AURORA.getName());
        assertEquals("dev.aurora.examples.hello.tests", ModuleBoundaryTest.class.getModule().getName());
    }

    @Test
    void internalPackagesAreExportedOnlyToTheTestSupportModule() {
        ModuleDescriptor descriptor = AURORA.getDescriptor();
        List<ModuleDescriptor.Exports> internal = descriptor.exports().stream()
                .filter(e -> e.source().startsWith(INTERNAL))
                .toList();

        for (ModuleDescriptor.Exports export : internal) {
            assertEquals(Set.of("dev.aurora.test"), export.targets(), "dev.aurora exports " + export);
        }
        assertTrue(internal.stream().anyMatch(e -> e.source().equals("dev.aurora.internal.inprocess")),
                "the in-process transport needs dev.aurora.internal.inprocess exported to dev.aurora.test: "
                        + descriptor.exports());
    }

    @Test
    void noInternalPackageIsOpen() {
        ModuleDescriptor descriptor = AURORA.getDescriptor();

        assertFalse(descriptor.isOpen(), "dev.aurora is an open module");
        assertEquals(List.of(), descriptor.opens().stream().filter(o -> o.source().startsWith(INTERNAL)).toList());
    }

    @Test
    void anApplicationReachesNoInternalPackage() {
        Module application = ModuleBoundaryTest.class.getModule();
        List<String> internal = AURORA.getPackages().stream().filter(p -> p.startsWith(INTERNAL)).sorted().toList();

        assertFalse(internal.isEmpty(), "no internal packages in " + AURORA.getPackages());
        for (String pkg : internal) {
            // At run time: also fails if the command line adds --add-exports or --add-opens for it.
            assertFalse(AURORA.isExported(pkg, application), pkg + " is exported to " + application);
            assertFalse(AURORA.isOpen(pkg, application), pkg + " is open to " + application);
        }
    }

    @Test
    void theTestSupportModuleReachesTheInProcessTransport() {
        Module testSupport = ModuleBoundaryTest.class.getModule().getLayer().findModule("dev.aurora.test").orElseThrow();

        assertTrue(AURORA.isExported("dev.aurora.internal.inprocess", testSupport));
        assertFalse(AURORA.isExported("dev.aurora.internal.server", testSupport));
    }
}
