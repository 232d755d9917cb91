package id.simpul.identity;

import id.simpul.testinfra.ServiceArchitectureTest;

/** The architecture rules every service keeps, checked on identity's classes. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("identity");
    }
}
