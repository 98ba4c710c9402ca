package coop.cooperative.app.rebuild;

import coop.cooperative.app.axon.NodeId;
import coop.cooperative.app.axon.NodeRole;
import coop.cooperative.app.rebuild.RebuildRequests.Outcome;
import coop.cooperative.app.rebuild.RebuildRequests.Phase;
import coop.cooperative.app.rebuild.RebuildRequests.Request;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The rebuilds of every node. Every {@code cooperative.projections.replay-check-interval} each node
 * reads the requests: a node that runs the views takes up the queued ones (all at once, for one
 * pass over the store) and those whose node stopped beating its heart; every node pauses its part
 * of a view another node is handing over, and runs it again when the handover is done or its node
 * has died. A handover that died after the tokens were handed over is completed by whichever node
 * sees it first. A rebuild taken up {@code cooperative.projections.rebuild-attempts} times is given
 * up, its reason in the view's last outcome.
 */
@Component
public class ShadowRebuilds implements SmartLifecycle, InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(ShadowRebuilds.class);

    private final RebuildRequests requests;
    private final RebuildableViews views;
    private final RebuildTools tools;
    private final boolean runsViews;
    private final Duration checkInterval;
    private final long timeoutMillis;
    private final int attempts;
    private final Map<String, Request> known = new ConcurrentHashMap<>();
    private final Set<String> pausedForOthers = ConcurrentHashMap.newKeySet();
    private final Object lifecycle = new Object();
    private ScheduledExecutorService checker;
    private ExecutorService worker;
    private volatile ShadowRebuild running;

    ShadowRebuilds(RebuildRequests requests, RebuildableViews views, ShadowTables shadow, EventStorageEngine engine,
                   TransactionTemplate transactions, DataSource dataSource, ViewSwitch viewSwitch, LiveProcessors live,
                   NodeId node, NodeRole role,
                   @Value("${cooperative.projections.replay-check-interval:PT1S}") Duration checkInterval,
                   @Value("${cooperative.projections.rebuild-timeout:PT30S}") Duration timeout,
                   @Value("${cooperative.projections.rebuild-attempts:3}") int attempts,
                   @Value("${cooperative.projections.rebuild-chunk:2000}") int chunkSize,
                   @Value("${cooperative.projections.rebuild-chunk-pause:PT0S}") Duration chunkPause,
                   @Value("${cooperative.projections.handover-timeout:PT20S}") Duration handoverTimeout) {
        this.requests = requests;
        this.views = views;
        this.tools = new RebuildTools(shadow, engine, transactions, dataSource, requests, viewSwitch, live,
                node.value(), chunkSize, chunkPause, handoverTimeout);
        this.runsViews = role.runsProcessors();
        this.checkInterval = checkInterval;
        this.timeoutMillis = timeout.toMillis();
        this.attempts = attempts;
    }

    /**
     * Before any processor starts: on a database no other node uses (H2), a handover this node had
     * begun is completed, and the rebuilds it held are queued again.
     */
    @Override
    public void afterPropertiesSet() {
        if (!tools.shadow().sharedByNodes()) {
            requests.all().values().stream().filter(request -> request.phase() == Phase.SWAPPING)
                    .collect(Collectors.groupingBy(Request::owner)).values().forEach(this::complete);
            requests.releaseAll();
        }
    }

    /**
     * Asks for a rebuild of the views, in one pass over the store; false (and none asked for) when
     * one of them is being rebuilt already. This node takes it up at once when it runs the views and
     * no rebuild is under way; otherwise the next node to check that can.
     */
    public synchronized boolean request(Collection<String> names, long until) {
        long now = System.currentTimeMillis();
        boolean here = runsViews && idle() && requests.all().values().stream().noneMatch(r -> r.owner() != null
                && !r.staleAt(now, timeoutMillis));
        Boolean asked = tools.transactions().execute(tx -> {
            for (String view : names) {
                if (!requests.ask(view, now, until, here ? tools.node() : null)) {
                    tx.setRollbackOnly();
                    return false;
                }
            }
            return true;
        });
        if (!Boolean.TRUE.equals(asked)) {
            return false;
        }
        requests.all().forEach(known::put);
        if (here) {
            start(List.copyOf(names));
        }
        return true;
    }

    private boolean idle() {
        ShadowRebuild here = running;
        return here == null || here.isDone();
    }

    private void start(List<String> names) {
        ShadowRebuild rebuild = new ShadowRebuild(views.of(names), tools);
        running = rebuild;
        worker.execute(rebuild);
    }

    /** Every view with tables of its own, which a rebuild of all views rebuilds. */
    public Set<String> rebuildable() {
        return views.names();
    }

    /**
     * Whether a rebuild of the view is asked for or under way, on any node, as of this node's last
     * check (for the gauges, read often); {@link #current} asks the database.
     */
    public boolean isRebuilding(String view) {
        return known.containsKey(view);
    }

    /** The rebuild of the view asked for or under way, as the database has it now. */
    public Optional<Request> current(String view) {
        return requests.of(view);
    }

    public Optional<Outcome> lastOutcome(String view) {
        return requests.lastOutcome(view);
    }

    /** Withdraws a rebuild before its swap: the node doing it drops its new tables. */
    public boolean cancel(String view) {
        boolean cancelled = requests.cancel(view);
        known.remove(view);
        ShadowRebuild here = running;
        if (cancelled && here != null && here.views().contains(view)) {
            here.cancel(true);
        }
        return cancelled;
    }

    synchronized void check() {
        Map<String, Request> rows = requests.all();
        known.keySet().retainAll(rows.keySet());
        known.putAll(rows);
        long now = System.currentTimeMillis();
        ShadowRebuild here = running;
        if (here != null && !here.isDone()
                && requests.heartbeat(here.views(), tools.node(), now, here.position() < 0 ? null : here.position())
                < here.views().size()) {
            here.cancel(true);
        }
        followOthers(rows.values(), now);
        if (runsViews && idle()) {
            takeUp(rows.values(), now);
        }
    }

    /**
     * Pauses this node's part of a view another node is handing over; completes a handover whose
     * node died after handing the tokens over (or whose swap failed here).
     */
    private void followOthers(Collection<Request> rows, long now) {
        List<Request> others = rows.stream().filter(r -> r.owner() != null && !r.owner().equals(tools.node())).toList();
        Set<String> handingOver = others.stream()
                .filter(r -> r.phase() == Phase.SWAPPING || (r.phase() == Phase.HANDOVER && !r.staleAt(now, timeoutMillis)))
                .map(Request::view).collect(Collectors.toSet());
        Set<String> toPause = handingOver.stream().filter(pausedForOthers::add).collect(Collectors.toSet());
        tools.live().pause(toPause);
        List<String> over = pausedForOthers.stream().filter(view -> !handingOver.contains(view)).toList();
        over.forEach(pausedForOthers::remove);
        tools.live().resume(over);
        if (runsViews) {
            ShadowRebuild here = running;
            boolean workingHere = here != null && !here.isDone();
            rows.stream().filter(r -> r.phase() == Phase.SWAPPING
                            && (tools.node().equals(r.owner()) ? !workingHere : r.staleAt(now, timeoutMillis)))
                    .collect(Collectors.groupingBy(Request::owner)).values().forEach(this::complete);
        }
    }

    private void takeUp(Collection<Request> rows, long now) {
        // One rebuild at a time in the database: a rebuild's connection sees every shadow table there is.
        if (rows.stream().anyMatch(r -> r.owner() != null && !r.owner().equals(tools.node()) && !r.staleAt(now, timeoutMillis))) {
            return;
        }
        List<String> claimed = new ArrayList<>();
        for (Request request : rows) {
            if (request.phase() == Phase.SWAPPING || !request.staleAt(now, timeoutMillis)) {
                continue;
            }
            if (!views.isRebuildable(request.view())) {
                giveUp(request, "no view " + request.view() + " with tables of its own to rebuild");
            } else if (request.attempts() >= attempts) {
                giveUp(request, "taken up " + request.attempts() + " times and never finished; the last node was "
                        + request.owner());
            } else if (requests.claim(request, tools.node(), now, timeoutMillis)) {
                claimed.add(request.view());
            }
        }
        if (!claimed.isEmpty()) {
            start(claimed);
        }
    }

    private void giveUp(Request request, String reason) {
        log.warn("rebuild of {} given up: {}", request.view(), reason);
        tools.transactions().executeWithoutResult(tx -> requests.finish(List.of(request.view()),
                new Outcome(request.view(), System.currentTimeMillis(), "GIVEN_UP", reason, 0,
                        System.currentTimeMillis() - request.requestedAt(), null, request.owner())));
    }

    /** A handover whose tokens were handed over but whose tables were not swapped: swapped now. */
    private void complete(List<Request> handover) {
        List<String> names = handover.stream().map(Request::view).toList();
        tools.complete(handover, views.of(names).stream().flatMap(view -> view.tables().stream()).toList());
    }

    private void checkSafely() {
        try {
            check();
        } catch (RuntimeException e) {
            log.warn("checking for view rebuilds failed; trying again in {}", checkInterval, e);
        }
    }

    @Override
    public void start() {
        synchronized (lifecycle) {
            worker = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "view-rebuild"));
            checker = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "view-rebuild-check");
                thread.setDaemon(true);
                return thread;
            });
            checker.scheduleWithFixedDelay(this::checkSafely, 0, checkInterval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void stop() {
        synchronized (lifecycle) {
            ShadowRebuild here = running;
            if (here != null) {
                here.cancel(false);
            }
            // No interrupt: one in the middle of a write closes an H2 database. Work under way finishes.
            for (ExecutorService executor : new ExecutorService[]{checker, worker}) {
                if (executor != null) {
                    executor.shutdown();
                    try {
                        executor.awaitTermination(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
            checker = null;
            worker = null;
        }
    }

    @Override
    public boolean isRunning() {
        synchronized (lifecycle) {
            return checker != null;
        }
    }

    /** After Axon's processors have started; stopped before them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 10;
    }
}
