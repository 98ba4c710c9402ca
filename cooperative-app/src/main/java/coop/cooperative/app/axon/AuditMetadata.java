package coop.cooperative.app.axon;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.slf4j.MDC;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Stamps every command with the signed-in user's id and the request's correlation id; the
 * correlation data provider then carries both onto every event, so the audit trail says who
 * did what. Work started by the application itself (the demo, schedules) is recorded as "system".
 */
public final class AuditMetadata implements MessageDispatchInterceptor<CommandMessage<?>> {

    public static final String USER_ID = "userId";
    public static final String CORRELATION_ID = "correlationId";
    public static final String SYSTEM = "system";

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            Map<String, Object> audit = new HashMap<>();
            if (!command.getMetaData().containsKey(USER_ID)) {
                audit.put(USER_ID, currentUserId());
            }
            if (!command.getMetaData().containsKey(CORRELATION_ID)) {
                String correlationId = MDC.get(CORRELATION_ID);
                audit.put(CORRELATION_ID, correlationId != null ? correlationId : UUID.randomUUID().toString());
            }
            return command.andMetaData(audit);
        };
    }

    private static String currentUserId() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof UserIdentified user) {
            return user.userId();
        }
        return SYSTEM;
    }

    /** A principal that can say which account it is, without naming the person. */
    public interface UserIdentified {
        String userId();
    }
}
