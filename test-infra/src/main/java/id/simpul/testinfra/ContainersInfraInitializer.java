package id.simpul.testinfra;

/** Always uses Testcontainers, whatever {@code -Dinfra} says. */
public class ContainersInfraInitializer extends InfraInitializer {

    @Override
    protected Infrastructure infrastructure() {
        return ContainerInfrastructure.get();
    }
}
