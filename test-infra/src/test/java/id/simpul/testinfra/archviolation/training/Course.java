package id.simpul.testinfra.archviolation.training;

public record Course(String title) {
}
