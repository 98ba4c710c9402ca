package coop.cooperative.app.web;

import com.fasterxml.jackson.databind.JavaType;
import coop.cooperative.core.shared.TypedId;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.UUIDSchema;
import org.springframework.stereotype.Component;

import java.util.Iterator;

/**
 * Every typed id ({@code MemberId}, {@code CooperativeId}, ...) is a bare UUID string in paths and
 * bodies ({@code DomainJsonModule}); without this the description would call it an object
 * {@code {value: uuid}}, and a generated client would send a body the API refuses.
 */
@Component
class TypedIdSchemas implements ModelConverter {

    @Override
    public Schema<?> resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        JavaType javaType = Json.mapper().constructType(type.getType());
        if (javaType != null && TypedId.class.isAssignableFrom(javaType.getRawClass())) {
            return new UUIDSchema();
        }
        return chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
    }
}
