package id.simpul.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * With {@code simpul.exit-with-parent=<pid>}, the service shuts down when that process ends, so a system test that
 * dies leaves no service behind. Unset in normal operation.
 */
class ParentProcessWatch implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(ParentProcessWatch.class);

    private final long parentPid;

    ParentProcessWatch(long parentPid) {
        this.parentPid = parentPid;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        Thread watcher = new Thread(() -> {
            ProcessHandle.of(parentPid).ifPresent(parent -> parent.onExit().join());
            log.info("Process {} that started this service has ended; shutting down", parentPid);
            System.exit(SpringApplication.exit(event.getApplicationContext()));
        }, "parent-process-watch");
        watcher.setDaemon(true);
        watcher.start();
    }
}
