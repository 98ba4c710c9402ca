package coop.cooperative.app.rebuild;

import coop.cooperative.projections.ViewTables;
import org.axonframework.config.Configuration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.aop.support.AopUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The views that can be rebuilt beside the live ones: a processing group whose event handlers are
 * on a bean naming its tables ({@link ViewTables}). The handlers are the same beans the live
 * processor calls, invoked directly by the rebuild's one reader.
 */
@Component
class RebuildableViews {

    private final ApplicationContext context;
    private final Configuration axon;
    private Map<String, View> views;

    RebuildableViews(ApplicationContext context, Configuration axon) {
        this.context = context;
        this.axon = axon;
    }

    /** A view: its tables (those indexed after the load among them) and its handlers. */
    record View(String name, List<String> tables, List<String> indexedAfterLoad, List<AnnotationEventHandlerAdapter> handlers) {

        boolean handles(Class<?> eventType) {
            return handlers.stream().anyMatch(handler -> handler.canHandleType(eventType));
        }

        void handle(EventMessage<?> event) throws Exception {
            for (AnnotationEventHandlerAdapter handler : handlers) {
                if (handler.canHandle(event)) {
                    handler.handle(event);
                }
            }
        }
    }

    boolean isRebuildable(String name) {
        return all().containsKey(name);
    }

    List<View> of(Collection<String> names) {
        return names.stream().map(name -> {
            View view = all().get(name);
            if (view == null) {
                throw new IllegalArgumentException("the view " + name + " names no tables of its own");
            }
            return view;
        }).toList();
    }

    Set<String> names() {
        return all().keySet();
    }

    private synchronized Map<String, View> all() {
        if (views == null) {
            Map<String, View> found = new TreeMap<>();
            context.getBeansWithAnnotation(ViewTables.class).values().forEach(bean -> {
                Class<?> type = AopUtils.getTargetClass(bean);
                ProcessingGroup group = AnnotatedElementUtils.findMergedAnnotation(type, ProcessingGroup.class);
                if (group == null || !hasEventHandlers(type)) {
                    return;
                }
                ViewTables owned = type.getAnnotation(ViewTables.class);
                AnnotationEventHandlerAdapter handler = new AnnotationEventHandlerAdapter(bean,
                        axon.parameterResolverFactory(), axon.handlerDefinition(type));
                found.merge(group.value(), new View(group.value(), Arrays.asList(owned.value()),
                        Arrays.asList(owned.indexedAfterLoad()), List.of(handler)), (a, b) -> new View(a.name(),
                        concat(a.tables(), b.tables()), concat(a.indexedAfterLoad(), b.indexedAfterLoad()),
                        concat(a.handlers(), b.handlers())));
            });
            views = found;
        }
        return views;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> both = new ArrayList<>(a);
        both.addAll(b);
        return both;
    }

    private static boolean hasEventHandlers(Class<?> type) {
        for (Method method : type.getDeclaredMethods()) {
            if (AnnotatedElementUtils.hasAnnotation(method, EventHandler.class)) {
                return true;
            }
        }
        return false;
    }
}
