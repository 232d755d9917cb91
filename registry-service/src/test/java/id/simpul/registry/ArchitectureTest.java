package id.simpul.registry;

import id.simpul.testinfra.ServiceArchitectureTest;

/** The architecture rules every service keeps, checked on registry's classes. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("registry");
    }
}
