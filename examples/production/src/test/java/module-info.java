/**
 * The production example's tests, a module of their own, run on the module path: the service in
 * memory (surefire) and, in the {@code *IT} classes, the packaged jar in child JVMs, the deployment
 * files under {@code deploy/} and the rolling restart behind nginx (failsafe, after package).
 */
module dev.aurora.examples.production.tests {
    requires dev.aurora.examples.production;
    requires dev.aurora.test;
    requires java.net.http;
    requires awaitility;
    // deploy/kubernetes.yaml
    requires com.fasterxml.jackson.dataformat.yaml;

    opens dev.aurora.examples.production.tests to org.junit.platform.commons, dev.aurora.test;
}
