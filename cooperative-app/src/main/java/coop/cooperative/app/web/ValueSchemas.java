package coop.cooperative.app.web;

import com.fasterxml.jackson.databind.JavaType;
import coop.cooperative.core.shared.TypedId;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.media.UUIDSchema;
import org.springframework.stereotype.Component;

import java.time.LocalDateTime;
import java.util.Iterator;

/**
 * Value types as the API writes them, where springdoc would guess otherwise. Every typed id
 * ({@code MemberId}, {@code CooperativeId}, ...) is a bare UUID string in paths and bodies
 * ({@code DomainJsonModule}), not an object {@code {value: uuid}}, which a generated client would send
 * and the API refuse. A {@link LocalDateTime} is the cooperative's local time without an offset,
 * which {@code format: date-time} (RFC 3339) would not allow.
 */
@Component
class ValueSchemas implements ModelConverter {

    @Override
    public Schema<?> resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        JavaType javaType = Json.mapper().constructType(type.getType());
        if (javaType != null && TypedId.class.isAssignableFrom(javaType.getRawClass())) {
            return new UUIDSchema();
        }
        if (javaType != null && javaType.getRawClass() == LocalDateTime.class) {
            return new StringSchema().pattern("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?$")
                    .example("2026-12-04T12:00:00").description("Local date and time, without an offset");
        }
        return chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
    }
}
