package coop.cooperative.app.web;

/** One field of a request and what is wrong with it; problem details list these under "errors". */
public record FieldError(String field, String message) {
}
