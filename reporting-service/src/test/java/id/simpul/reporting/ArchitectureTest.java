package id.simpul.reporting;

import id.simpul.testinfra.ServiceArchitectureTest;

/** The architecture rules every service keeps, checked on reporting's classes. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("reporting");
    }
}
