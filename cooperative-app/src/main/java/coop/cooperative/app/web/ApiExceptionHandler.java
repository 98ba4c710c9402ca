package coop.cooperative.app.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import coop.cooperative.core.shared.DomainException;
import coop.cooperative.core.shared.TypedId;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns every refusal into RFC 9457 problem details: 400 with the fields at fault, 404 for
 * unknown ids, 409 for conflicts with the current state, 422 for broken business rules; a refusal of
 * the domain with its code, in the request's language ({@link RefusalDetails}).
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final RefusalDetails details;

    ApiExceptionHandler(RefusalDetails details) {
        this.details = details;
    }

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalidRequest(InvalidRequestException e) {
        return Problems.invalid(e.errors());
    }

    @ExceptionHandler(DomainException.NotFound.class)
    ProblemDetail notFound(DomainException.NotFound e) {
        return Problems.refused(HttpStatus.NOT_FOUND, "Not found", e, details.say(e));
    }

    @ExceptionHandler(DomainException.Conflict.class)
    ProblemDetail conflict(DomainException.Conflict e) {
        return Problems.refused(HttpStatus.CONFLICT, "Conflict", e, details.say(e));
    }

    @ExceptionHandler(DomainException.RuleViolation.class)
    ProblemDetail ruleViolated(DomainException.RuleViolation e) {
        if (e.refusal().field() != null) {
            ProblemDetail invalid = Problems.invalid(List.of(new FieldError(e.refusal().field(), details.say(e))));
            invalid.setProperty("code", e.code());
            return invalid;
        }
        return Problems.refused(HttpStatus.UNPROCESSABLE_ENTITY, "Rule violated", e, details.say(e));
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail unknownAggregate(AggregateNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "Not found", "No cooperative " + e.getAggregateIdentifier());
    }

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrentChange(ConcurrencyException e) {
        return Problems.of(HttpStatus.CONFLICT, "Conflict", "Someone changed this at the same moment; please try again");
    }

    @ExceptionHandler(CommandExecutionException.class)
    ProblemDetail commandFailed(CommandExecutionException e) {
        if (e.getCause() instanceof DomainException.NotFound notFound) {
            return notFound(notFound);
        }
        if (e.getCause() instanceof DomainException.Conflict conflict) {
            return conflict(conflict);
        }
        if (e.getCause() instanceof DomainException.RuleViolation rule) {
            return ruleViolated(rule);
        }
        return unexpected(e);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e) {
        return Problems.of(HttpStatus.FORBIDDEN, "Forbidden", "Your roles in this cooperative do not allow this");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("unexpected failure", e);
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                // not "nothing was changed": the failure may come after the command's events were stored
                "Something went wrong on our side. The change may or may not have been made: look before trying again");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<FieldError> errors = Stream.concat(
                e.getBindingResult().getFieldErrors().stream()
                        .map(f -> new FieldError(f.getField(), f.getDefaultMessage())),
                e.getBindingResult().getGlobalErrors().stream()
                        .map(g -> new FieldError(g.getObjectName(), g.getDefaultMessage()))
        ).sorted(Comparator.comparing(FieldError::field)).toList();
        return ResponseEntity.badRequest().body(Problems.invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        return ResponseEntity.badRequest().body(Problems.invalid(List.of(unreadable(e.getCause()))));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String field = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        return ResponseEntity.badRequest().body(Problems.invalid(List.of(
                new FieldError(field, "is not a valid " + describe(e.getRequiredType())))));
    }

    private static FieldError unreadable(Throwable cause) {
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            if (mapping instanceof InvalidFormatException invalid && invalid.getTargetType() == String.class) {
                return new FieldError(field, invalid.getOriginalMessage()); // text the API refuses, and why
            }
            Class<?> target = mapping instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
            return new FieldError(field, "is not a valid " + describe(target));
        }
        if (cause instanceof MismatchedInputException) {
            return new FieldError("body", "must be a JSON object");
        }
        if (cause instanceof JsonProcessingException) {
            return new FieldError("body", "is not valid JSON");
        }
        return new FieldError("body", "is required and must be JSON");
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type.isEnum()) {
            return "value; expected one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type == LocalDate.class) {
            return "date; expected YYYY-MM-DD";
        }
        if (type == String.class) {
            return "text; expected a JSON string in quotes";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "list";
        }
        if (TypedId.class.isAssignableFrom(type) || type == UUID.class) {
            return "id (a UUID)";
        }
        return type.getSimpleName().toLowerCase(Locale.ROOT);
    }
}
