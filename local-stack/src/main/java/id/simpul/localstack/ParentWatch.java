package id.simpul.localstack;

/** Ends this process when the process that started it ends, so a killed test JVM leaves no broker behind. */
final class ParentWatch {

    static void exitWith(String parentPid) {
        if (parentPid == null) {
            return;
        }
        ProcessHandle.of(Long.parseLong(parentPid)).ifPresentOrElse(parent -> {
            Thread watcher = new Thread(() -> {
                parent.onExit().join();
                System.exit(0);
            }, "parent-watch");
            watcher.setDaemon(true);
            watcher.start();
        }, () -> System.exit(0));
    }

    private ParentWatch() {
    }
}
