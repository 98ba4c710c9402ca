package coop.cooperative.app.axon;

import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * The command gateway every part of the app sends through. A command sent while answering an HTTP
 * request (an API call, a page's form) returns once the views that handle the events it produced
 * show them ({@link ProjectionCatchUp}), so the answer and the user's next request read the write:
 * read-your-writes in one place instead of at every call site. Commands of the demo, the schedules
 * and the policies wait for nothing; nobody reads them at once, and their processors read in batches.
 * <p>
 * Which events a command produced is recorded as they are published, on the sending thread (the
 * command bus handles a command on its sender's thread). A command that published nothing seen here
 * (retried on another thread after a conflict) waits for every view, to be safe.
 */
final class ReadYourWritesCommandGateway implements CommandGateway {

    private static final ThreadLocal<Set<Class<?>>> PUBLISHED = new ThreadLocal<>();

    private final CommandGateway commands;
    private final ObjectProvider<ProjectionCatchUp> views;

    ReadYourWritesCommandGateway(CommandGateway commands, ObjectProvider<ProjectionCatchUp> views) {
        this.commands = commands;
        this.views = views;
    }

    /** Registered on the event store: notes the type of each event published while a request's command runs. */
    static MessageDispatchInterceptor<EventMessage<?>> recorder() {
        return new MessageDispatchInterceptor<>() {
            @Override
            public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
                Set<Class<?>> published = PUBLISHED.get();
                if (published != null) {
                    messages.forEach(message -> published.add(message.getPayloadType()));
                }
                return (index, message) -> message;
            }
        };
    }

    @Override
    public <R> R sendAndWait(Object command) {
        return readingYourWrites(() -> commands.sendAndWait(command));
    }

    @Override
    public <R> R sendAndWait(Object command, long timeout, TimeUnit unit) {
        return readingYourWrites(() -> commands.sendAndWait(command, timeout, unit));
    }

    private <R> R readingYourWrites(Supplier<R> send) {
        if (RequestContextHolder.getRequestAttributes() == null || PUBLISHED.get() != null) {
            return send.get(); // not a request's command, or one sent while handling a request's command
        }
        Set<Class<?>> published = new HashSet<>();
        PUBLISHED.set(published);
        try {
            R result = send.get();
            afterCommit(() -> {
                if (published.isEmpty()) {
                    views.getObject().await();
                } else {
                    views.getObject().await(published);
                }
            });
            return result;
        } finally {
            PUBLISHED.remove();
        }
    }

    /**
     * Inside a transaction of the caller's (a membership written with its profile), the events are
     * stored when that commits: only then can the views catch up, so only then is there a point in
     * waiting. The wait still happens before the caller answers.
     */
    private static void afterCommit(Runnable wait) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wait.run();
                }
            });
        } else {
            wait.run();
        }
    }

    @Override
    public <C, R> void send(C command, CommandCallback<? super C, ? super R> callback) {
        commands.send(command, callback);
    }

    @Override
    public <R> CompletableFuture<R> send(Object command) {
        return commands.send(command);
    }

    @Override
    public Registration registerDispatchInterceptor(
            MessageDispatchInterceptor<? super CommandMessage<?>> interceptor) {
        return commands.registerDispatchInterceptor(interceptor);
    }
}
