package id.simpul.training;

import id.simpul.testinfra.ServiceArchitectureTest;

/** The architecture rules every service keeps, checked on training's classes. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("training");
    }
}
