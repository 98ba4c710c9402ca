package coop.cooperative.app.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;

/**
 * The API reads JSON strictly: a text field takes a JSON string, not a number or boolean (so an
 * amount never passes through a client's floating point as {@code 12.5}), and a date is a
 * {@code YYYY-MM-DD} string, not a count of days. An enum is given by its name, not its position
 * ({@code "kind": 2} would silently mean whatever the third constant is today), and text holds no
 * control characters other than tab and line breaks (a NUL in a name came out raw in pages and
 * broke the ledger export).
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfiguration {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictJson() {
        return builder -> builder.postConfigurer(mapper -> {
            mapper.setDefaultLeniency(false);
            mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
            mapper.registerModule(new SimpleModule("text-without-control-characters")
                    .addDeserializer(String.class, new TextDeserializer()));
            mapper.coercionConfigFor(LogicalType.Textual)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        });
    }

    /** Jackson's own reading of a string, refusing control characters (tab, CR and LF are text). */
    static final class TextDeserializer extends StdScalarDeserializer<String> {

        TextDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (text != null && text.chars().anyMatch(TextDeserializer::isControl)) {
                throw InvalidFormatException.from(parser, "must not contain control characters", text, String.class);
            }
            return text;
        }

        private static boolean isControl(int c) {
            return Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r';
        }
    }
}
