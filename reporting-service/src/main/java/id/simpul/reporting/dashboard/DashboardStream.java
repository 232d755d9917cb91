package id.simpul.reporting.dashboard;

import id.simpul.platform.access.Allowed;
import id.simpul.platform.ServedFromMemory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Server-Sent Events: every client hears {@code figures} whenever a set of figures differs from the last (at once on
 * connecting too), with the national summary, so that a dashboard updates without polling. A comment every 15 s
 * keeps idle connections open through proxies, and shows which clients are gone. Open streams are ended before the
 * web server's graceful shutdown begins, which would otherwise wait for them.
 */
@RestController
@Tag(name = "Dashboard")
class DashboardStream implements SmartLifecycle {

    static final String EVENT = "figures";

    /** What each message carries. */
    record Message(long sequence, Instant updatedAt, Views.RegionFigures summary) {
    }

    private final FiguresService figures;
    private final Set<SseEmitter> clients = ConcurrentHashMap.newKeySet();
    private volatile boolean running;

    DashboardStream(FiguresService figures) {
        this.figures = figures;
        figures.listen(change -> {
            Message message = new Message(change.sequence(), change.figures().computedAt(), change.figures().national());
            clients.forEach(client -> send(client, message));
        });
    }

    @GetMapping(path = "/api/dashboard/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Allowed(ReportingRights.DASHBOARD_READ)
    @ServedFromMemory
    @Operation(operationId = "streamFigures", summary = "Figures as they change (Server-Sent Events)", description = "An "
            + "event 'figures' whenever a figure changed, and one on connecting: {sequence, updatedAt, summary}.")
    @ApiResponse(responseCode = "200", description = "An endless stream of events",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string",
                    description = "Server-Sent Events: event: figures, id: the sequence, data: a JSON object "
                            + "{sequence, updatedAt, summary} where summary is as GET /api/dashboard/summary answers; "
                            + "a comment every 15 s keeps the connection open")))
    SseEmitter stream() {
        SseEmitter client = new SseEmitter(0L);
        if (!running) {
            client.complete();
            return client;
        }
        clients.add(client);
        client.onCompletion(() -> clients.remove(client));
        client.onTimeout(() -> clients.remove(client));
        client.onError(e -> clients.remove(client));
        Figures current = figures.current();
        send(client, new Message(figures.sequence(), current.computedAt(), current.national()));
        return client;
    }

    @Scheduled(fixedRate = 15_000)
    void keepAlive() {
        for (SseEmitter client : clients) {
            try {
                client.send(SseEmitter.event().comment("keep-alive"));
            } catch (IOException | IllegalStateException e) {
                end(client);
            }
        }
    }

    int clients() {
        return clients.size();
    }

    @Override
    public void start() {
        running = true;
    }

    /** Ends every open stream; runs before the web server's graceful shutdown (the default, highest phase stops first). */
    @Override
    public void stop() {
        running = false;
        clients.forEach(this::end);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void send(SseEmitter client, Message message) {
        try {
            client.send(SseEmitter.event().name(EVENT).id(Long.toString(message.sequence())).data(message, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException e) {
            end(client);
        }
    }

    private void end(SseEmitter client) {
        clients.remove(client);
        try {
            client.complete();
        } catch (IllegalStateException alreadyEnded) {
            // completed or failed before
        }
    }
}
