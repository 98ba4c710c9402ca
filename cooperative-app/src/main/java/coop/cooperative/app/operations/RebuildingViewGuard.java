package coop.cooperative.app.operations;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryMessage;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;

import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;

/**
 * Refuses a query with {@link ViewRebuilding} while the projection that answers it is being
 * rebuilt, so nobody mistakes a half-replayed view for the truth. Which projection answers which
 * query is read from the {@code @QueryHandler}s of the {@code @ProcessingGroup} beans.
 */
@Component
class RebuildingViewGuard implements MessageHandlerInterceptor<QueryMessage<?, ?>>, SmartInitializingSingleton {

    private final ApplicationContext context;
    private final QueryBus queryBus;
    private final Projections projections;
    private final Map<Class<?>, String> projectionOfQuery = new HashMap<>();

    RebuildingViewGuard(ApplicationContext context, QueryBus queryBus, Projections projections) {
        this.context = context;
        this.queryBus = queryBus;
        this.projections = projections;
    }

    @Override
    public void afterSingletonsInstantiated() {
        context.getBeansWithAnnotation(ProcessingGroup.class).values().forEach(bean -> {
            Class<?> type = AopUtils.getTargetClass(bean);
            ProcessingGroup group = AnnotatedElementUtils.findMergedAnnotation(type, ProcessingGroup.class);
            for (Method method : type.getDeclaredMethods()) {
                if (group != null && method.isAnnotationPresent(QueryHandler.class) && method.getParameterCount() > 0) {
                    projectionOfQuery.put(method.getParameterTypes()[0], group.value());
                }
            }
        });
        queryBus.registerHandlerInterceptor(this);
    }

    @Override
    public Object handle(UnitOfWork<? extends QueryMessage<?, ?>> unitOfWork, InterceptorChain chain) throws Exception {
        String projection = projectionOfQuery.get(unitOfWork.getMessage().getPayloadType());
        if (projection != null && projections.isRebuilding(projection)) {
            throw new ViewRebuilding(projection);
        }
        return chain.proceed();
    }
}
