package coop.cooperative.app.rebuild;

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
 * Runs each query of a view under its {@link ViewSwitch}, so a query never meets the moment its
 * tables are swapped for rebuilt ones. Which view answers which query is read from the
 * {@code @QueryHandler}s of the {@code @ProcessingGroup} beans.
 */
@Component
class SwapGuard implements MessageHandlerInterceptor<QueryMessage<?, ?>>, SmartInitializingSingleton {

    private final ApplicationContext context;
    private final QueryBus queryBus;
    private final ViewSwitch viewSwitch;
    private final Map<Class<?>, String> viewOfQuery = new HashMap<>();

    SwapGuard(ApplicationContext context, QueryBus queryBus, ViewSwitch viewSwitch) {
        this.context = context;
        this.queryBus = queryBus;
        this.viewSwitch = viewSwitch;
    }

    @Override
    public void afterSingletonsInstantiated() {
        context.getBeansWithAnnotation(ProcessingGroup.class).values().forEach(bean -> {
            Class<?> type = AopUtils.getTargetClass(bean);
            ProcessingGroup group = AnnotatedElementUtils.findMergedAnnotation(type, ProcessingGroup.class);
            for (Method method : type.getDeclaredMethods()) {
                if (group != null && method.isAnnotationPresent(QueryHandler.class) && method.getParameterCount() > 0) {
                    viewOfQuery.put(method.getParameterTypes()[0], group.value());
                }
            }
        });
        queryBus.registerHandlerInterceptor(this);
    }

    @Override
    public Object handle(UnitOfWork<? extends QueryMessage<?, ?>> unitOfWork, InterceptorChain chain) throws Exception {
        String view = viewOfQuery.get(unitOfWork.getMessage().getPayloadType());
        return view == null ? chain.proceed() : viewSwitch.reading(view, chain::proceed);
    }
}
