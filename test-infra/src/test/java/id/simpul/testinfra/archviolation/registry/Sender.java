package id.simpul.testinfra.archviolation.registry;

import id.simpul.testinfra.archviolation.training.Course;

/** A "registry" type that uses the "training" service's code. */
public record Sender(String name, Course course) {
}
